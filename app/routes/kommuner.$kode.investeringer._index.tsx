import { pageTitle } from "~/i18n/meta";
import { translateKey } from "~/i18n/keys";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PaybackText, useInvestmentFormat } from "~/components/InvestmentViews";
import { Alert } from "~/components/ui/Alert";
import { CsrfInput } from "~/components/ui/FormField";
import { requireActor, requireCsrf, requirePermission } from "~/data/auth.server";
import { createInvestmentCase, listInvestmentCases, summary } from "~/data/investments.server";
import { SPENDING_INDICATOR } from "~/domain/investments/report";
import { requireMunicipality } from "~/data/params.server";
import { can } from "~/domain/access";
import { DomainError } from "~/domain/errors";
import { TEMPLATE_KEYS } from "~/domain/investments/templates";
import { useT } from "~/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageTitle(matches, (t) => (data ? t("titles.investments", { name: data.municipality.name }) : null)),
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  const municipality = requireMunicipality(context.db, params.kode);
  requirePermission(actor, { kind: "read-targets", municipality: municipality.code });
  const cases = listInvestmentCases(context.db, actor, municipality.code).map((c) => ({
    id: c.id,
    title: c.title,
    template: c.template,
    childrenPerYear: c.model.childrenPerYear,
    ...summary(c.result),
  }));
  return {
    municipality,
    cases,
    canCreate: can(actor, { kind: "write-targets", municipality: municipality.code }),
    canCompare: can(actor, { kind: "read-all-municipalities" }),
    csrf: actor.csrfToken,
    templates: TEMPLATE_KEYS,
  };
}

const createSchema = z.object({ template: z.string().max(40) });

export async function action({ params, request, context }: ActionFunctionArgs) {
  const actor = await requireActor(context.db, request);
  const municipality = requireMunicipality(context.db, params.kode);
  requirePermission(actor, { kind: "write-targets", municipality: municipality.code });
  const form = await request.formData();
  requireCsrf(actor, form);
  const input = createSchema.safeParse(Object.fromEntries(form));
  try {
    const id = createInvestmentCase(context.db, actor, municipality.code, input.success ? input.data.template : "");
    return redirect(`/kommuner/${municipality.code}/investeringer/${id}?oprettet=1`);
  } catch (e) {
    if (e instanceof DomainError && e.code === "invalid") return { error: e.key };
    throw e;
  }
}

export default function InvestmentsPage() {
  const inv = useInvestmentFormat();
  const { municipality, cases, canCreate, canCompare, csrf, templates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <h1>{t("investments.title", { name: municipality.name })}</h1>
      <p className="lead">{t("investments.intro")}</p>
      {cases.length === 0 ? (
        <p>{t("investments.none")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="investeringer-tabel" tabIndex={0}>
          <table className="table data-table">
            <caption id="investeringer-tabel">{t("investments.nav")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("investments.columns.title")}</th>
                <th scope="col" className="num">
                  {t("investments.columns.children")}
                </th>
                <th scope="col" className="num">
                  {t("investments.columns.npv")}
                </th>
                <th scope="col" className="num">
                  {t("investments.columns.netPerChild")}
                </th>
                <th scope="col">{t("investments.columns.payback")}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/kommuner/${municipality.code}/investeringer/${c.id}`}>{c.title}</Link>
                  </th>
                  <td className="num">{inv.count(c.childrenPerYear)}</td>
                  <td className="num">{inv.kr(c.npv)}</td>
                  <td className="num">{inv.kr(c.netPerChildPerYear)}</td>
                  <td>
                    <PaybackText year={c.paybackYear} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canCompare ? (
        <p className="no-print">
          <Link
            to={`/sammenlign?indikator=fp9-deltagelse&maalgruppe=anbragte&x=${SPENDING_INDICATOR}&kommune=${municipality.code}#punktdiagram`}
          >
            {t("investments.compareLink")}
          </Link>
          <br />
          <span className="muted">{t("investments.compareNote")}</span>
        </p>
      ) : null}
      {canCreate ? (
        <section aria-labelledby="opret-case" className="no-print">
          <h2 id="opret-case" className="h3">
            {t("investments.create.heading")}
          </h2>
          {result?.error ? (
            <Alert variant="error" heading={t("investments.errorHeading")} role="alert">
              <p>{translateKey(t, result.error)}</p>
            </Alert>
          ) : null}
          <Form method="post" className="inline-form">
            <CsrfInput token={csrf} />
            <div className="form-group">
              <label className="form-label" htmlFor="skabelon">
                {t("investments.create.template")}
              </label>
              <select id="skabelon" name="template" className="form-select">
                {templates.map((k) => (
                  <option key={k} value={k}>
                    {t(`investments.templates.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button-primary">
              {t("investments.create.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
