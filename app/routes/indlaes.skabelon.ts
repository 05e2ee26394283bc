import type { LoaderFunctionArgs } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { z } from "zod";
import { requireActor, requirePermission } from "~/data/auth.server";
import { importTemplate } from "~/data/import.server";

const query = z.object({ indikator: z.string().min(1).max(60), format: z.enum(["csv", "xlsx"]) });

/** GET /indlaes/skabelon?indikator=…&format=csv|xlsx: a file to fill in for one indicator. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  requirePermission(actor, { kind: "load-data" });
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new DomainError("invalid", "routeErrors.templateQuery");
  const file = await importTemplate(context.db, parsed.data.indikator, parsed.data.format);
  if (!file) throw new DomainError("not_found", "errors.unknownIndicator", { code: parsed.data.indikator });
  const csv = parsed.data.format === "csv";
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="skabelon-${parsed.data.indikator}.${parsed.data.format}"`,
    },
  });
}
