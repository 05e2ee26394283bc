import { useT } from "~/i18n/react";

export const TARGET_STATUSES = ["paa-sporet", "i-risiko", "bagud", "naaet", "ingen-data"] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

const VARIANT: Record<TargetStatus, string> = {
  "paa-sporet": "badge-success",
  "i-risiko": "badge-warning",
  bagud: "badge-error",
  naaet: "badge-info",
  "ingen-data": "",
};

// A symbol and a word as well as a colour, so the status never rests on colour alone.
const SYMBOL: Record<TargetStatus, string> = {
  "paa-sporet": "✓",
  "i-risiko": "!",
  bagud: "✕",
  naaet: "★",
  "ingen-data": "–",
};

export function StatusBadge({ status }: { status: TargetStatus }) {
  const t = useT();
  return (
    <span className={`badge status-badge ${VARIANT[status]}`}>
      <span aria-hidden="true" className="status-badge__symbol">
        {SYMBOL[status]}
      </span>{" "}
      {t(`status.${status}`)}
    </span>
  );
}
