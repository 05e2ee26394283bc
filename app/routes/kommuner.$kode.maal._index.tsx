import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Alert } from "~/components/ui/Alert";
import { StatusBadge } from "~/components/ui/StatusBadge";
import { requireActor, requirePermission } from "~/data/auth.server";
import { listChallenges } from "~/data/catalogue.server";
import { requireMunicipality } from "~/data/params.server";
import { currentQuarter, isJoint, listPartnershipTargets, listTargets, myTasks, statusFor } from "~/data/targets.server";
import { useT } from "~/i18n/react";
import { can } from "~/domain/access";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Fælles mål – ${data.municipality.name} – Fælles retning` : "Fælles retning" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  const municipality = requireMunicipality(context.db, params.kode);
  requirePermission(actor, { kind: "read-targets", municipality: municipality.code });
  const quarter = currentQuarter(context.db);
  const targets = listTargets(context.db, municipality.code).map((t) => ({
    id: t.id,
    title: t.title,
    kind: t.kind,
    state: t.state,
    challenges: t.challenges,
    computedStatus: t.computedStatus,
    progress: t.progress,
    joint: isJoint(statusFor(context.db, t.id, quarter)),
    adopted: t.adoptedFromId !== null,
  }));
  const canCreate = can(actor, { kind: "write-targets", municipality: municipality.code });
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
    challenges: listChallenges(context.db),
    canCreate,
    notAdopted,
    tasks: actor.municipalityCode === municipality.code ? myTasks(context.db, actor, quarter) : [],
  };
}

export default function TargetsPage() {
  const { municipality, quarter, targets, challenges, canCreate, notAdopted, tasks } = useLoaderData<typeof loader>();
  const t = useT();
  const missing = targets.filter((x) => x.state === "aktiv" && !x.joint);
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
                <Link to={`/kommuner/${municipality.code}/maal/${task.id}#skriv-status`}>{task.title}</Link>: {t(`targets.task.${task.task}`, { quarter })}
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
      {challenges.map((c) => {
        const mine = targets.filter((x) => x.challenges.includes(c.number));
        return (
          <section key={c.number} className="challenge-section" aria-labelledby={`udfordring-${c.number}`}>
            <h2 id={`udfordring-${c.number}`} className="h3">
              {t("overview.challengeHeading", { number: c.number, title: c.shortTitle })}
            </h2>
            {mine.length === 0 ? (
              <p className="muted">{t("targets.none")}</p>
            ) : (
              <div className="card-grid">
                {mine.map((x) => (
                  <article key={x.id} className="card dashboard-card target-card">
                    <h3 className="h4">
                      <Link to={`/kommuner/${municipality.code}/maal/${x.id}`}>{x.title}</Link>
                    </h3>
                    <p className="muted">
                      {t(`targets.kinds.${x.kind}`)}
                      {x.adopted ? (
                        <>
                          {" "}
                          <span className="badge badge--partnership">{t("targets.adoptedBadge")}</span>
                        </>
                      ) : null}
                    </p>
                    <p>
                      <span className="visually-hidden">{t("targets.computed")}: </span>
                      {x.state === "aktiv" ? <StatusBadge status={x.computedStatus} /> : <span className="badge">{t(`targets.closed.${x.state}`)}</span>}
                    </p>
                    {x.progress !== null ? (
                      <div className="progress">
                        <span className="progress__label">{t("targets.progressLabel")}</span>
                        <progress max={100} value={Math.round(x.progress * 100)} aria-label={t("targets.progressLabel")}>
                          {Math.round(x.progress * 100)} %
                        </progress>
                        <span>{t("targets.progressValue", { percent: Math.round(x.progress * 100) })}</span>
                      </div>
                    ) : null}
                    <p className={x.joint ? "joint joint--yes" : "joint joint--no"}>
                      <span aria-hidden="true">{x.joint ? "✓ " : "○ "}</span>
                      {t("targets.quarterStatus", { quarter })}: {x.joint ? t("targets.joint") : t("targets.notJoint")}
                    </p>
                  </article>
                ))}
              </div>
            )}
          </section>
        );
      })}
    </>
  );
}
