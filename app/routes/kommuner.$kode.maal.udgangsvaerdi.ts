import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor, requirePermission } from "~/data/auth.server";
import { requireMunicipality } from "~/data/params.server";
import { baselineFigure } from "~/data/targets.server";

const query = z.object({
  indikator: z.string().min(1).max(100),
  maalgruppe: z.string().min(1).max(50),
  periode: z.string().min(1).max(20),
});

/** GET …/maal/udgangsvaerdi?indikator=…&maalgruppe=…&periode=…: the baseline the target form shows while it is filled in. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  const municipality = requireMunicipality(context.db, params.kode);
  requirePermission(actor, { kind: "write-targets", municipality: municipality.code });
  const q = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!q.success) return Response.json({ state: "invalid" });
  return Response.json(
    baselineFigure(context.db, municipality.code, {
      indicatorCode: q.data.indikator,
      targetGroup: q.data.maalgruppe,
      baselinePeriod: q.data.periode,
    }),
  );
}
