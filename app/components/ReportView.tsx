import { ReportInvestments } from "~/components/InvestmentViews";
import { targetGroupKey } from "~/i18n/keys";
import { ComputedStatus } from "~/components/ComputedStatus";
import { TrajectoryTable } from "~/components/TrajectoryTable";
import { TrajectoryChart } from "~/components/TrajectoryChart";
import { StatusBadge } from "~/components/ui/StatusBadge";

import {
  keyFigures,
  milestoneState,
  nextSteps,
  STATUS_ORDER,
  type ReportSnapshot,
  type ReportSummary,
  type ReportTarget,
  type StatusPart,
} from "~/domain/reports/report";
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
 * The quarterly report as a council paper, rendered only from its snapshot (and the summary
 * computed from it), so a published report reads the same on screen, on paper and in the PDF,
 * forever. Page one is the summary; in print each target starts a page of its own.
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
  const { municipality } = snapshot;
  const quarter = f.quarter(snapshot.quarter);
  const previous = previousQuarter ? f.quarter(previousQuarter) : "–";
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
      <div className="report-front">
        <p className="report-identity">{identityLine}</p>
        <h1 id="rapport-titel">{t("report.title", { name: municipality.name, quarter })}</h1>
        {identity.reason ? (
          <p className="report-correction">
            <strong>{t("report.correction")}:</strong> {identity.reason}
          </p>
        ) : null}

        <section aria-labelledby="sammenfatning" className="report-summary">
          <h2 id="sammenfatning">{t("report.summaryTitle")}</h2>
          <ul className="report-headlines">
            <li>
              {summary.total === 0
                ? t("report.noTargets")
                : t("report.counts", {
                    count: summary.total,
                    // only the statuses some target has: "2 nået og 1 bagud", not a row of zeros
                    list: f.list(STATUS_ORDER.filter((s) => n[s] > 0).map((s) => t(`report.countOf.${s}`, { count: n[s] }))),
                  })}
            </li>
            <li>
              {t("report.joint", { joint: summary.joint, total: summary.total, quarter })}
              {summary.missing.length > 0 ? (
                <>
                  {" "}
                  <strong>{t("report.missingHeading", { count: summary.missing.length, quarter })}</strong>{" "}
                  {summary.missing.map((m) => m.title).join("; ")}.
                </>
              ) : null}
            </li>
            <li>
              {summary.overdue.length === 0 ? (
                t("report.noOverdue")
              ) : (
                <>
                  <strong>{t("report.overdueHeading", { count: summary.overdue.length, quarter })}</strong>{" "}
                  {summary.overdue
                    .map((m) => t("report.overdueItem", { title: m.title, target: m.target, date: f.date(m.dueDate) }))
                    .join("; ")}
                  .
                </>
              )}
            </li>
            <li>
              {summary.changes === null
                ? t("report.noPrevious", { quarter: previous })
                : summary.changes.length === 0
                  ? t("report.noChanges", { quarter: previous })
                  : `${t("report.changesIntro", { quarter: previous, count: summary.changes.length })} ${summary.changes
                      .map((c) => `${c.title}: ${t(`status.${c.from}`).toLocaleLowerCase()} → ${t(`status.${c.to}`).toLocaleLowerCase()}`)
                      .join("; ")}.`}
              {summary.added.length > 0 ? ` ${t("report.added", { titles: summary.added.join("; ") })}` : null}
            </li>
            <li>
              {summary.uncovered.length === 0
                ? t("report.allCovered")
                : t("report.uncovered", { list: summary.uncovered.map((c) => `${c.number}. ${c.shortTitle}`).join("; ") })}
            </li>
          </ul>
          {snapshot.targets.length > 0 ? <TargetsAtAGlance snapshot={snapshot} /> : null}
        </section>
      </div>

      {snapshot.targets.map((x) => (
        <TargetSection key={x.id} target={x} snapshot={snapshot} />
      ))}

      <ReportInvestments investments={snapshot.investments} targets={snapshot.targets} />

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

      <footer className="report-footer">
        <p className="muted">
          {snapshot.dataLoadedAt ? t("report.dataLoaded", { date: f.date(snapshot.dataLoadedAt) }) : null} {t("report.disclosure")}
        </p>
        <p className="report-control muted">
          {t("report.controlCode")}: <code>{identity.contentHash.slice(0, 16)}</code>
        </p>
      </footer>
    </article>
  );
}

/** Page one's table: every target's status, latest value against plan and target, and whether the status is joint. */
function TargetsAtAGlance({ snapshot }: { snapshot: ReportSnapshot }) {
  const t = useT();
  const f = useFormat();
  const quarter = f.quarter(snapshot.quarter);
  return (
    <table className="table table--compact report-glance stacked-table">
      <caption>{t("report.glanceCaption", { quarter })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("report.glanceTarget")}</th>
          <th scope="col">{t("report.byFigures")}</th>
          <th scope="col">{t("report.latest")}</th>
          <th scope="col">{t("report.planned")}</th>
          <th scope="col">{t("report.goal")}</th>
          <th scope="col">{t("report.jointStatus")}</th>
        </tr>
      </thead>
      <tbody>
        {snapshot.targets.map((x) => {
          const k = keyFigures(x);
          const unit = x.indicator?.unit ?? "percent";
          return (
            <tr key={x.id}>
              <th scope="row">
                <a href={`#maal-${x.id}`}>{x.title}</a>
              </th>
              <td data-label={t("report.byFigures")}>
                <StatusBadge status={x.computedStatus} />
              </td>
              <td data-label={t("report.latest")}>
                {x.kind === "milepael" ? (
                  t("report.milestonesOf", { done: x.milestones.filter((m) => m.done).length, count: x.milestones.length })
                ) : k.latest ? (
                  t("report.valueIn", { value: f.value(k.latest.value, unit), period: f.period(k.latest.period) })
                ) : (
                  <span className="muted">{t("report.noValue")}</span>
                )}
              </td>
              <td data-label={t("report.planned")}>{k.latest ? f.value(k.planned, unit) : "–"}</td>
              <td data-label={t("report.goal")}>
                {k.target !== null && k.deadline
                  ? t("report.valueIn", { value: f.value(k.target, unit), period: f.period(k.deadline) })
                  : "–"}
              </td>
              <td data-label={t("report.jointStatus")}>
                {x.status?.joint ? t("report.jointYes") : <strong>{t("report.jointMissing")}</strong>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function TargetSection({ target: x, snapshot }: { target: ReportTarget; snapshot: ReportSnapshot }) {
  const f = useFormat();
  const t = useT();
  const quarter = f.quarter(snapshot.quarter);
  const unit = x.indicator?.unit ?? "percent";
  const chartLabel = t("report.chartLabel", { title: x.title });
  const k = keyFigures(x);
  const steps = nextSteps(x, snapshot.quarter);
  const observed = x.trend.filter((p) => !p.planned);
  return (
    <section id={`maal-${x.id}`} className="report-target" aria-labelledby={`maal-${x.id}-titel`}>
      <h2 id={`maal-${x.id}-titel`} className="h3">
        {x.title}
      </h2>
      <p>
        <span className="muted">{t("report.byFigures")}:</span>{" "}
        <ComputedStatus status={x.computedStatus} latest={x.latest} newest={x.newest} unavailable={x.unavailable} />
        {x.partnership ? <span className="muted"> · {t("report.partnership", { title: x.partnership })}</span> : null}
      </p>
      {x.indicator ? (
        <dl className="report-keyfigures">
          <div>
            <dt>{k.latest ? t("report.latestIn", { period: f.period(k.latest.period) }) : t("report.latest")}</dt>
            <dd>{k.latest ? f.value(k.latest.value, unit) : t("report.noValue")}</dd>
          </div>
          <div>
            <dt>{k.latest ? t("report.plannedIn", { period: f.period(k.latest.period) }) : t("report.planned")}</dt>
            <dd>{f.value(k.planned, unit)}</dd>
          </div>
          <div>
            <dt>{t("report.goalIn", { period: f.period(x.deadlinePeriod ?? "") })}</dt>
            <dd>{f.value(x.targetValue, unit)}</dd>
          </div>
          <div>
            <dt>{t("report.baselineIn", { period: f.period(x.baselinePeriod ?? "") })}</dt>
            <dd>{f.value(x.baselineValue, unit)}</dd>
          </div>
        </dl>
      ) : null}
      <p>{x.rationale}</p>
      <dl className="facts facts--inline">
        {x.indicator ? (
          <div>
            <dt>{t("goal.indicator")}</dt>
            <dd>
              {x.indicator.nameDa} ({t(targetGroupKey(x.targetGroup ?? ""))})
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("indicator.challenges")}</dt>
          <dd>{x.challenges.join(", ")}</dd>
        </div>
        <div>
          <dt>{t("report.owners")}</dt>
          <dd>{t("report.ownersList", { school: x.owners.school ?? "–", social: x.owners.social ?? "–" })}</dd>
        </div>
      </dl>
      {x.trend.length > 1 ? (
        <div className="report-chart">
          <TrajectoryChart
            points={x.trend}
            unit={unit}
            label={chartLabel}
            names={{ actual: snapshot.municipality.name, expected: t("goal.trajectory"), target: t("goal.targetLine") }}
          />
          {observed.length > 0 ? (
            <TrajectoryTable points={observed} unit={unit} title={chartLabel} actualName={snapshot.municipality.name} />
          ) : null}
          {x.trend.some((p) => p.planned) ? <p className="muted">{t("report.plannedNote", { quarter })}</p> : null}
        </div>
      ) : null}

      <h3 className="h5">{x.status?.joint ? t("report.assessmentJoint", { quarter }) : t("report.assessmentNotJoint", { quarter })}</h3>
      {x.status?.joint ? (
        <p>
          {x.status.school?.confirmedBy && x.status.social?.confirmedBy
            ? t("report.jointBy", { school: x.status.school.confirmedBy, social: x.status.social.confirmedBy })
            : t("report.jointByBoth")}
        </p>
      ) : (
        <p>
          <strong>{t("report.notJointText")}</strong>
        </p>
      )}
      <div className="status-parts">
        <Part side="school" part={x.status?.school ?? null} joint={!!x.status?.joint} />
        <Part side="social" part={x.status?.social ?? null} joint={!!x.status?.joint} />
      </div>

      <h3 className="h5">{t("report.nextSteps")}</h3>
      {steps.length === 0 && x.milestones.every((m) => m.done) ? (
        <p className="muted">{t("report.noNextSteps")}</p>
      ) : (
        <table className="table table--compact stacked-table report-steps">
          <caption className="sr-only">{t("report.nextStepsCaption", { title: x.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("report.step")}</th>
              <th scope="col">{t("report.owner")}</th>
              <th scope="col">{t("report.due")}</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s) => (
              <tr key={s.side}>
                <td data-label={t("report.step")}>{s.text}</td>
                <td data-label={t("report.owner")}>
                  {s.owner ?? "–"} <span className="muted">({t(s.side === "school" ? "targets.ownerSchool" : "targets.ownerSocial")})</span>
                </td>
                <td data-label={t("report.due")}>{f.date(s.due)}</td>
              </tr>
            ))}
            {x.milestones
              .filter((m) => !m.done)
              .map((m) => {
                const overdue = milestoneState(m, snapshot.quarter) === "overdue";
                return (
                  <tr key={`m-${m.title}`} className={overdue ? "report-overdue" : undefined}>
                    <td data-label={t("report.step")}>
                      {t("report.milestone", { title: m.title })}
                      {overdue ? (
                        <>
                          {" "}
                          <strong className="badge badge-error">{t("report.overdue")}</strong>
                        </>
                      ) : null}
                    </td>
                    <td data-label={t("report.owner")}>{t("report.bothOwners")}</td>
                    <td data-label={t("report.due")}>{f.date(m.dueDate)}</td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      )}
      {x.milestones.some((m) => m.done) ? (
        <p className="muted">
          {t("report.milestonesDone", {
            list: x.milestones
              .filter((m) => m.done)
              .map((m) => `${m.title} (${f.date(m.dueDate)})`)
              .join("; "),
          })}
        </p>
      ) : null}
    </section>
  );
}

/** One department's part of the status, in its director's own words and attributed to them. */
function Part({ side, part, joint }: { side: "school" | "social"; part: StatusPart | null; joint: boolean }) {
  const t = useT();
  const department = t(side === "school" ? "targets.ownerSchool" : "targets.ownerSocial");
  if (!part)
    return (
      <div className="status-part">
        <h4 className="h6">{department}</h4>
        <p className="muted">{t("report.partMissing")}</p>
      </div>
    );
  return (
    <figure className="status-part">
      <h4 className="h6">{department}</h4>
      <blockquote>
        <p>
          {part.assessment ? <StatusBadge status={part.assessment} /> : null}
          {part.justification ? ` ${part.justification}` : ""}
        </p>
        {part.done ? (
          <p>
            <strong>{t("report.done")}:</strong> {part.done}
          </p>
        ) : null}
        {part.risks ? (
          <p>
            <strong>{t("goal.risks")}:</strong> {part.risks}
          </p>
        ) : null}
      </blockquote>
      <figcaption className="muted">
        {part.confirmedBy
          ? t("report.confirmedBy", { name: part.confirmedBy })
          : // a snapshot from before names were kept: a joint status is confirmed by both sides
            t(joint ? "report.confirmedBy" : "report.notConfirmed", {
              name: department.toLocaleLowerCase(),
              department: department.toLocaleLowerCase(),
            })}
      </figcaption>
    </figure>
  );
}
