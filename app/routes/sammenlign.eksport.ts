import type { LoaderFunctionArgs } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { z } from "zod";
import { requireActor, requirePermission } from "~/data/auth.server";
import { readMeta } from "~/data/catalogue.server";
import { comparisonCsv, comparisonXlsx, exportFileName } from "~/data/comparison-export.server";
import { comparisonTable, parseComparisonQuery } from "~/data/comparison.server";
import { requestLocale } from "~/http/edge.server";
import { getT } from "~/i18n/i18n";
import { disclosureConfig } from "~/data/config.server";

const formatParam = z.enum(["xlsx", "csv"]);

/** GET /sammenlign/eksport?format=xlsx|csv&<the page's query>: the comparison table as a file. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  requirePermission(actor, { kind: "read-all-municipalities" });
  const params = new URL(request.url).searchParams;
  const format = formatParam.safeParse(params.get("format"));
  if (!format.success) throw new DomainError("invalid", "routeErrors.exportFormat");
  const { choice } = parseComparisonQuery(context.db, params, actor.municipalityCode);
  const locale = requestLocale(request);
  const t = getT(locale);
  const table = comparisonTable(context.db, choice);
  const headers = {
    "Content-Disposition": `attachment; filename="${exportFileName(choice, format.data)}"`,
    "Cache-Control": "private, no-store",
  };
  if (format.data === "csv")
    return new Response(comparisonCsv(choice, table, t), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  const xlsx = await comparisonXlsx(choice, table, {
    k: disclosureConfig().k,
    extractedAt: new Date().toISOString(),
    dataLoadedAt: readMeta(context.db).data_loaded_at ?? null,
    focusName: choice.focus?.name ?? null,
    t,
    locale,
  });
  return new Response(new Uint8Array(xlsx), {
    headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  });
}
