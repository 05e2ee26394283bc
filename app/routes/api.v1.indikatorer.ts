import type { LoaderFunctionArgs } from "@remix-run/node";
import { indicatorCatalogue } from "~/data/api.server";
import { requireActor } from "~/data/auth.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireActor(context.db, request);
  return Response.json(indicatorCatalogue(context.db));
}
