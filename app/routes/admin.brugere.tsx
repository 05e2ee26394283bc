import { pageTitle } from "~/i18n/meta";
import { getFormProps, useForm } from "@conform-to/react";
import { errorMessage } from "~/http/edge.server";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Alert } from "~/components/ui/Alert";
import { ConformField, ConformSelect, CsrfInput } from "~/components/ui/FormField";
import { requireActor, requireCsrf, requirePermission } from "~/data/auth.server";
import { listMunicipalities } from "~/data/catalogue.server";
import { ConflictError, createPasswordReset, createUser, listUsers, setUserActive } from "~/data/users.server";
import { newUserSchema } from "~/domain/accounts";
import { ROLES } from "~/domain/access";
import { useT, useMessage } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, (t) => t("titles.users"))];

const schema = z.union([
  z.object({ intent: z.literal("create") }).and(newUserSchema),
  z.object({ intent: z.enum(["deactivate", "activate", "reset"]), userId: z.coerce.number().int().positive() }),
]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  requirePermission(actor, { kind: "manage-users" });
  return {
    csrf: actor.csrfToken,
    me: actor.id,
    users: listUsers(context.db),
    municipalities: listMunicipalities(context.db).map(({ code, name }) => ({ code, name })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(context.db, request);
  requirePermission(actor, { kind: "manage-users" });
  const formData = await request.formData();
  requireCsrf(actor, formData);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return { result: submission.reply(), resetLink: null, message: null };
  const v = submission.value;
  const origin = new URL(request.url).origin;
  try {
    if (v.intent === "create") {
      const { intent: _intent, ...input } = v;
      const user = await createUser(context.db, actor, input);
      // a new user sets their own password through a one-time link
      const token = createPasswordReset(context.db, actor, user.id);
      return {
        result: submission.reply({ resetForm: true }),
        resetLink: { email: user.email, url: `${origin}/nulstil/${token}` },
        message: null,
      };
    }
    if (v.intent === "reset") {
      const token = createPasswordReset(context.db, actor, v.userId);
      const email = listUsers(context.db).find((u) => u.id === v.userId)?.email ?? "";
      return { result: submission.reply(), resetLink: { email, url: `${origin}/nulstil/${token}` }, message: null };
    }
    setUserActive(context.db, actor, v.userId, v.intent === "activate");
    return { result: submission.reply(), resetLink: null, message: v.intent };
  } catch (e) {
    if (e instanceof ConflictError)
      return { result: submission.reply({ formErrors: [errorMessage(request, e)] }), resetLink: null, message: null };
    throw e;
  }
}

export default function UsersPage() {
  const { csrf, me, users, municipalities } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const t = useT();
  const message = useMessage();
  const [form, fields] = useForm({ id: "new-user", lastResult: data?.result });
  const municipalityName = new Map(municipalities.map((m) => [m.code, m.name]));
  return (
    <>
      <h1>{t("admin.usersTitle")}</h1>
      {data?.resetLink ? (
        <Alert variant="success" heading={t("admin.linkHeading", { email: data.resetLink.email })} role="status">
          <p>{t("admin.linkText")}</p>
          <p>
            <code className="token" data-testid="reset-link">
              {data.resetLink.url}
            </code>
          </p>
        </Alert>
      ) : null}
      {data?.message ? (
        <Alert variant="success" heading={t(`admin.done.${data.message}`)} role="status">
          <p>{t("admin.doneText")}</p>
        </Alert>
      ) : null}
      {form.errors?.length ? (
        <Alert variant="error" heading={t("admin.error")} role="alert">
          <p>{message(form.errors[0])}</p>
        </Alert>
      ) : null}
      <div className="table-scroll" role="region" aria-labelledby="users-caption" tabIndex={0}>
        <table className="table table--compact data-table">
          <caption id="users-caption">{t("admin.usersCaption", { count: users.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("login.email")}</th>
              <th scope="col">{t("profile.name")}</th>
              <th scope="col">{t("profile.role")}</th>
              <th scope="col">{t("header.municipality")}</th>
              <th scope="col">{t("admin.status")}</th>
              <th scope="col">{t("admin.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.email}</th>
                <td>{u.name}</td>
                <td>{t(`user.roles.${u.role}`)}</td>
                <td>{u.municipalityCode ? `${municipalityName.get(u.municipalityCode)} (${u.municipalityCode})` : "–"}</td>
                <td>{u.active ? t("admin.active") : t("admin.inactive")}</td>
                <td className="admin-actions">
                  <Form method="post">
                    <CsrfInput token={csrf} />
                    <input type="hidden" name="userId" value={u.id} />
                    <button type="submit" name="intent" value="reset" className="button button-secondary">
                      {t("admin.reset")} <span className="visually-hidden">{u.email}</span>
                    </button>{" "}
                    {u.id !== me ? (
                      <button type="submit" name="intent" value={u.active ? "deactivate" : "activate"} className="button button-tertiary">
                        {u.active ? t("admin.deactivate") : t("admin.activate")} <span className="visually-hidden">{u.email}</span>
                      </button>
                    ) : null}
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t("admin.createTitle")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="create" />
        <ConformField field={fields.email} label={t("login.email")} type="email" autoComplete="off" />
        <ConformField field={fields.name} label={t("profile.name")} autoComplete="off" />
        <ConformSelect field={fields.role} label={t("profile.role")}>
          <option value="">{t("admin.chooseRole")}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`user.roles.${r}`)}
            </option>
          ))}
        </ConformSelect>
        <ConformSelect field={fields.municipalityCode} label={t("header.municipality")} hint={t("admin.municipalityHint")}>
          <option value="">{t("admin.noMunicipality")}</option>
          {municipalities.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name} ({m.code})
            </option>
          ))}
        </ConformSelect>
        <button type="submit" className="button button-primary">
          {t("admin.create")}
        </button>
      </Form>
    </>
  );
}
