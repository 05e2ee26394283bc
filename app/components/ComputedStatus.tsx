import { StatusBadge, type TargetStatus } from "~/components/ui/StatusBadge";
import { useFormat, useT } from "~/i18n/react";

type Props = {
  status: TargetStatus;
  latest?: { period: string } | null;
  newest?: { period: string; withheld: boolean } | null;
  unavailable?: "withheld" | "not-measured" | null;
};

/**
 * The computed status and what it rests on: the period of the latest shown figure when the
 * newest one is withheld or not measured yet ("Bagud – seneste viste tal: 2023/24"), or why it
 * cannot be computed.
 */
export function ComputedStatus({ status, latest, newest, unavailable }: Props) {
  const t = useT();
  const f = useFormat();
  let note: string | null = null;
  if (status === "ingen-data" && unavailable) note = t(`trust.progress.unavailable.${unavailable}`);
  else if (newest && latest)
    note = `${t("trust.progress.latestShown", { period: f.period(latest.period) })} (${newest.withheld ? t("trust.progress.newestWithheld", { period: f.period(newest.period) }) : t("trust.progress.newestMissing", { period: f.period(newest.period) })})`;
  return (
    <>
      <StatusBadge status={status} />
      {note ? <span className="computed-note"> – {note}</span> : null}
    </>
  );
}
