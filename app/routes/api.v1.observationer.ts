import type { LoaderFunctionArgs } from "@remix-run/node";
import { ApiError, observationRows } from "~/data/api.server";
import { requireActor } from "~/data/auth.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  try {
    return Response.json(observationRows(context.db, actor, new URL(request.url).searchParams));
  } catch (e) {
    if (e instanceof ApiError) return Response.json({ fejl: e.message }, { status: e.status });
    throw e;
  }
}
