import { pageTitle } from "~/i18n/meta";
import { requestLocale } from "~/http/edge.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/data/auth.server";
import { listChallenges } from "~/data/catalogue.server";
import { listPartnershipTargets } from "~/data/targets.server";
import { can } from "~/domain/access";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, (t) => t("titles.partnershipTargets"))];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  const all = listPartnershipTargets(context.db);
  return {
    canCreate: can(actor, { kind: "set-partnership-targets" }),
    myMunicipality: actor.municipalityCode,
    challenges: listChallenges(context.db, requestLocale(request)).map(({ number, shortTitle }) => ({ number, shortTitle })),
    targets: all.map((t) => ({
      id: t.id,
      title: t.title,
      rationale: t.rationale,
      kind: t.kind,
      state: t.state,
      challenges: t.challenges,
      adopted: t.adoptions.length,
      adoptedByMe: t.adoptions.some((a) => a.municipalityCode === actor.municipalityCode),
    })),
  };
}

export default function PartnershipTargetsPage() {
  const { canCreate, myMunicipality, challenges, targets } = useLoaderData<typeof loader>();
  const t = useT();
  const title = (n: number) => challenges.find((c) => c.number === n)?.shortTitle ?? "";
  return (
    <>
      <h1>{t("partnership.title")}</h1>
      <p className="lead">{t("partnership.intro")}</p>
      {canCreate ? (
        <p>
          <Link to="/partnerskabsmaal/ny" className="button button-primary">
            {t("partnership.create")}
          </Link>
        </p>
      ) : null}
      {targets.length === 0 ? <p>{t("partnership.none")}</p> : null}
      <div className="card-grid">
        {targets.map((x) => (
          <article key={x.id} className="card dashboard-card target-card">
            <h2 className="h4">
              <Link to={`/partnerskabsmaal/${x.id}`}>{x.title}</Link>
            </h2>
            <p className="muted">
              {t(`targets.kinds.${x.kind}`)} · {t("partnership.challenges")}: {x.challenges.map((n) => `${n}. ${title(n)}`).join("; ")}
            </p>
            {x.state !== "aktiv" ? (
              <p>
                <span className="badge">{t(`targets.closed.${x.state}`)}</span>
              </p>
            ) : null}
            <p>{t("partnership.adoptedCount", { count: x.adopted })}</p>
            {myMunicipality ? (
              <p className={x.adoptedByMe ? "joint joint--yes" : "joint joint--no"}>
                <span aria-hidden="true">{x.adoptedByMe ? "✓ " : "○ "}</span>
                {x.adoptedByMe ? t("partnership.adoptedByUs") : t("partnership.notAdoptedByUs")}
              </p>
            ) : null}
          </article>
        ))}
      </div>
    </>
  );
}
