import { getFormProps, useForm } from "@conform-to/react";
import { pageTitle } from "~/i18n/meta";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Alert } from "~/components/ui/Alert";
import { ConformField } from "~/components/ui/FormField";
import { findPasswordReset, redeemPasswordReset } from "~/data/users.server";
import { passwordSchema } from "~/domain/accounts";
import { useT, useMessage } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, (t) => t("titles.resetPassword")),
  { name: "referrer", content: "no-referrer" },
];

const schema = z
  .object({ password: passwordSchema, confirm: z.string({ error: "userErrors.repeatPassword" }) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "userErrors.passwordsDiffer" });

/** The one-time link from the secretariat: reachable without a session, valid once, for 72 hours. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const reset = findPasswordReset(context.db, params.token ?? "");
  return { valid: Boolean(reset), email: reset?.email ?? null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return submission.reply({ hideFields: ["password", "confirm"] });
  const ok = await redeemPasswordReset(context.db, params.token ?? "", submission.value.password);
  if (!ok) return submission.reply({ formErrors: ["userErrors.resetExpired"] });
  return redirect("/login?nulstillet=1");
}

export default function ResetPage() {
  const { valid, email } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const message = useMessage();
  const [form, fields] = useForm({ lastResult });
  if (!valid) {
    return (
      <>
        <h1>{t("reset.title")}</h1>
        <Alert variant="error" heading={t("reset.invalid")} role="alert">
          <p>{t("reset.invalidText")}</p>
        </Alert>
        <p>
          <Link to="/login">{t("login.title")}</Link>
        </p>
      </>
    );
  }
  return (
    <div className="login">
      <h1>{t("reset.title")}</h1>
      <p className="lead">{t("reset.intro", { email })}</p>
      {form.errors?.length ? (
        <Alert variant="error" heading={t("reset.invalid")} role="alert">
          <p>{message(form.errors[0])}</p>
        </Alert>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <ConformField
          field={fields.password}
          label={t("profile.newPassword")}
          hint={t("profile.passwordHint")}
          type="password"
          autoComplete="new-password"
        />
        <ConformField field={fields.confirm} label={t("profile.confirmPassword")} type="password" autoComplete="new-password" />
        <button type="submit" className="button button-primary">
          {t("reset.submit")}
        </button>
      </Form>
    </div>
  );
}
