import { pageTitle } from "~/i18n/meta";
import { requestLocale } from "~/http/edge.server";
import { targetGroupShortKey } from "~/i18n/keys";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Sparkline } from "~/components/Sparkline";
import { StatusBadge, TARGET_STATUSES } from "~/components/ui/StatusBadge";
import { requireActor, requirePermission } from "~/data/auth.server";
import { challengesAcrossPartnership } from "~/data/indicator-views.server";

import { useT, useFormat } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, (t) => t("titles.challenges"))];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  requirePermission(actor, { kind: "read-all-municipalities" });
  return { challenges: challengesAcrossPartnership(context.db, requestLocale(request)) };
}

export default function ChallengesPage() {
  const f = useFormat();
  const { challenges } = useLoaderData<typeof loader>();
  const t = useT();
  // the column names, also each value's label where the table stacks on a phone
  const columns = {
    group: t("challengesPage.group"),
    first: t("challengesPage.first"),
    latest: t("challengesPage.latest"),
    trend: t("challengesPage.trend"),
    direction: t("challengesPage.direction"),
  };
  return (
    <>
      <h1>{t("challengesPage.title")}</h1>
      <p className="lead">{t("challengesPage.intro")}</p>
      {challenges.map((c) => (
        <section key={c.number} aria-labelledby={`udfordring-${c.number}`} className="challenge-section">
          <h2 id={`udfordring-${c.number}`}>{t("overview.challengeHeading", { number: c.number, title: c.title })}</h2>
          <div className="table-scroll" role="region" aria-label={`${t("challengesPage.indicators")}: ${c.title}`} tabIndex={0}>
            <table className="table table--compact data-table stacked-table">
              <caption>{t("challengesPage.indicators")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("compare.indicator")}</th>
                  <th scope="col">{columns.group}</th>
                  <th scope="col" className="num">
                    {columns.first}
                  </th>
                  <th scope="col" className="num">
                    {columns.latest}
                  </th>
                  <th scope="col">{columns.trend}</th>
                  <th scope="col">{columns.direction}</th>
                </tr>
              </thead>
              <tbody>
                {c.indicators.map((i) => (
                  <tr key={i.code}>
                    <th scope="row">
                      <Link to={`/sammenlign?indikator=${i.code}&maalgruppe=${i.targetGroup}`}>{i.name}</Link>
                      {i.reason ? <span className="challenge-reason">{i.reason}</span> : null}
                    </th>
                    <td data-label={columns.group}>{t(targetGroupShortKey(i.targetGroup))}</td>
                    <td className="num" data-label={columns.first}>
                      {i.first ? `${i.first.period}: ${f.valuePrecise(i.first.value, i.unit)}` : "–"}
                    </td>
                    <td className="num" data-label={columns.latest}>
                      {i.last ? `${i.last.period}: ${f.valuePrecise(i.last.value, i.unit)}` : "–"}
                    </td>
                    <td data-label={columns.trend}>
                      <Sparkline
                        values={i.values}
                        label={
                          i.first && i.last
                            ? t("challengesPage.trendLabel", {
                                name: i.name,
                                first: f.value(i.first.value, i.unit),
                                firstPeriod: i.first.period,
                                last: f.value(i.last.value, i.unit),
                                lastPeriod: i.last.period,
                              })
                            : i.name
                        }
                      />
                    </td>
                    <td data-label={columns.direction}>{i.direction ? t(`challengesPage.directions.${i.direction}`) : "–"}</td>
                  </tr>
                ))}
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
