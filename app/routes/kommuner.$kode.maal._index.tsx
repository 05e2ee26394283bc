import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requestLocale } from "~/http/edge.server";
import { pageTitle } from "~/i18n/meta";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ComputedStatus } from "~/components/ComputedStatus";
import { FigureValue } from "~/components/FigureValue";
import { SelectField } from "~/components/ui/FormField";
import { Alert } from "~/components/ui/Alert";
import { TARGET_STATUSES } from "~/components/ui/StatusBadge";
import { requireActor, requirePermission } from "~/data/auth.server";
import { findIndicator, listChallenges } from "~/data/catalogue.server";
import { requireMunicipality } from "~/data/params.server";
import { currentQuarter, listPartnershipTargets, listTargets, myTasks } from "~/data/targets.server";

import { useT, useFormat } from "~/i18n/react";
import { can } from "~/domain/access";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageTitle(matches, (t) => (data ? t("titles.targets", { name: data.municipality.name }) : null)),
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  const municipality = requireMunicipality(context.db, params.kode);
  requirePermission(actor, {
    kind: "read-targets",
    municipality: municipality.code,
  });
  const quarter = currentQuarter(context.db);
  const url = new URL(request.url);
  // an unknown filter value shows everything rather than an error: the list is a reading aid
  const filter = {
    challenge: z.coerce
      .number()
      .int()
      .min(1)
      .max(8)
      .catch(0)
      .parse(url.searchParams.get("udfordring") || 0),
    status: z
      .enum(TARGET_STATUSES)
      .nullable()
      .catch(null)
      .parse(url.searchParams.get("status") || null),
  };
  // each target once (one read: progress of all targets in one pass), with this quarter's joint state
  const all = listTargets(context.db, municipality.code, quarter).map((t) => ({
    id: t.id,
    title: t.title,
    kind: t.kind,
    state: t.state,
    challenges: t.challenges,
    computedStatus: t.computedStatus,
    progress: t.progress,
    latest: t.latest,
    newest: t.newest,
    unavailable: t.unavailable,
    baselinePeriod: t.baselinePeriod,
    baselineValue: t.baselineValue,
    targetValue: t.targetValue,
    deadlinePeriod: t.deadlinePeriod,
    unit: t.indicatorCode ? (findIndicator(context.db, t.indicatorCode)?.unit ?? "percent") : "percent",
    joint: t.joint,
    adopted: t.adoptedFromId !== null,
  }));
  const targets = all.filter(
    (t) =>
      (!filter.challenge || t.challenges.includes(filter.challenge)) &&
      (!filter.status || (t.state === "aktiv" && t.computedStatus === filter.status)),
  );
  const canCreate = can(actor, {
    kind: "write-targets",
    municipality: municipality.code,
  });
  const adoptedIds = new Set(targets.flatMap((t) => (t.adopted ? [t.id] : [])));
  // partnership targets this municipality could still adopt (for those who may adopt them)
  const notAdopted = canCreate
    ? listPartnershipTargets(context.db)
        .filter((p) => p.state === "aktiv" && !p.adoptions.some((a) => a.municipalityCode === municipality.code || adoptedIds.has(a.id)))
        .map((p) => ({ id: p.id, title: p.title }))
    : [];
  return {
    municipality,
    quarter,
    targets,
    all: all.length,
    // the quarter's missing joint statuses are about every active target, whatever the filter
    missing: all.filter((x) => x.state === "aktiv" && !x.joint).map((x) => ({ id: x.id, title: x.title })),
    filter,
    challenges: listChallenges(context.db, requestLocale(request)),
    canCreate,
    notAdopted,
    tasks: actor.municipalityCode === municipality.code ? myTasks(context.db, actor, quarter) : [],
  };
}

export default function TargetsPage() {
  const f = useFormat();
  const { municipality, quarter, targets, all, missing, filter, challenges, canCreate, notAdopted, tasks } = useLoaderData<typeof loader>();
  const t = useT();
  const challengeTitle = new Map(challenges.map((c) => [c.number, c.shortTitle]));
  return (
    <>
      <h1>{t("targets.title", { name: municipality.name })}</h1>
      <p className="lead">{t("targets.intro")}</p>
      {canCreate ? (
        <p>
          <Link to={`/kommuner/${municipality.code}/maal/ny`} className="button button-primary">
            {t("newTarget.create")}
          </Link>
        </p>
      ) : null}
      {tasks.length > 0 ? (
        <section aria-labelledby="mine-opgaver" className="my-tasks">
          <h2 id="mine-opgaver" className="h3">
            {t("targets.myTasks")}
          </h2>
          <ul>
            {tasks.map((task) => (
              <li key={task.id}>
                <Link to={`/kommuner/${municipality.code}/maal/${task.id}#skriv-status`}>{task.title}</Link>:{" "}
                {t(`targets.task.${task.task}`, { quarter })}
                {task.withdrawn
                  ? ` (${t("trust.status.withdrawnTask", {
                      by: task.withdrawn.by,
                      at: f.date(task.withdrawn.at),
                    })})`
                  : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {missing.length > 0 ? (
        <Alert variant="warning" heading={t("targets.missingHeading", { quarter })}>
          <p>{t("targets.missingText", { count: missing.length })}</p>
          <ul>
            {missing.map((x) => (
              <li key={x.id}>
                <Link to={`/kommuner/${municipality.code}/maal/${x.id}`}>{x.title}</Link>
              </li>
            ))}
          </ul>
        </Alert>
      ) : (
        <Alert variant="success" heading={t("targets.quarterStatus", { quarter })}>
          <p>{t("targets.allJoint", { quarter })}</p>
        </Alert>
      )}
      {notAdopted.length > 0 ? (
        <Alert variant="info" heading={t("targets.partnershipHeading")}>
          <p>{t("targets.partnershipText")}</p>
          <ul>
            {notAdopted.map((p) => (
              <li key={p.id}>
                <Link to={`/partnerskabsmaal/${p.id}`}>{p.title}</Link>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <section aria-labelledby="maalliste">
        <h2 id="maalliste" className="h3">
          {t("nav.targets")}
        </h2>
        {all > 0 ? (
          <Form method="get" className="filter-form" aria-label={t("trust.list.filter")}>
            <SelectField id="udfordring" name="udfordring" label={t("trust.list.filterChallenge")} defaultValue={filter.challenge || ""}>
              <option value="">{t("trust.list.all")}</option>
              {challenges.map((c) => (
                <option key={c.number} value={c.number}>
                  {c.number}. {c.shortTitle}
                </option>
              ))}
            </SelectField>
            <SelectField id="status" name="status" label={t("trust.list.filterStatus")} defaultValue={filter.status ?? ""}>
              <option value="">{t("trust.list.all")}</option>
              {TARGET_STATUSES.map((st) => (
                <option key={st} value={st}>
                  {t(`status.${st}`)}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="button button-secondary">
              {t("trust.list.filter")}
            </button>
          </Form>
        ) : null}
        {targets.length === 0 ? (
          <p className="muted">{all > 0 ? t("trust.list.none") : t("targets.none")}</p>
        ) : (
          <ul className="unstyled-list target-list">
            {targets.map((x) => (
              <li key={x.id}>
                <article className="card dashboard-card target-card">
                  <h3 className="h4">
                    <Link to={`/kommuner/${municipality.code}/maal/${x.id}`}>{x.title}</Link>
                  </h3>
                  <p className="target-card__tags">
                    {x.challenges.map((n) => (
                      <span key={n} className="tag" title={challengeTitle.get(n)}>
                        {t("trust.list.challengeTag", { number: n })}
                      </span>
                    ))}{" "}
                    {x.adopted ? <span className="badge badge--partnership">{t("targets.adoptedBadge")}</span> : null}
                  </p>
                  <p>
                    <span className="visually-hidden">{t("targets.computed")}: </span>
                    {x.state === "aktiv" ? (
                      <ComputedStatus status={x.computedStatus} latest={x.latest} newest={x.newest} unavailable={x.unavailable} />
                    ) : (
                      <span className="badge">{t(`targets.closed.${x.state}`)}</span>
                    )}
                  </p>
                  {x.kind === "kvantitativ" ? (
                    <dl className="facts facts--compact">
                      <div>
                        <dt>
                          {t("trust.list.baseline")} ({x.baselinePeriod})
                        </dt>
                        <dd>
                          <FigureValue figure={{ value: x.baselineValue, withheld: false }} unit={x.unit} />
                        </dd>
                      </div>
                      <div>
                        <dt>
                          {t("trust.list.target")} ({x.deadlinePeriod})
                        </dt>
                        <dd>
                          <FigureValue figure={{ value: x.targetValue, withheld: false }} unit={x.unit} />
                        </dd>
                      </div>
                      <div>
                        <dt>
                          {t("trust.list.latest")}
                          {x.latest ? ` (${x.latest.period})` : ""}
                        </dt>
                        <dd>{x.latest ? <FigureValue figure={x.latest} unit={x.unit} /> : "–"}</dd>
                      </div>
                    </dl>
                  ) : (
                    <p className="muted">
                      {t(`targets.kinds.${x.kind}`)}
                      {x.progress !== null
                        ? ` · ${t("targets.progressValue", {
                            percent: Math.round(x.progress * 100),
                          })}`
                        : ""}
                    </p>
                  )}
                  <p className={x.joint ? "joint joint--yes" : "joint joint--no"}>
                    <span aria-hidden="true">{x.joint ? "✓ " : "○ "}</span>
                    {t("targets.quarterStatus", { quarter })}: {x.joint ? t("targets.joint") : t("targets.notJoint")}
                  </p>
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
