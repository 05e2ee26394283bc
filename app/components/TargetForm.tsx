import type { Unit } from "~/domain/catalogue";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { IndicatorDef } from "~/domain/catalogue";
import { targetGroupKey } from "~/i18n/keys";
import { Form, useFetcher } from "@remix-run/react";
import { useEffect } from "react";

import { Alert } from "~/components/ui/Alert";
import { ConformField, ConformRadioGroup, ConformSelect, ConformTextarea, CsrfInput } from "~/components/ui/FormField";
import { indicatorName, TARGET_GROUPS } from "~/domain/catalogue";
import { useLocale, useT, useMessage, useFormat } from "~/i18n/react";

/** The fields as the browser sends them (the server's zod schema turns them into a target). */
export type TargetFormValues = {
  kind: string;
  title: string;
  rationale: string;
  challenges: string[];
  schoolOwnerId: string;
  socialOwnerId: string;
  indicatorCode: string;
  targetGroup: string;
  baselinePeriod: string;
  targetValue: string;
  deadlinePeriod: string;
  direction: string;
  milestones: { id?: string; title: string; dueDate: string }[];
};

type Person = { id: number; name: string };

/** Empty milestone rows are left out, so a quantitative target does not fail on them. */
export function dropEmptyMilestoneRows(formData: FormData) {
  for (const key of [...formData.keys()]) {
    const m = /^milestones\[(\d+)\]\.title$/.exec(key);
    if (!m) continue;
    const i = m[1];
    if (!String(formData.get(`milestones[${i}].title`) ?? "").trim() && !String(formData.get(`milestones[${i}].dueDate`) ?? "").trim()) {
      for (const f of ["title", "dueDate", "id"]) formData.delete(`milestones[${i}].${f}`);
    }
  }
}

/** Form values for a stored target, for the edit form. */
export function formValuesOf(
  definition: {
    kind: string;
    title: string;
    rationale: string;
    challenges: number[];
    indicatorCode?: string;
    targetGroup?: string;
    baselinePeriod?: string;
    targetValue?: number;
    deadlinePeriod?: string;
    direction?: string;
    milestones?: { id?: number; title: string; dueDate: string }[];
  },
  owners?: { schoolOwnerId: number | null; socialOwnerId: number | null },
): Partial<TargetFormValues> {
  return {
    kind: definition.kind,
    title: definition.title,
    rationale: definition.rationale,
    challenges: definition.challenges.map(String),
    indicatorCode: definition.indicatorCode ?? "",
    targetGroup: definition.targetGroup ?? "",
    baselinePeriod: definition.baselinePeriod ?? "",
    targetValue: definition.targetValue === undefined ? "" : String(definition.targetValue).replace(".", ","),
    deadlinePeriod: definition.deadlinePeriod ?? "",
    direction: definition.direction ?? "",
    milestones: (definition.milestones ?? []).map((m) => ({ id: m.id ? String(m.id) : undefined, title: m.title, dueDate: m.dueDate })),
    schoolOwnerId: owners?.schoolOwnerId ? String(owners.schoolOwnerId) : "",
    socialOwnerId: owners?.socialOwnerId ? String(owners.socialOwnerId) : "",
  };
}

/**
 * The one form for a target: new or edited, a municipality's (with owners) or the partnership's
 * (without). On edit the kind is fixed, and milestones keep their ids.
 */
export function TargetForm({
  id,
  lastResult,
  csrf,
  defaultValue,
  owners,
  challenges,
  indicators,
  editing,
  submitLabel,
  errorHeading,
  baselineFrom,
}: {
  id: string;
  lastResult: SubmissionResult<string[]> | undefined;
  csrf: string | null;
  defaultValue: Partial<TargetFormValues>;
  owners: { school: Person[]; social: Person[] } | null;
  challenges: { number: number; shortTitle: string }[];
  indicators: Pick<IndicatorDef, "code" | "nameDa" | "nameEn">[];
  editing: boolean;
  submitLabel: string;
  errorHeading: string;
  /** The municipality whose own data the baseline preview reads (none for a partnership target). */
  baselineFrom?: string;
}) {
  const t = useT();
  const message = useMessage();
  const locale = useLocale();
  const [form, fields] = useForm<TargetFormValues>({ id, lastResult, defaultValue });
  // one ticked challenge comes back as a single string, several as a list
  const chosen = new Set(([] as unknown[]).concat(fields.challenges.initialValue ?? []).map(String));
  const milestoneFields = fields.milestones.getFieldList();
  const kind = (fields.kind.initialValue as string | undefined) ?? "kvantitativ";
  const rows = Math.max(4, milestoneFields.length + 2);
  return (
    <>
      {form.errors?.length || Object.keys(form.allErrors).length ? (
        <Alert variant="error" heading={errorHeading} role="alert">
          {form.errors?.length ? <p>{message(form.errors[0])}</p> : <p>{t("newTarget.fixFields")}</p>}
          {/* the error summary: every error at once, each linked to its field (DKFDS) */}
          <ul className="error-summary-list">
            {Object.entries(form.allErrors)
              .filter(([name]) => name !== form.name && name !== "")
              .map(([name, errors]) => (
                <li key={name}>
                  <a href={`#${fieldAnchor(name, fields)}`}>{message(errors[0])}</a>
                </li>
              ))}
          </ul>
        </Alert>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="target-form">
        <CsrfInput token={csrf} />
        <ConformField field={fields.title} label={t("newTarget.titleField")} hint={t("newTarget.titleHint")} />
        <ConformTextarea field={fields.rationale} label={t("newTarget.rationale")} />
        <fieldset className={`form-group ${fields.challenges.errors ? "form-error" : ""}`}>
          <legend className="form-label">{t("newTarget.challenges")}</legend>
          {fields.challenges.errors ? <span className="form-error-message">{message(fields.challenges.errors[0])}</span> : null}
          {challenges.map((c) => (
            <div key={c.number} className="form-group-checkbox">
              <input
                type="checkbox"
                id={`udfordring-${c.number}`}
                name={fields.challenges.name}
                value={c.number}
                defaultChecked={chosen.has(String(c.number))}
                className="form-checkbox"
              />
              <label htmlFor={`udfordring-${c.number}`}>
                {c.number}. {c.shortTitle}
              </label>
            </div>
          ))}
        </fieldset>
        {owners ? <OwnerFields fields={fields} owners={owners} /> : null}
        {editing ? (
          <p>
            <input type="hidden" name={fields.kind.name} value={kind} />
            <strong>{t("newTarget.kind")}:</strong> {t(`newTarget.kinds.${kind as "kvantitativ" | "milepael"}`)}
            {fields.kind.errors ? <span className="form-error-message">{message(fields.kind.errors[0])}</span> : null}
          </p>
        ) : (
          <fieldset className="form-group">
            <legend className="form-label">{t("newTarget.kind")}</legend>
            {(["kvantitativ", "milepael"] as const).map((k) => (
              <div key={k} className="form-group-radio">
                <input type="radio" id={`type-${k}`} name={fields.kind.name} value={k} defaultChecked={kind === k} className="form-radio" />
                <label htmlFor={`type-${k}`}>{t(`newTarget.kinds.${k}`)}</label>
              </div>
            ))}
          </fieldset>
        )}
        {!editing || kind === "kvantitativ" ? (
          <fieldset className="form-group target-kind target-kind--kvantitativ">
            <legend className="h3">{t("newTarget.quantitative")}</legend>
            <ConformSelect field={fields.indicatorCode} label={t("goal.indicator")}>
              <option value="">{t("newTarget.chooseIndicator")}</option>
              {indicators.map((i) => (
                <option key={i.code} value={i.code}>
                  {indicatorName(i, locale)}
                </option>
              ))}
            </ConformSelect>
            <ConformSelect field={fields.targetGroup} label={t("indicator.targetGroup")}>
              <option value="">{t("newTarget.chooseGroup")}</option>
              {TARGET_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(targetGroupKey(g))}
                </option>
              ))}
            </ConformSelect>
            <ConformField field={fields.baselinePeriod} label={t("newTarget.baseline")} hint={t("newTarget.periodHint")} />
            {baselineFrom ? <BaselinePreview code={baselineFrom} formId={form.id} /> : null}
            <ConformField
              field={fields.targetValue}
              label={t("newTarget.targetValue")}
              hint={t("newTarget.targetValueHint")}
              inputMode="decimal"
            />
            <ConformField field={fields.deadlinePeriod} label={t("newTarget.deadline")} hint={t("newTarget.periodHint")} />
            <ConformRadioGroup
              field={fields.direction}
              legend={t("trust.form.direction")}
              idPrefix="retning"
              options={[
                { value: "higher", label: t("trust.form.directionHigher") },
                { value: "lower", label: t("trust.form.directionLower") },
              ]}
            />
            <p className="form-hint">{t("trust.form.directionHint")}</p>
          </fieldset>
        ) : null}
        {!editing || kind === "milepael" ? (
          <fieldset className="form-group target-kind target-kind--milepael">
            <legend className="h3">{t("newTarget.milestones")}</legend>
            {editing ? <p className="form-hint">{t("editTarget.milestonesHint")}</p> : null}
            {fields.milestones.errors ? <span className="form-error-message">{message(fields.milestones.errors[0])}</span> : null}
            {Array.from({ length: rows }, (_, i) => {
              const row = milestoneFields[i]?.getFieldset();
              const milestoneId = row?.id.initialValue as string | undefined;
              return (
                <div key={i} className="milestone-row">
                  {milestoneId ? <input type="hidden" name={`milestones[${i}].id`} value={milestoneId} /> : null}
                  <div className="form-group">
                    <label className="form-label" htmlFor={`milestone-${i}-title`}>
                      {t("newTarget.milestoneTitle", { n: i + 1 })}
                    </label>
                    {row?.title.errors ? <span className="form-error-message">{message(row.title.errors[0])}</span> : null}
                    <input
                      id={`milestone-${i}-title`}
                      name={`milestones[${i}].title`}
                      className="form-input"
                      defaultValue={(row?.title.initialValue as string) ?? ""}
                    />
                  </div>
                  <div className="form-group">
                    <label className="form-label" htmlFor={`milestone-${i}-date`}>
                      {t("newTarget.milestoneDate")}
                    </label>
                    {row?.dueDate.errors ? <span className="form-error-message">{message(row.dueDate.errors[0])}</span> : null}
                    <input
                      id={`milestone-${i}-date`}
                      name={`milestones[${i}].dueDate`}
                      type="date"
                      className="form-input"
                      defaultValue={(row?.dueDate.initialValue as string) ?? ""}
                    />
                  </div>
                </div>
              );
            })}
          </fieldset>
        ) : null}
        <button type="submit" className="button button-primary">
          {submitLabel}
        </button>
        {owners && owners.school.length === 0 ? <p className="muted">{t("newTarget.noOwners")}</p> : null}
      </Form>
    </>
  );
}

type BaselineReply =
  { state: "invalid" } | { state: "missing" | "withheld"; period: string } | { state: "shown"; period: string; value: number; unit: Unit };

/**
 * The baseline value from the municipality's own data, shown as soon as indicator, target group
 * and baseline period are chosen (or that it is withheld). Needs JavaScript; without it the
 * target page shows the baseline once the target is saved.
 */
function BaselinePreview({ code, formId }: { code: string; formId: string }) {
  const f = useFormat();
  const t = useT();
  const fetcher = useFetcher<BaselineReply>();
  const { load } = fetcher;
  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    if (!form) return;
    const update = () => {
      const data = new FormData(form);
      const q = {
        indikator: String(data.get("indicatorCode") ?? ""),
        maalgruppe: String(data.get("targetGroup") ?? ""),
        periode: String(data.get("baselinePeriod") ?? "").trim(),
      };
      if (q.indikator && q.maalgruppe && q.periode) load(`/kommuner/${code}/maal/udgangsvaerdi?${new URLSearchParams(q)}`);
    };
    update();
    form.addEventListener("change", update);
    return () => form.removeEventListener("change", update);
  }, [code, formId, load]);
  const d = fetcher.data;
  const text =
    !d || d.state === "invalid"
      ? ""
      : d.state === "shown"
        ? t("trust.form.baselineShown", { period: d.period, value: f.value(d.value, d.unit) })
        : t(d.state === "withheld" ? "trust.form.baselineWithheld" : "trust.form.baselineMissing", { period: d.period });
  return (
    <p className="form-hint baseline-preview" aria-live="polite">
      {text}
    </p>
  );
}

/** The element an error summary entry links to: the field's own input, the first checkbox, or a milestone row. */
function fieldAnchor(name: string, fields: Record<string, { id: string } | undefined>): string {
  const m = /^milestones\[(\d+)\]\.(title|dueDate)$/.exec(name);
  if (m) return `milestone-${m[1]}-${m[2] === "title" ? "title" : "date"}`;
  if (name === "challenges" || name.startsWith("challenges[")) return "udfordring-1";
  if (name === "milestones") return "milestone-0-title";
  if (name === "kind") return "type-kvantitativ";
  if (name === "direction") return "retning-higher";
  return fields[name]?.id ?? name;
}

type OwnerFieldMeta = Parameters<typeof ConformSelect>[0]["field"];

/** The two owner choices, one per department (also the whole form for an adopted target). */
export function OwnerFields({
  fields,
  owners,
}: {
  fields: { schoolOwnerId: OwnerFieldMeta; socialOwnerId: OwnerFieldMeta };
  owners: { school: Person[]; social: Person[] };
}) {
  const t = useT();
  return (
    <div className="form-row-owners">
      <ConformSelect field={fields.schoolOwnerId} label={t("newTarget.schoolOwner")}>
        {owners.school.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </ConformSelect>
      <ConformSelect field={fields.socialOwnerId} label={t("newTarget.socialOwner")}>
        {owners.social.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </ConformSelect>
    </div>
  );
}
