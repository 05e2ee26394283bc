import { ReportInvestments } from "~/components/InvestmentViews";
import { targetGroupKey } from "~/i18n/keys";
import { ComputedStatus } from "~/components/ComputedStatus";
import { TrajectoryTable } from "~/components/TrajectoryTable";
import { TrajectorySvg } from "~/components/TrajectorySvg";
import { StatusBadge } from "~/components/ui/StatusBadge";

import { STATUS_ORDER, type ReportSnapshot, type ReportSummary, type StatusPart } from "~/domain/reports/report";
import { useT, useFormat } from "~/i18n/react";

export type ReportIdentity = {
  version: number | null;
  publishedAt: string | null;
  contentHash: string;
  reason: string | null;
  listsMissing: boolean;
  superseded: boolean;
};

/**
 * The quarterly report, rendered only from its snapshot (and the summary computed from it), so a
 * published report reads the same on screen, on paper and in the PDF, forever.
 */
export function ReportView({
  snapshot,
  summary,
  identity,
  previousQuarter,
}: {
  snapshot: ReportSnapshot;
  summary: ReportSummary;
  identity: ReportIdentity;
  previousQuarter: string | null;
}) {
  const f = useFormat();
  const t = useT();
  const { municipality, quarter } = snapshot;
  const identityLine = identity.version
    ? t("report.identity", { name: municipality.name, quarter, version: identity.version, date: f.date(identity.publishedAt!) })
    : t("report.identityDraft", { name: municipality.name, quarter });
  // the identity and page numbers on every printed page (Chromium's @page margin boxes)
  const cssText = (s: string) => s.replace(/["\\<>]/g, "");
  const pageCss = `@page { size: A4; margin: 18mm 16mm 20mm; @top-left { content: "${cssText(identityLine)}"; font: 9pt "IBM Plex Sans", sans-serif; color: #4a4a4a; } @bottom-right { content: "${cssText(t("report.page"))} " counter(page) " ${cssText(t("report.of"))} " counter(pages); font: 9pt "IBM Plex Sans", sans-serif; color: #4a4a4a; } }`;
  const n = summary.counts;
  return (
    <article className="report" aria-labelledby="rapport-titel">
      {/* set as HTML: React would escape the quotes the CSS strings need (cssText strips any in the values) */}
      <style dangerouslySetInnerHTML={{ __html: pageCss }} />
      <p className="report-identity">{identityLine}</p>
      <h1 id="rapport-titel">{t("report.title", { name: municipality.name, quarter })}</h1>
      {identity.reason ? (
        <p className="report-correction">
          <strong>{t("report.correction")}:</strong> {identity.reason}
        </p>
      ) : null}

      <section aria-labelledby="sammenfatning" className="report-summary">
        <h2 id="sammenfatning">{t("report.summaryTitle")}</h2>
        <p>
          {summary.total === 0
            ? t("report.noTargets")
            : t("report.counts", {
                count: summary.total,
                onTrack: n["paa-sporet"],
                atRisk: n["i-risiko"],
                behind: n.bagud,
                reached: n.naaet,
                noData: n["ingen-data"],
              })}
        </p>
        <p>{t("report.joint", { joint: summary.joint, total: summary.total, quarter })}</p>
        {summary.missing.length > 0 ? (
          <div className="report-missing">
            <p>
              <strong>{t("report.missingHeading", { count: summary.missing.length, quarter })}</strong>
            </p>
            <ul>
              {summary.missing.map((m) => (
                <li key={m.id}>{m.title}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <p>
          {summary.changes === null
            ? t("report.noPrevious", { quarter: previousQuarter ?? "–" })
            : summary.changes.length === 0
              ? t("report.noChanges", { quarter: previousQuarter })
              : t("report.changesIntro", { quarter: previousQuarter, count: summary.changes.length })}
        </p>
        {summary.changes && summary.changes.length > 0 ? (
          <ul>
            {summary.changes.map((c) => (
              <li key={c.title}>
                {c.title}: {t(`status.${c.from}`).toLocaleLowerCase("da-DK")} → {t(`status.${c.to}`).toLocaleLowerCase("da-DK")}
              </li>
            ))}
          </ul>
        ) : null}
        {summary.added.length > 0 ? <p>{t("report.added", { titles: summary.added.join("; ") })}</p> : null}
        <p>
          {summary.uncovered.length === 0
            ? t("report.allCovered")
            : t("report.uncovered", { list: summary.uncovered.map((c) => `${c.number}. ${c.shortTitle}`).join("; ") })}
        </p>
      </section>

      <section aria-labelledby="udfordringer" className="report-grid">
        <h2 id="udfordringer">{t("report.gridTitle")}</h2>
        <table className="table table--compact">
          <caption>{t("report.gridCaption", { quarter })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("report.challenge")}</th>
              <th scope="col">{t("report.targetsAndStatus")}</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.challenges.map((c) => {
              const mine = snapshot.targets.filter((x) => x.challenges.includes(c.number));
              return (
                <tr key={c.number}>
                  <th scope="row">
                    {c.number}. {c.shortTitle}
                  </th>
                  <td>
                    {mine.length === 0 ? (
                      <span className="muted">{t("report.noTarget")}</span>
                    ) : (
                      <ul className="unstyled-list">
                        {mine.map((x) => (
                          <li key={x.id}>
                            <StatusBadge status={x.computedStatus} /> <a href={`#maal-${x.id}`}>{x.title}</a>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="muted">{t("report.statusLegend", { list: STATUS_ORDER.map((s) => t(`status.${s}`)).join(", ") })}</p>
      </section>

      {snapshot.targets.map((x) => {
        const unit = x.indicator?.unit ?? "percent";
        const chartLabel = t("report.chartLabel", { title: x.title });
        return (
          <section key={x.id} id={`maal-${x.id}`} className="report-target" aria-labelledby={`maal-${x.id}-titel`}>
            <h2 id={`maal-${x.id}-titel`} className="h3">
              {x.title}
            </h2>
            <p>
              <ComputedStatus status={x.computedStatus} latest={x.latest} newest={x.newest} unavailable={x.unavailable} />{" "}
              <span className="muted">{t("targets.computed")}</span>
              {x.partnership ? <span className="muted"> · {t("report.partnership", { title: x.partnership })}</span> : null}
            </p>
            <p>{x.rationale}</p>
            <dl className="facts">
              <div>
                <dt>{t("indicator.challenges")}</dt>
                <dd>{x.challenges.join(", ")}</dd>
              </div>
              <div>
                <dt>{t("targets.ownerSchool")}</dt>
                <dd>{x.owners.school ?? "–"}</dd>
              </div>
              <div>
                <dt>{t("targets.ownerSocial")}</dt>
                <dd>{x.owners.social ?? "–"}</dd>
              </div>
              {x.indicator ? (
                <>
                  <div>
                    <dt>{t("goal.indicator")}</dt>
                    <dd>
                      {x.indicator.nameDa} ({t(targetGroupKey(x.targetGroup ?? ""))})
                    </dd>
                  </div>
                  <div>
                    <dt>{t("targets.baseline", { period: x.baselinePeriod })}</dt>
                    <dd>{f.value(x.baselineValue, unit)}</dd>
                  </div>
                  <div>
                    <dt>{t("targets.targetValue", { period: x.deadlinePeriod })}</dt>
                    <dd>{f.value(x.targetValue, unit)}</dd>
                  </div>
                </>
              ) : null}
            </dl>
            {x.trend.length > 1 ? (
              <>
                <TrajectorySvg
                  points={x.trend}
                  unit={unit}
                  label={chartLabel}
                  names={{ actual: municipality.name, expected: t("goal.trajectory"), target: t("goal.targetLine") }}
                />
                <TrajectoryTable points={x.trend} unit={unit} title={chartLabel} actualName={municipality.name} />
                {x.trend.some((p) => p.planned) ? <p className="muted">{t("trust.progress.plannedNote", { quarter })}</p> : null}
              </>
            ) : null}
            {x.milestones.length > 0 ? (
              <>
                <h3 className="h5">{t("goal.milestones")}</h3>
                <ul>
                  {x.milestones.map((m) => (
                    <li key={m.title}>
                      {m.done ? "✓" : "○"} {m.title} – {f.date(m.dueDate)} ({m.done ? t("goal.milestoneDone") : t("goal.notDone")})
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <h3 className="h5">
              {t("report.statusFor", { quarter })}: {x.status?.joint ? t("targets.joint") : t("report.notJoint")}
            </h3>
            <div className="status-parts">
              <Part title={t("targets.ownerSchool")} part={x.status?.school ?? null} />
              <Part title={t("targets.ownerSocial")} part={x.status?.social ?? null} />
            </div>
          </section>
        );
      })}

      <ReportInvestments investments={snapshot.investments} targets={snapshot.targets} />

      <footer className="report-footer">
        <p className="muted">
          {snapshot.dataLoadedAt ? t("report.dataLoaded", { date: f.date(snapshot.dataLoadedAt) }) : null} {t("report.disclosure")}
        </p>
        <p className="muted">
          {t("report.hash")}: <code>{identity.contentHash.slice(0, 16)}</code>
        </p>
      </footer>
    </article>
  );
}

function Part({ title, part }: { title: string; part: StatusPart | null }) {
  const t = useT();
  return (
    <div>
      <h4 className="h6">{title}</h4>
      {part ? (
        <dl className="facts">
          <div>
            <dt>{t("goal.done")}</dt>
            <dd>{part.done}</dd>
          </div>
          <div>
            <dt>{t("goal.next")}</dt>
            <dd>{part.next}</dd>
          </div>
          {part.risks ? (
            <div>
              <dt>{t("goal.risks")}</dt>
              <dd>{part.risks}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("goal.assessment")}</dt>
            <dd>
              {part.assessment ? <StatusBadge status={part.assessment} /> : "–"}
              {part.justification ? ` ${part.justification}` : ""}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="muted">{t("goal.notWritten")}</p>
      )}
    </div>
  );
}
