import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession, requireActor, requireCsrf } from "~/data/auth.server";

export async function loader() {
  // logging out changes state, so it is a POST from the header's button only
  throw redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(context.db, request);
  requireCsrf(actor, await request.formData());
  return redirect("/login", { headers: { "Set-Cookie": await endSession(context.db, request) } });
}
