import type { LoaderFunctionArgs } from "@remix-run/node";
import { observationRows } from "~/data/api.server";
import { requireActor } from "~/data/auth.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  return Response.json(observationRows(context.db, actor, new URL(request.url).searchParams));
}
