import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor, requirePermission } from "~/data/auth.server";
import { requireMunicipality } from "~/data/params.server";
import { printToPdf, publishedReportPdf } from "~/data/pdf.server";
import { findReport, newestVersion, quarterParam } from "~/data/reports.server";
import { DomainError } from "~/domain/errors";

/** GET /kommuner/:kode/rapporter/:kvartal/pdf[?version=N]: a published report as PDF, made once and kept. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  const municipality = requireMunicipality(context.db, params.kode);
  requirePermission(actor, { kind: "read-reports", municipality: municipality.code });
  const quarter = quarterParam.safeParse(params.kvartal);
  const version = z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .safeParse(new URL(request.url).searchParams.get("version") ?? undefined);
  const report = quarter.success && version.success ? findReport(context.db, municipality.code, quarter.data, version.data) : undefined;
  if (!report) throw new DomainError("not_found", "routeErrors.pdfNotPublished");
  const origin = context.serverOrigin ?? `http://127.0.0.1:${process.env.PORT || 3000}`;
  const path = `/kommuner/${municipality.code}/rapporter/${report.quarter}?version=${report.version}`;
  const kept = {
    id: report.id,
    contentHash: report.contentHash,
    newestVersion: newestVersion(context.db, municipality.code, report.quarter),
  };
  // a full queue is a DomainError "unavailable": the edge answers 503 with Retry-After
  const pdf = await publishedReportPdf(context.db, kept, () => printToPdf(origin, path, request.headers.get("cookie")));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="kvartalsrapport-${municipality.code}-${report.quarter}-v${report.version}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
