import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor, requirePermission } from "~/data/auth.server";
import { findMunicipality } from "~/data/catalogue.server";
import { isJoint, listTargets, targetDetail } from "~/data/targets.server";
import { roundForOutput } from "~/domain/figures";

/** GET /api/v1/maal?kommune=849: the municipality's joint targets, with the same access rules as the pages. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  const params = new URL(request.url).searchParams;
  const unknown = [...params.keys()].filter((k) => k !== "kommune");
  if (unknown.length) return Response.json({ fejl: `Ukendt parameter: '${unknown[0]}'. Tilladt: kommune.` }, { status: 400 });
  const code = z.string().regex(/^\d{3}$/).safeParse(params.get("kommune"));
  if (!code.success || !findMunicipality(context.db, code.data)) return Response.json({ fejl: "Angiv en gyldig kommunekode, fx kommune=849." }, { status: 400 });
  requirePermission(actor, { kind: "read-targets", municipality: code.data }, request);
  const rows = listTargets(context.db, code.data).map((t) => {
    const d = targetDetail(context.db, t.id);
    const unit = d.indicator?.unit ?? "percent";
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
      baselineVaerdi: roundForOutput(unit, t.baselineValue),
      maalVaerdi: t.targetValue,
      fristPeriode: t.deadlinePeriod,
      beregnetStatus: t.computedStatus,
      ansvarlige: { skole: d.owners.school, social: d.owners.social },
      milepaele: d.milestones.map((m) => ({ titel: m.title, dato: m.dueDate, gennemfoert: m.done })),
      statusser: d.statuses.map((s) => ({
        kvartal: s.quarter,
        skole: { vurdering: s.schoolAssessment, bekraeftet: s.schoolConfirmedVersion === s.version && s.version > 0 },
        social: { vurdering: s.socialAssessment, bekraeftet: s.socialConfirmedVersion === s.version && s.version > 0 },
        faelles: isJoint(s),
      })),
    };
  });
  return Response.json(rows);
}
