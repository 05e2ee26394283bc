import { pageTitle } from "~/i18n/meta";
import { translateKey } from "~/i18n/keys";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { InvestmentFlows } from "~/components/InvestmentFlows";
import { PaybackText, PrintButton, SensitivityTable, useInvestmentFormat } from "~/components/InvestmentViews";
import { Alert } from "~/components/ui/Alert";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { CsrfInput } from "~/components/ui/FormField";
import { requireActor, requireCsrf, requirePermission } from "~/data/auth.server";
import { investmentCaseDetail, linkSchema, setInvestmentTargets } from "~/data/investments.server";
import { requireMunicipality } from "~/data/params.server";
import { listTargets } from "~/data/targets.server";
import { can } from "~/domain/access";
import { DomainError } from "~/domain/errors";
import { effectGainPerYear, MUNICIPAL_PARTIES } from "~/domain/investments/model";
import { isTemplateKey, template } from "~/domain/investments/templates";
import { useT } from "~/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageTitle(matches, (t) => (data ? t("titles.investment", { title: data.row.title }) : null)),
];

const idParam = z.coerce.number().int().positive();

async function guard(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const actor = await requireActor(context.db, request);
  const municipality = requireMunicipality(context.db, params.kode);
  requirePermission(actor, { kind: "read-targets", municipality: municipality.code });
  const id = idParam.safeParse(params.id);
  if (!id.success) throw new DomainError("not_found", "investments.errors.notFound");
  return { actor, municipality, id: id.data };
}

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const { actor, municipality, id } = await guard(request, context, params);
  const d = investmentCaseDetail(context.db, actor, municipality.code, id);
  const canWrite = can(actor, { kind: "write-targets", municipality: municipality.code });
  return {
    municipality,
    row: d.row,
    result: d.result,
    sensitivity: d.sensitivity,
    linked: d.linked,
    sources: isTemplateKey(d.row.template) ? template(d.row.template).sources : [],
    gains: d.row.model.effects.map((e) => effectGainPerYear(d.row.model, e)),
    canWrite,
    csrf: actor.csrfToken,
    targets: canWrite
      ? listTargets(context.db, municipality.code)
          .filter((t) => t.state === "aktiv")
          .map((t) => ({ id: t.id, title: t.title }))
      : [],
  };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const { actor, municipality, id } = await guard(request, context, params);
  requirePermission(actor, { kind: "write-targets", municipality: municipality.code });
  const form = await request.formData();
  requireCsrf(actor, form);
  const input = linkSchema.safeParse({ targetIds: form.getAll("targetIds") });
  try {
    if (!input.success) throw new DomainError("invalid", "investments.errors.target");
    setInvestmentTargets(context.db, actor, id, input.data.targetIds);
    return redirect(`/kommuner/${municipality.code}/investeringer/${id}?tilknyttet=1#maal`);
  } catch (e) {
    if (e instanceof DomainError && e.code === "invalid") return { error: e.key };
    throw e;
  }
}

export default function InvestmentCasePage() {
  const inv = useInvestmentFormat();
  const { municipality, row, result, sensitivity, linked, gains, sources, canWrite, csrf, targets } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const t = useT();
  const m = row.model;
  const base = `/kommuner/${municipality.code}/investeringer`;
  const { in: financingIn, out: financingOut } = result.externalFinancing;
  return (
    <article className="investment-case">
      <Breadcrumbs
        items={[
          { label: municipality.name, to: `/kommuner/${municipality.code}` },
          { label: t("investments.nav"), to: base },
          { label: row.title },
        ]}
      />
      <h1>{row.title}</h1>
      {search.get("oprettet") ? (
        <Alert variant="success" role="status">
          <p>{t("investments.created")}</p>
        </Alert>
      ) : null}
      {search.get("gemt") ? (
        <Alert variant="success" role="status">
          <p>{t("investments.saved")}</p>
        </Alert>
      ) : null}
      <p className="lead">
        {t("investments.plain", {
          children: t("investments.childrenCount", { count: m.childrenPerYear === 1 ? 1 : 2, n: inv.count(m.childrenPerYear) }),
          years: m.effortYears,
          costs: inv.kr(result.totals.municipality.costs),
          gains: inv.kr(result.totals.municipality.gains),
          rate: inv.count(Math.round(m.discountRate * 1000) / 10),
          npv: inv.kr(result.npv),
        })}
      </p>
      <ul>
        {MUNICIPAL_PARTIES.filter((p) => result.totals.parties[p].costs || result.totals.parties[p].gains).map((p) => (
          <li key={p}>
            {t("investments.plainParty", {
              party: t(`investments.parties.${p}`),
              costs: inv.kr(result.totals.parties[p].costs),
              gains: inv.kr(result.totals.parties[p].gains),
            })}
          </li>
        ))}
        {financingIn || financingOut ? (
          <li>{t("investments.plainFinancing", { in: inv.kr(financingIn), out: inv.kr(financingOut) })}</li>
        ) : null}
      </ul>
      <p className="no-print button-row">
        {canWrite ? (
          <Link to={`${base}/${row.id}/rediger`} className="button button-secondary">
            {t("investments.edit")}
          </Link>
        ) : null}{" "}
        <PrintButton />
      </p>

      <h2>{t("investments.keyFigures")}</h2>
      <dl className="facts">
        <dt>{t("investments.npv")}</dt>
        <dd>{inv.kr(result.npv)}</dd>
        <dt>{t("investments.irr")}</dt>
        <dd>{result.irr === null ? t("investments.irrNone") : inv.percent(result.irr)}</dd>
        {financingIn > 0 ? (
          <>
            <dt>{t("investments.investorIrr")}</dt>
            <dd>{result.partyIrr.investor === null ? t("investments.irrNone") : inv.percent(result.partyIrr.investor)}</dd>
          </>
        ) : null}
        <dt>{t("investments.payback")}</dt>
        <dd>
          <PaybackText year={result.paybackYear} />
        </dd>
        <dt>{t("investments.costPerChild")}</dt>
        <dd>{inv.kr(result.costPerChildPerYear)}</dd>
        <dt>{t("investments.netPerChild")}</dt>
        <dd>{inv.kr(result.netPerChildPerYear)}</dd>
      </dl>

      <InvestmentFlows id="pengestroemme" title={row.title} result={result} />

      <h2 id="foelsomhed-titel">{t("investments.sensitivityHeading")}</h2>
      <SensitivityTable table={sensitivity} />

      <h2 id="maal">{t("investments.linkedHeading")}</h2>
      {search.get("tilknyttet") ? (
        <Alert variant="success" role="status">
          <p>{t("investments.linked")}</p>
        </Alert>
      ) : null}
      {linked.length === 0 ? (
        <p>{t("investments.linkedNone")}</p>
      ) : (
        <ul>
          {linked.map((x) => (
            <li key={x.id}>
              <Link to={`/kommuner/${municipality.code}/maal/${x.id}`}>{x.title}</Link>
            </li>
          ))}
        </ul>
      )}
      {canWrite && targets.length > 0 ? (
        <Form method="post" className="no-print">
          <CsrfInput token={csrf} />
          {actionData?.error ? (
            <Alert variant="error" heading={t("investments.errorHeading")} role="alert">
              <p>{translateKey(t, actionData.error)}</p>
            </Alert>
          ) : null}
          <fieldset>
            <legend className="form-label">{t("investments.linkHelp")}</legend>
            {targets.map((x) => (
              <div className="form-group-checkbox" key={x.id}>
                <input
                  className="form-checkbox"
                  type="checkbox"
                  id={`maal-${x.id}`}
                  name="targetIds"
                  value={x.id}
                  defaultChecked={linked.some((l) => l.id === x.id)}
                />
                <label htmlFor={`maal-${x.id}`}>{x.title}</label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button button-secondary">
            {t("investments.linkSubmit")}
          </button>
        </Form>
      ) : null}

      <h2>{t("investments.inputsHeading")}</h2>
      <dl className="facts">
        <dt>{t("investments.effort")}</dt>
        <dd>{row.effort}</dd>
        <dt>{t("investments.targetGroup")}</dt>
        <dd>{row.targetGroup}</dd>
        <dt>{t("investments.childrenPerYear")}</dt>
        <dd>{inv.count(m.childrenPerYear)}</dd>
        <dt>{t("investments.effortYears")}</dt>
        <dd>{m.effortYears}</dd>
        <dt>{t("investments.horizon")}</dt>
        <dd>{t("investments.horizonYears", { count: m.horizonYears })}</dd>
        <dt>{t("investments.discountRate")}</dt>
        <dd>{inv.percent(m.discountRate)}</dd>
        <dt>{t("investments.successRate")}</dt>
        <dd>{inv.percent(m.successRate)}</dd>
      </dl>
      <h3>{t("investments.costLines")}</h3>
      <ul>
        {m.costs.map((c, i) => (
          <li key={i}>
            {c.label}: {inv.kr(c.amount)}
            {c.perChild || c.kind === "forloeb" ? ` ${t("investments.perChild")}` : ""} ({t(`investments.kinds.${c.kind}`)}),{" "}
            {t(`investments.parties.${c.party}`)}
          </li>
        ))}
      </ul>
      {m.effects.length > 0 ? (
        <>
          <h3>{t("investments.effects")}</h3>
          <ul>
            {m.effects.map((e, i) => (
              <li key={i}>
                {t("investments.effectLine", {
                  label: e.label,
                  gain: inv.kr(gains[i]),
                  party: t(`investments.parties.${e.party}`).toLowerCase(),
                })}
              </li>
            ))}
          </ul>
          <h3>{t("investments.prices")}</h3>
          <ul>
            {m.prices.map((p) => (
              <li key={p.key}>
                {p.label}: {inv.kr(p.weekly)} <span className="muted">({p.source})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {m.transfers.length > 0 ? (
        <>
          <h3>{t("investments.transfers")}</h3>
          <ul>
            {m.transfers.map((x, i) => (
              <li key={i}>
                {x.label}: {inv.kr(x.amountPerChild)} {t("investments.perChild")} ({t(`investments.parties.${x.from}`)} →{" "}
                {t(`investments.parties.${x.to}`)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {sources.length > 0 ? (
        <>
          <h3>{t("investments.sources")}</h3>
          <ul>
            {sources.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="muted">{t("investments.conventions")}</p>
    </article>
  );
}
