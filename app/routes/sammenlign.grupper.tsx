import { pageTitle } from "~/i18n/meta";
import { getFormProps, useForm } from "@conform-to/react";
import { DomainError } from "~/domain/errors";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Alert } from "~/components/ui/Alert";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { ConformField, CsrfInput, SelectField } from "~/components/ui/FormField";
import { requireActor, requireCsrf, requirePermission } from "~/data/auth.server";
import { listMunicipalities } from "~/data/catalogue.server";
import { comparisonGroups, saveComparisonSettings } from "~/data/comparison.server";
import { can } from "~/domain/access";
import { GROUP_SIZE_RANGE, STRUCTURE_VARIABLES, type StructureVariable } from "~/domain/comparison";
import { settingsSchema } from "~/domain/comparison-settings";
import type { Formatter } from "~/domain/format";
import { useT, useMessage, useFormat } from "~/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageTitle(matches, (t) => (data?.focus ? t("titles.groupsFor", { name: data.focus.name }) : t("titles.groups"))),
];

const focusParam = z.string().regex(/^\d{3}$/);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  requirePermission(actor, { kind: "read-all-municipalities" });
  const params = new URL(request.url).searchParams;
  const raw = params.get("kommune") || actor.municipalityCode;
  const all = listMunicipalities(context.db);
  const focus = raw ? all.find((m) => focusParam.safeParse(raw).success && m.code === raw) : undefined;
  if (raw && !focus) throw new DomainError("not_found", "errors.unknownMunicipality", { code: raw });
  const { settings, structure, groups } = comparisonGroups(context.db);
  const byCode = new Map(all.map((m) => [m.code, m]));
  const values = new Map(structure.rows.map((r) => [r.code, r.values]));
  const row = (code: string, index: number | null) => ({
    code,
    name: byCode.get(code)!.name,
    region: byCode.get(code)!.regionName,
    index,
    values: values.get(code)!,
  });
  return {
    focus: focus ? { code: focus.code, name: focus.name } : null,
    settings,
    periods: structure.periods,
    own: focus ? row(focus.code, null) : null,
    neighbours: focus ? (groups.get(focus.code) ?? []).map((n) => row(n.code, n.index)) : [],
    municipalities: all.map((m) => ({ code: m.code, name: m.name })),
    canEdit: can(actor, { kind: "set-comparison-groups" }),
    csrf: actor.csrfToken,
    saved: params.get("gemt") === "1",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(context.db, request);
  requirePermission(actor, { kind: "set-comparison-groups" });
  const formData = await request.formData();
  requireCsrf(actor, formData);
  const submission = parseWithZod(formData, { schema: settingsSchema });
  if (submission.status !== "success") return submission.reply();
  saveComparisonSettings(context.db, actor, submission.value);
  const kommune = new URL(request.url).searchParams.get("kommune");
  return redirect(`/sammenlign/grupper?${kommune ? `kommune=${encodeURIComponent(kommune)}&` : ""}gemt=1`);
}

function formatVariable(f: Formatter, v: StructureVariable, x: number | null): string {
  if (x === null) return "–";
  if (v === "befolkning" || v === "boern" || v === "urbanitet") return f.integer(Math.round(x));
  if (v === "karakter-oevrige") return f.decimal(x);
  return f.valuePrecise(x, "percent");
}

export default function ComparisonGroupsPage() {
  const f = useFormat();
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const { settings } = data;
  const variableName = (v: StructureVariable) => t(`groups.variableNames.${v}`);
  return (
    <>
      <Breadcrumbs items={[{ label: t("compare.title"), to: "/sammenlign" }, { label: t("groups.title") }]} />
      <h1>{data.focus ? t("groups.titleFor", { name: data.focus.name }) : t("groups.title")}</h1>
      <p className="lead">{t("groups.intro")}</p>
      {data.saved ? (
        <Alert variant="success" role="status">
          {t("groups.saved")}
        </Alert>
      ) : null}
      <Form method="get" className="filter-form">
        <SelectField id="kommune" name="kommune" label={t("groups.choose")} defaultValue={data.focus?.code ?? ""}>
          <option value="" disabled>
            {t("header.chooseMunicipality")}
          </option>
          {data.municipalities.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button-primary">
          {t("compare.show")}
        </button>
      </Form>
      <p>{t("groups.current", { variables: settings.variables.map(variableName).join(", "), size: settings.groupSize })}</p>

      {data.own ? (
        <>
          <div className="table-scroll" role="region" aria-labelledby="gruppe-titel" tabIndex={0}>
            <table className="table table--compact data-table group-table">
              <caption id="gruppe-titel">{t("groups.titleFor", { name: data.own.name })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("groups.rank")}
                  </th>
                  <th scope="col">{t("groups.municipality")}</th>
                  <th scope="col" className="num">
                    {t("groups.index")}
                  </th>
                  {settings.variables.map((v) => (
                    <th key={v} scope="col" className="num">
                      {variableName(v)}
                      {data.periods[v] ? (
                        <span className="compare-table__note"> ({t("groups.variableFrom", { period: data.periods[v] })})</span>
                      ) : null}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr className="is-own">
                  <td className="num">–</td>
                  <th scope="row">{t("groups.own", { name: data.own.name })}</th>
                  <td className="num">–</td>
                  {settings.variables.map((v) => (
                    <td key={v} className="num">
                      {formatVariable(f, v, data.own!.values[v])}
                    </td>
                  ))}
                </tr>
                {data.neighbours.map((n, i) => (
                  <tr key={n.code}>
                    <td className="num">{i + 1}</td>
                    <th scope="row">
                      <Link to={`/kommuner/${n.code}`}>{n.name}</Link>
                    </th>
                    <td className="num">{f.hundredths(n.index!)}</td>
                    {settings.variables.map((v) => (
                      <td key={v} className="num">
                        {formatVariable(f, v, n.values[v])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <Link to={`/sammenlign?kommune=${data.own.code}&udvalg=gruppe`}>{t("groups.seeComparison", { name: data.own.name })}</Link>
          </p>
        </>
      ) : null}
      <h2>{t("groups.variables")}</h2>
      <p>{t("groups.method")}</p>
      {data.canEdit ? <SettingsForm /> : null}
    </>
  );
}

function SettingsForm() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const message = useMessage();
  const [form, fields] = useForm({
    id: "gruppeindstillinger",
    lastResult,
    defaultValue: { variables: data.settings.variables, groupSize: String(data.settings.groupSize) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: settingsSchema }),
    shouldRevalidate: "onBlur",
  });
  const chosen = new Set((fields.variables.initialValue as string[] | undefined) ?? data.settings.variables);
  return (
    <section aria-labelledby="indstillinger" className="settings-form">
      <h2 id="indstillinger">{t("groups.settingsTitle")}</h2>
      <p>{t("groups.settingsIntro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput token={data.csrf} />
        <fieldset
          className={`form-group ${fields.variables.errors ? "form-error" : ""}`}
          aria-describedby={fields.variables.errors ? fields.variables.errorId : undefined}
        >
          <legend className="form-label">{t("groups.settingsVariables")}</legend>
          {fields.variables.errors ? (
            <span className="form-error-message" id={fields.variables.errorId}>
              <span className="visually-hidden">Fejl: </span>
              {message(fields.variables.errors[0])}
            </span>
          ) : null}
          {STRUCTURE_VARIABLES.map((v) => (
            <div key={v} className="form-group-checkbox">
              <input
                type="checkbox"
                id={`variabel-${v}`}
                name={fields.variables.name}
                value={v}
                defaultChecked={chosen.has(v)}
                className="form-checkbox"
              />
              <label htmlFor={`variabel-${v}`}>{t(`groups.variableNames.${v}`)}</label>
            </div>
          ))}
          <p className="form-hint">{t("catalogue.outcomeNote")}</p>
        </fieldset>
        <ConformField
          field={fields.groupSize}
          label={t("groups.settingsSize")}
          hint={t("groups.settingsSizeHint", GROUP_SIZE_RANGE)}
          type="number"
          inputMode="numeric"
          className="form-input input-width-xs"
        />
        <button type="submit" className="button button-primary">
          {t("groups.save")}
        </button>
      </Form>
    </section>
  );
}
