import type { LoaderFunctionArgs } from "@remix-run/node";
import { indicatorCatalogue } from "~/data/api.server";

export async function loader({ context }: LoaderFunctionArgs) {
  return Response.json(indicatorCatalogue(context.db));
}
