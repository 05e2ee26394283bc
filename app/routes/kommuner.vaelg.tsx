import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireActor, requirePermission } from "~/data/auth.server";
import { requireMunicipality } from "~/data/params.server";

/** The header's municipality switcher is a GET form, so it works without JavaScript. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const code = new URL(request.url).searchParams.get("kommune") ?? undefined;
  const actor = await requireActor(context.db, request);
  const municipality = requireMunicipality(context.db, code);
  requirePermission(actor, { kind: "read-municipality", municipality: municipality.code });
  return redirect(`/kommuner/${municipality.code}`);
}
