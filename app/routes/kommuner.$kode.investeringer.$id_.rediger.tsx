import { pageTitle } from "~/i18n/meta";
import { translateKey } from "~/i18n/keys";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Alert } from "~/components/ui/Alert";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { CsrfInput } from "~/components/ui/FormField";
import { requireActor, requireCsrf, requirePermission } from "~/data/auth.server";
import { editInputOf, investmentCaseDetail, investmentEditSchema, updateInvestmentCase } from "~/data/investments.server";
import { requireMunicipality } from "~/data/params.server";
import { DomainError } from "~/domain/errors";
import { PARTIES, type Party } from "~/domain/investments/model";
import { formatDanishInput } from "~/domain/investments/numbers";
import { useT } from "~/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageTitle(matches, (t) => (data ? t("titles.investmentEdit", { title: data.title }) : null)),
];

async function guard(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const actor = await requireActor(context.db, request);
  const municipality = requireMunicipality(context.db, params.kode);
  requirePermission(actor, { kind: "write-targets", municipality: municipality.code });
  const id = z.coerce.number().int().positive().safeParse(params.id);
  if (!id.success) throw new DomainError("not_found", "investments.errors.notFound");
  return { actor, municipality, detail: investmentCaseDetail(context.db, actor, municipality.code, id.data) };
}

/** The form's values as text, the way the fields show them. */
type Values = Record<string, string>;

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const { actor, municipality, detail } = await guard(request, context, params);
  const { row } = detail;
  const m = row.model;
  const values: Values = {
    title: row.title,
    effort: row.effort,
    targetGroup: row.targetGroup,
    childrenPerYear: formatDanishInput(m.childrenPerYear),
    effortYears: String(m.effortYears),
    horizonYears: String(m.horizonYears),
    discountRate: formatDanishInput(m.discountRate * 100),
    successRate: formatDanishInput(m.successRate * 100),
  };
  m.costs.forEach((c, i) => Object.assign(values, { [`costs.${i}.amount`]: formatDanishInput(c.amount), [`costs.${i}.party`]: c.party }));
  m.prices.forEach((p, i) => (values[`prices.${i}.weekly`] = formatDanishInput(p.weekly)));
  m.effects.forEach((e, i) => (values[`effects.${i}.party`] = e.party));
  m.transfers.forEach((x, i) => (values[`transfers.${i}.amountPerChild`] = formatDanishInput(x.amountPerChild)));
  return {
    municipality,
    id: row.id,
    title: row.title,
    csrf: actor.csrfToken,
    values,
    lines: {
      costs: m.costs.map((c) => c.label),
      prices: m.prices.map((p) => p.label),
      effects: m.effects.map((e) => e.label),
      transfers: m.transfers.map((x) => x.label),
    },
  };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const { actor, municipality, detail } = await guard(request, context, params);
  const form = await request.formData();
  requireCsrf(actor, form);
  const values: Values = Object.fromEntries([...form].filter((e): e is [string, string] => typeof e[1] === "string" && e[0] !== "csrf"));
  const parsed = investmentEditSchema.safeParse(editInputOf(form));
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      errors[issue.path.join(".") || "form"] ??= issue.message.startsWith("investments.")
        ? issue.message
        : "investments.errors.invalidModel";
    return { values, errors };
  }
  try {
    updateInvestmentCase(context.db, actor, detail.row.id, parsed.data);
    return redirect(`/kommuner/${municipality.code}/investeringer/${detail.row.id}?gemt=1`);
  } catch (e) {
    if (e instanceof DomainError && (e.code === "invalid" || e.code === "conflict"))
      return { values, errors: { [e.field ?? "form"]: e.key } };
    throw e;
  }
}

export default function EditInvestmentPage() {
  const { municipality, id, title, csrf, values: loaded, lines } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const values = result?.values ?? loaded;
  const errors: Record<string, string> = result?.errors ?? {};
  const base = `/kommuner/${municipality.code}/investeringer`;
  const errorList = Object.entries(errors);
  const field = (name: string, label: string, opts: { long?: boolean; inputMode?: "decimal" | "numeric" } = {}) => {
    const error = errors[name];
    const fid = `f-${name.replaceAll(".", "-")}`;
    return (
      <div className={`form-group ${error ? "form-error" : ""}`} key={name}>
        <label className="form-label" htmlFor={fid}>
          {label}
        </label>
        {error ? (
          <span className="form-error-message" id={`${fid}-error`}>
            <span className="visually-hidden">{t("investments.errorHeading")}: </span>
            {translateKey(t, error)}
          </span>
        ) : null}
        {opts.long ? (
          <textarea
            id={fid}
            name={name}
            className="form-input"
            rows={3}
            defaultValue={values[name]}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${fid}-error` : undefined}
          />
        ) : (
          <input
            id={fid}
            name={name}
            className="form-input"
            inputMode={opts.inputMode}
            defaultValue={values[name]}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${fid}-error` : undefined}
          />
        )}
      </div>
    );
  };
  const partySelect = (name: string, label: string, parties: readonly Party[] = PARTIES) => {
    const fid = `f-${name.replaceAll(".", "-")}`;
    return (
      <div className="form-group" key={name}>
        <label className="form-label" htmlFor={fid}>
          {label}
        </label>
        <select id={fid} name={name} className="form-select" defaultValue={values[name]}>
          {parties.map((p) => (
            <option key={p} value={p}>
              {t(`investments.parties.${p}`)}
            </option>
          ))}
        </select>
      </div>
    );
  };
  return (
    <>
      <Breadcrumbs
        items={[
          { label: municipality.name, to: `/kommuner/${municipality.code}` },
          { label: t("investments.nav"), to: base },
          { label: title, to: `${base}/${id}` },
          { label: t("investments.edit") },
        ]}
      />
      <h1>{t("investments.editTitle", { title })}</h1>
      <p className="lead">{t("investments.editIntro")}</p>
      {errorList.length > 0 ? (
        <Alert variant="error" heading={t("investments.errorHeading")} role="alert">
          <ul>
            {errorList.map(([k, v]) => (
              <li key={k}>{translateKey(t, v)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Form method="post" noValidate>
        <CsrfInput token={csrf} />
        {field("title", t("investments.fields.title"))}
        {field("effort", t("investments.fields.effort"), { long: true })}
        {field("targetGroup", t("investments.fields.targetGroup"))}
        {field("childrenPerYear", t("investments.fields.childrenPerYear"), { inputMode: "decimal" })}
        {field("effortYears", t("investments.fields.effortYears"), { inputMode: "numeric" })}
        {field("horizonYears", t("investments.fields.horizonYears"), { inputMode: "numeric" })}
        {field("discountRate", t("investments.fields.discountRate"), { inputMode: "decimal" })}
        {field("successRate", t("investments.fields.successRate"), { inputMode: "decimal" })}
        {lines.costs.length > 0 ? (
          <fieldset>
            <legend className="h3">{t("investments.costLines")}</legend>
            {lines.costs.map((label, i) => (
              <fieldset key={i} className="investment-line">
                <legend>{label}</legend>
                {field(`costs.${i}.amount`, t("investments.fields.amount"), { inputMode: "decimal" })}
                {partySelect(`costs.${i}.party`, t("investments.fields.payer"))}
              </fieldset>
            ))}
          </fieldset>
        ) : null}
        {lines.prices.length > 0 ? (
          <fieldset>
            <legend className="h3">{t("investments.prices")}</legend>
            {lines.prices.map((label, i) =>
              field(`prices.${i}.weekly`, `${label}: ${t("investments.fields.weekly")}`, { inputMode: "decimal" }),
            )}
          </fieldset>
        ) : null}
        {lines.effects.length > 0 ? (
          <fieldset>
            <legend className="h3">{t("investments.effects")}</legend>
            {lines.effects.map((label, i) => partySelect(`effects.${i}.party`, `${label}: ${t("investments.fields.budget")}`))}
          </fieldset>
        ) : null}
        {lines.transfers.length > 0 ? (
          <fieldset>
            <legend className="h3">{t("investments.transfers")}</legend>
            {lines.transfers.map((label, i) =>
              field(`transfers.${i}.amountPerChild`, `${label}: ${t("investments.fields.transferAmount")}`, { inputMode: "decimal" }),
            )}
          </fieldset>
        ) : null}
        <button type="submit" className="button button-primary">
          {t("investments.save")}
        </button>
      </Form>
    </>
  );
}
