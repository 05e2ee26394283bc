import { pageTitle } from "~/i18n/meta";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Alert } from "~/components/ui/Alert";
import { ConformField, CsrfInput } from "~/components/ui/FormField";
import { requireActor, requireCsrf } from "~/data/auth.server";
import { changePassword, createApiToken, listApiTokens, revokeApiToken } from "~/data/users.server";
import { passwordSchema } from "~/domain/accounts";
import { getT } from "~/i18n/i18n";
import { requestLocale } from "~/http/edge.server";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, (t) => t("titles.profile"))];

const schema = z.discriminatedUnion("intent", [
  z
    .object({
      intent: z.literal("password"),
      current: z.string({ error: "hardening.currentPasswordMissing" }).min(1, { error: "hardening.currentPasswordMissing" }).max(200),
      password: passwordSchema,
      confirm: z.string({ error: "userErrors.repeatPassword" }),
    })
    .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "userErrors.passwordsDiffer" }),
  z.object({
    intent: z.literal("create-token"),
    name: z.string({ error: "userErrors.tokenName" }).trim().min(2, { error: "userErrors.tokenName" }).max(80),
  }),
  z.object({ intent: z.literal("revoke-token"), tokenId: z.coerce.number().int().positive() }),
]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  return {
    user: { name: actor.name, email: actor.email, role: actor.role, municipalityCode: actor.municipalityCode },
    csrf: actor.csrfToken,
    tokens: listApiTokens(context.db, actor.id),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(context.db, request);
  const formData = await request.formData();
  requireCsrf(actor, formData);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success")
    return { result: submission.reply({ hideFields: ["current", "password", "confirm"] }), newToken: null, done: null };
  const v = submission.value;
  if (v.intent === "password") {
    if (!(await changePassword(context.db, actor, v.current, v.password)))
      return {
        result: submission.reply({
          fieldErrors: { current: [getT(requestLocale(request))("hardening.currentPasswordWrong")] },
          hideFields: ["current", "password", "confirm"],
        }),
        newToken: null,
        done: null,
      };
    return { result: submission.reply({ resetForm: true }), newToken: null, done: "password" as const };
  }
  if (v.intent === "create-token") {
    return { result: submission.reply({ resetForm: true }), newToken: createApiToken(context.db, actor, v.name), done: "token" as const };
  }
  revokeApiToken(context.db, actor, v.tokenId);
  return { result: submission.reply(), newToken: null, done: "revoked" as const };
}

export default function ProfilePage() {
  const { user, csrf, tokens } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const t = useT();
  const [passwordForm, pw] = useForm({ id: "password", lastResult: data?.result });
  const [tokenForm, tk] = useForm({ id: "token", lastResult: data?.result });
  return (
    <>
      <h1>{t("profile.title")}</h1>
      <dl className="facts">
        <div>
          <dt>{t("profile.name")}</dt>
          <dd>{user.name}</dd>
        </div>
        <div>
          <dt>{t("login.email")}</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>{t("profile.role")}</dt>
          <dd>{t(`user.roles.${user.role}`)}</dd>
        </div>
        {user.municipalityCode ? (
          <div>
            <dt>{t("header.municipality")}</dt>
            <dd>{user.municipalityCode}</dd>
          </div>
        ) : null}
      </dl>

      <h2>{t("profile.passwordTitle")}</h2>
      {data?.done === "password" ? (
        <Alert variant="success" heading={t("profile.passwordChanged")} role="status">
          <p>{t("hardening.passwordChangedEverywhere")}</p>
        </Alert>
      ) : null}
      <Form method="post" {...getFormProps(passwordForm)}>
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="password" />
        <ConformField field={pw.current} label={t("hardening.currentPassword")} type="password" autoComplete="current-password" />
        <ConformField
          field={pw.password}
          label={t("profile.newPassword")}
          hint={t("profile.passwordHint")}
          type="password"
          autoComplete="new-password"
        />
        <ConformField field={pw.confirm} label={t("profile.confirmPassword")} type="password" autoComplete="new-password" />
        <button type="submit" className="button button-primary">
          {t("profile.changePassword")}
        </button>
      </Form>

      <h2>{t("profile.tokensTitle")}</h2>
      <p>{t("profile.tokensIntro")}</p>
      {data?.newToken ? (
        <Alert variant="success" heading={t("profile.tokenCreated")} role="status">
          <p>{t("profile.tokenShownOnce")}</p>
          <p>
            <code className="token" data-testid="new-token">
              {data.newToken}
            </code>
          </p>
        </Alert>
      ) : null}
      {tokens.length > 0 ? (
        <table className="table table--compact data-table">
          <caption>{t("profile.tokensCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("profile.tokenName")}</th>
              <th scope="col">{t("profile.tokenCreatedAt")}</th>
              <th scope="col">{t("profile.tokenLastUsed")}</th>
              <th scope="col">{t("profile.tokenStatus")}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((tok) => (
              <tr key={tok.id}>
                <th scope="row">{tok.name}</th>
                <td>{tok.createdAt.slice(0, 16).replace("T", " ")}</td>
                <td>{tok.lastUsedAt ? tok.lastUsedAt.slice(0, 16).replace("T", " ") : "–"}</td>
                <td>
                  {tok.revokedAt ? (
                    t("profile.tokenRevoked")
                  ) : (
                    <Form method="post">
                      <CsrfInput token={csrf} />
                      <input type="hidden" name="intent" value="revoke-token" />
                      <input type="hidden" name="tokenId" value={tok.id} />
                      <button type="submit" className="button button-secondary">
                        {t("profile.revoke")} <span className="visually-hidden">{tok.name}</span>
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Form method="post" {...getFormProps(tokenForm)}>
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="create-token" />
        <ConformField field={tk.name} label={t("profile.tokenName")} hint={t("profile.tokenNameHint")} />
        <button type="submit" className="button button-primary">
          {t("profile.createToken")}
        </button>
      </Form>
    </>
  );
}
