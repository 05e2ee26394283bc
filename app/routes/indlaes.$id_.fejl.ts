import type { LoaderFunctionArgs } from "@remix-run/node";
import { requestLocale } from "~/http/edge.server";
import { getT } from "~/i18n/i18n";
import { DomainError } from "~/domain/errors";
import { requireActor, requirePermission } from "~/data/auth.server";
import { findPreview, previewErrorsCsv } from "~/data/import.server";

/** GET /indlaes/:id/fejl: every error of a checked file, as CSV for Danish Excel. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  requirePermission(actor, { kind: "load-data" });
  const preview = params.id ? findPreview(context.db, params.id) : undefined;
  if (!preview) throw new DomainError("not_found", "routeErrors.previewGone");
  return new Response(previewErrorsCsv(context.db, preview.id, getT(requestLocale(request))), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="fejl-${preview.fileName.replace(/[^\w.-]+/g, "_").replace(/\.(csv|xlsx)$/i, "")}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
