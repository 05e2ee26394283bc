import { pageTitle } from "~/i18n/meta";
import { requestLocale } from "~/http/edge.server";
import { targetGroupShortKey } from "~/i18n/keys";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FigureValue } from "~/components/FigureValue";
import { Sparkline } from "~/components/Sparkline";
import { StatusBadge, TARGET_STATUSES } from "~/components/ui/StatusBadge";
import { requireActor, requirePermission } from "~/data/auth.server";
import { listChallenges, listIndicators } from "~/data/catalogue.server";
import { readFiguresOfIndicators } from "~/data/figures.server";
import { citeSources, effectiveTargetGroup, indicatorName } from "~/domain/catalogue";
import { targetsByChallenge } from "~/data/targets.server";

import { useLocale, useT, useFormat } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, (t) => t("titles.challenges"))];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  requirePermission(actor, { kind: "read-all-municipalities" });
  const asked = listIndicators(context.db).map((indicator) => ({ indicator, targetGroups: [effectiveTargetGroup(indicator, "anbragte")] }));
  // every indicator's national series in one read, not a query per indicator
  const figures = readFiguresOfIndicators(context.db, { indicators: asked, nation: true });
  const indicators = asked.map(({ indicator, targetGroups: [targetGroup] }) => {
    const series = figures.get(indicator.code)!.map((f) => ({
      period: f.period,
      value: f.shown,
      withheld: Boolean(f.withheld),
      why: f.withheld,
    }));
    return {
      code: indicator.code,
      nameDa: indicator.nameDa,
      nameEn: indicator.nameEn,
      unit: indicator.unit,
      polarity: indicator.polarity,
      reasons: indicator.reasons,
      targetGroup,
      series,
    };
  });
  const targets = new Map(targetsByChallenge(context.db).map((s) => [s.challenge, s]));
  return {
    challenges: listChallenges(context.db, requestLocale(request)).map((c) => ({
      number: c.number,
      title: c.title,
      indicators: indicators
        .filter((i) => c.number in i.reasons)
        .map(({ reasons, ...i }) => ({ ...i, reason: citeSources(reasons[c.number] ?? "") })),
      targets: targets.get(c.number) ?? null,
    })),
  };
}

/** Whether the national figure moved the good way between its first and latest period. */
function directionOf(polarity: "higher" | "lower" | "neutral", first: number, last: number): "better" | "worse" | "same" | "neutral" {
  if (polarity === "neutral") return "neutral";
  if (Math.abs(last - first) < 1e-9) return "same";
  return last > first === (polarity === "higher") ? "better" : "worse";
}

export default function ChallengesPage() {
  const f = useFormat();
  const { challenges } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("challengesPage.title")}</h1>
      <p className="lead">{t("challengesPage.intro")}</p>
      {challenges.map((c) => (
        <section key={c.number} aria-labelledby={`udfordring-${c.number}`} className="challenge-section">
          <h2 id={`udfordring-${c.number}`}>{t("overview.challengeHeading", { number: c.number, title: c.title })}</h2>
          <div className="table-scroll" role="region" aria-label={`${t("challengesPage.indicators")}: ${c.title}`} tabIndex={0}>
            <table className="table table--compact data-table">
              <caption>{t("challengesPage.indicators")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("compare.indicator")}</th>
                  <th scope="col">{t("challengesPage.group")}</th>
                  <th scope="col" className="num">
                    {t("challengesPage.first")}
                  </th>
                  <th scope="col" className="num">
                    {t("challengesPage.latest")}
                  </th>
                  <th scope="col">{t("challengesPage.trend")}</th>
                  <th scope="col">{t("challengesPage.direction")}</th>
                </tr>
              </thead>
              <tbody>
                {c.indicators.map((i) => {
                  const known = i.series.filter((p) => p.value !== null);
                  const first = known[0];
                  const last = known.at(-1);
                  return (
                    <tr key={i.code}>
                      <th scope="row">
                        <Link to={`/sammenlign?indikator=${i.code}&maalgruppe=${i.targetGroup}`}>{indicatorName(i, locale)}</Link>
                        {i.reason ? <span className="challenge-reason">{i.reason}</span> : null}
                      </th>
                      <td>{t(targetGroupShortKey(i.targetGroup))}</td>
                      <td className="num">
                        {first ? (
                          <>
                            {`${first.period}: `}
                            <FigureValue figure={first} unit={i.unit} precise />
                          </>
                        ) : (
                          "–"
                        )}
                      </td>
                      <td className="num">
                        {last ? (
                          <>
                            {`${last.period}: `}
                            <FigureValue figure={last} unit={i.unit} precise />
                          </>
                        ) : (
                          "–"
                        )}
                      </td>
                      <td>
                        <Sparkline
                          values={i.series.map((p) => p.value)}
                          label={
                            first && last
                              ? `${indicatorName(i, locale)}: ${f.value(first.value, i.unit)} i ${first.period}, ${f.value(last.value, i.unit)} i ${last.period}`
                              : indicatorName(i, locale)
                          }
                        />
                      </td>
                      <td>{first && last ? t(`challengesPage.directions.${directionOf(i.polarity, first.value!, last.value!)}`) : "–"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <h3 className="h4">{t("challengesPage.targets")}</h3>
          {c.targets ? (
            <>
              <p>{t("challengesPage.targetsSummary", { count: c.targets.municipalities, targets: c.targets.targets })}</p>
              <ul className="status-counts">
                {TARGET_STATUSES.filter((s) => c.targets!.byStatus[s] > 0).map((s) => (
                  <li key={s}>
                    <StatusBadge status={s} /> {t("challengesPage.targetCount", { count: c.targets!.byStatus[s] })}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t("challengesPage.noTargets")}</p>
          )}
        </section>
      ))}
    </>
  );
}
