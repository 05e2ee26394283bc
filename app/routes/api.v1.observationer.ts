import type { LoaderFunctionArgs } from "@remix-run/node";
import { ApiError, observationRows } from "~/data/api.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  try {
    return Response.json(observationRows(context.db, new URL(request.url).searchParams));
  } catch (e) {
    if (e instanceof ApiError) return Response.json({ fejl: e.message }, { status: e.status });
    throw e;
  }
}
