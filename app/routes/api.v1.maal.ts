import type { LoaderFunctionArgs } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { z } from "zod";
import { requireActor, requirePermission } from "~/data/auth.server";
import { findMunicipality } from "~/data/catalogue.server";
import { isJoint, listPartnershipTargets, listTargets, targetDetail } from "~/data/targets.server";
import { can } from "~/domain/access";
import { roundForOutput } from "~/domain/figures";

type TargetRow = ReturnType<typeof listPartnershipTargets>[number];

/** The fields a municipal and a partnership-wide target share, as the API names them. */
function definition(
  t: Pick<
    TargetRow,
    | "id"
    | "title"
    | "rationale"
    | "challenges"
    | "kind"
    | "state"
    | "indicatorCode"
    | "targetGroup"
    | "baselinePeriod"
    | "targetValue"
    | "deadlinePeriod"
  >,
) {
  return {
    id: t.id,
    titel: t.title,
    begrundelse: t.rationale,
    udfordringer: t.challenges,
    type: t.kind,
    tilstand: t.state,
    indikator: t.indicatorCode,
    maalgruppe: t.targetGroup,
    baselinePeriode: t.baselinePeriod,
    maalVaerdi: t.targetValue,
    fristPeriode: t.deadlinePeriod,
  };
}

/**
 * GET /api/v1/maal?kommune=849: the municipality's joint targets, with the same access rules as
 * the pages. `kommune=partnerskab`: the partnership-wide targets (every signed-in user), with the
 * adopting municipalities the caller may read.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  const params = new URL(request.url).searchParams;
  const unknown = [...params.keys()].filter((k) => k !== "kommune");
  if (unknown.length) throw new DomainError("invalid", "api.unknownParameter", { name: unknown[0], allowed: "kommune" });
  if (params.get("kommune") === "partnerskab") {
    return Response.json(
      listPartnershipTargets(context.db).map((t) => ({
        ...definition(t),
        antalKommuner: t.adoptions.length,
        kommuner: t.adoptions
          .filter((a) => can(actor, { kind: "read-targets", municipality: a.municipalityCode }))
          .map((a) => ({
            kommune: a.municipalityCode,
            maal: a.id,
            beregnetStatus: a.state === "aktiv" ? a.computedStatus : null,
            tilstand: a.state,
          })),
      })),
    );
  }
  const code = z
    .string()
    .regex(/^\d{3}$/)
    .safeParse(params.get("kommune"));
  if (!code.success || !findMunicipality(context.db, code.data)) throw new DomainError("invalid", "api.targetsMunicipality");
  requirePermission(actor, { kind: "read-targets", municipality: code.data });
  const rows = listTargets(context.db, code.data).map((t) => {
    const d = targetDetail(context.db, t.id);
    const unit = d.indicator?.unit ?? "percent";
    return {
      ...definition(t),
      partnerskabsmaal: t.adoptedFromId,
      baselineVaerdi: roundForOutput(unit, t.baselineValue),
      beregnetStatus: t.computedStatus,
      // as of the current quarter: only periods ended by its last day
      opgjortPr: t.quarter,
      seneste: t.latest ? { periode: t.latest.period, vaerdi: roundForOutput(unit, t.latest.value) } : null,
      ansvarlige: { skole: d.owners.school, social: d.owners.social },
      milepaele: d.milestones.map((m) => ({ titel: m.title, dato: m.dueDate, gennemfoert: m.done })),
      statusser: d.statuses.map((s) => ({
        kvartal: s.quarter,
        skole: {
          skrevet: s.written.school,
          vurdering: s.schoolAssessment,
          bekraeftet: s.written.school && s.schoolConfirmedVersion === s.version && s.version > 0,
        },
        social: {
          skrevet: s.written.social,
          vurdering: s.socialAssessment,
          bekraeftet: s.written.social && s.socialConfirmedVersion === s.version && s.version > 0,
        },
        faelles: isJoint(s),
      })),
    };
  });
  return Response.json(rows);
}
