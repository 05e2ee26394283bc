import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor, requirePermission } from "~/data/auth.server";
import { requireMunicipality } from "~/data/params.server";
import { printToPdf, publishedReportPdf } from "~/data/pdf.server";
import { findReport, newestVersion, quarterParam } from "~/data/reports.server";
import { DomainError } from "~/domain/errors";
import { getT } from "~/i18n/i18n";

/** GET /kommuner/:kode/rapporter/:kvartal/pdf[?version=N]: a published report as PDF, made once and kept. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  const municipality = requireMunicipality(context.db, params.kode);
  requirePermission(actor, { kind: "read-reports", municipality: municipality.code });
  const quarter = quarterParam.safeParse(params.kvartal);
  const version = z.coerce.number().int().positive().optional().safeParse(new URL(request.url).searchParams.get("version") ?? undefined);
  const report = quarter.success && version.success ? findReport(context.db, municipality.code, quarter.data, version.data) : undefined;
  if (!report) throw new Response("Rapporten er ikke udgivet. Kun udgivne rapporter kan hentes som PDF.", { status: 404 });
  const origin = context.serverOrigin ?? `http://127.0.0.1:${process.env.PORT || 3000}`;
  const path = `/kommuner/${municipality.code}/rapporter/${report.quarter}?version=${report.version}`;
  let pdf: Buffer;
  try {
    const kept = { id: report.id, contentHash: report.contentHash, newestVersion: newestVersion(context.db, municipality.code, report.quarter) };
    pdf = await publishedReportPdf(context.db, kept, () => printToPdf(origin, path, request.headers.get("cookie")));
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== "unavailable") throw e;
    const retryAfter = e.params.retryAfter;
    return new Response(getT("da")(e.key), {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...(retryAfter ? { "Retry-After": String(retryAfter) } : {}) },
    });
  }
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="kvartalsrapport-${municipality.code}-${report.quarter}-v${report.version}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
