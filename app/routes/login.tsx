import { pageTitle } from "~/i18n/meta";
import { messageKey } from "~/domain/errors";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Alert } from "~/components/ui/Alert";
import { ConformField } from "~/components/ui/FormField";
import { attemptLogin, getActor, safeRedirect, startSession } from "~/data/auth.server";
import { readMeta } from "~/data/catalogue.server";
import { demoPassword } from "~/data/demo.server";
import { useT, useMessage } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, (t) => t("titles.login"))];

const schema = z.object({
  email: z.string({ error: "loginErrors.email" }).trim().min(1, { error: "loginErrors.email" }).max(200),
  password: z.string({ error: "loginErrors.password" }).min(1, { error: "loginErrors.password" }).max(200),
  redirectTo: z.string().optional(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getActor(context.db, request)) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  const demo = readMeta(context.db).demo === "1";
  return { demo: demo ? { password: demoPassword() } : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return submission.reply({ hideFields: ["password"] });
  const { email, password, redirectTo } = submission.value;
  const result = await attemptLogin(context.db, { email, password, address: context.clientAddress });
  if (!result.ok) {
    const message =
      result.reason === "throttled" ? messageKey("loginErrors.throttled", { seconds: result.retryAfterSeconds }) : "loginErrors.wrong";
    return submission.reply({ formErrors: [message], hideFields: ["password"] });
  }
  const cookie = await startSession(context.db, request, result.user.id);
  return redirect(safeRedirect(redirectTo, "/"), {
    headers: { "Set-Cookie": cookie },
  });
}

export default function LoginPage() {
  const { demo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const message = useMessage();
  const [form, fields] = useForm({ lastResult, shouldRevalidate: "onBlur" });
  return (
    <div className="login">
      <h1>{t("login.title")}</h1>
      <p className="lead">{t("login.intro")}</p>
      {form.errors?.length ? (
        <Alert variant="error" heading={t("login.failed")} role="alert">
          <p id={form.errorId}>{message(form.errors[0])}</p>
        </Alert>
      ) : null}
      <Form method="post" {...getFormProps(form)} noValidate={false}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <ConformField field={fields.email} label={t("login.email")} type="email" autoComplete="username" required />
        <ConformField field={fields.password} label={t("login.password")} type="password" autoComplete="current-password" required />
        <button type="submit" className="button button-primary">
          {t("login.submit")}
        </button>
      </Form>
      {demo ? (
        <Alert variant="info" heading={t("login.demoHeading")} className="login__demo">
          <p>{t("login.demoText", { password: demo.password })}</p>
          <ul className="login__accounts">
            <li>sekretariat@demo.dk</li>
            {["849", "167", "580"].map((code) => (
              <li key={code}>
                skole.{code}@demo.dk, social.{code}@demo.dk, byraad.{code}@demo.dk
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </div>
  );
}
