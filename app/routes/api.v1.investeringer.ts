import type { LoaderFunctionArgs } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { z } from "zod";
import { requireActor, requirePermission } from "~/data/auth.server";
import { findMunicipality } from "~/data/catalogue.server";
import { investmentCaseForApi, listInvestmentCases } from "~/data/investments.server";

const CODE = z.string().regex(/^\d{3}$/);

/**
 * GET /api/v1/investeringer?kommune=849: the municipality's investment cases with their inputs,
 * yearly cash flows per department and results. The same access as /api/v1/maal.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  const params = new URL(request.url).searchParams;
  const unknown = [...params.keys()].filter((k) => k !== "kommune");
  if (unknown.length) throw new DomainError("invalid", "investments.api.unknownParameter", { name: unknown[0] });
  const all = params.getAll("kommune");
  const code = CODE.safeParse(all.length === 1 ? all[0] : undefined);
  if (!code.success || !findMunicipality(context.db, code.data)) throw new DomainError("invalid", "investments.api.municipality");
  requirePermission(actor, { kind: "read-targets", municipality: code.data });
  return Response.json(listInvestmentCases(context.db, actor, code.data).map(investmentCaseForApi));
}
