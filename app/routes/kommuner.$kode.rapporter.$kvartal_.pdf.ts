import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor, requirePermission } from "~/data/auth.server";
import { requireMunicipality } from "~/data/params.server";
import { printToPdf } from "~/data/pdf.server";
import { findReport, quarterParam } from "~/data/reports.server";

/** GET /kommuner/:kode/rapporter/:kvartal/pdf[?version=N]: a published report as PDF. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  const municipality = requireMunicipality(context.db, params.kode);
  requirePermission(actor, { kind: "read-reports", municipality: municipality.code });
  const quarter = quarterParam.safeParse(params.kvartal);
  const version = z.coerce.number().int().positive().optional().safeParse(new URL(request.url).searchParams.get("version") ?? undefined);
  const report = quarter.success && version.success ? findReport(context.db, municipality.code, quarter.data, version.data) : undefined;
  if (!report) throw new Response("Rapporten er ikke udgivet. Kun udgivne rapporter kan hentes som PDF.", { status: 404 });
  const pdf = await printToPdf(`/kommuner/${municipality.code}/rapporter/${report.quarter}?version=${report.version}`, request.headers.get("cookie"));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="kvartalsrapport-${municipality.code}-${report.quarter}-v${report.version}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
