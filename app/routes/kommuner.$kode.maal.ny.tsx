import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Alert } from "~/components/ui/Alert";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { ConformField, ConformSelect, ConformTextarea, CsrfInput } from "~/components/ui/FormField";
import { requireActor, requireCsrf, requirePermission } from "~/data/auth.server";
import { listChallenges, listIndicators } from "~/data/catalogue.server";
import { requireMunicipality } from "~/data/params.server";
import { createTarget, ownerCandidates, TargetError, targetInputSchema } from "~/data/targets.server";
import { TARGET_GROUPS } from "~/domain/catalogue";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Nyt fælles mål – Fælles retning" }];

const MILESTONE_ROWS = 4;

/** The form's fields as the browser sends them (the server's zod schema turns them into a target). */
type TargetForm = {
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
  milestones: { title: string; dueDate: string }[];
};

async function guard(request: Request, context: LoaderFunctionArgs["context"], kode: string | undefined) {
  const actor = await requireActor(context.db, request);
  const municipality = requireMunicipality(context.db, kode);
  requirePermission(actor, { kind: "write-targets", municipality: municipality.code });
  return { actor, municipality };
}

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const { actor, municipality } = await guard(request, context, params.kode);
  const owners = ownerCandidates(context.db, municipality.code);
  return {
    municipality,
    csrf: actor.csrfToken,
    me: actor.id,
    owners,
    challenges: listChallenges(context.db).map(({ number, shortTitle }) => ({ number, shortTitle })),
    indicators: listIndicators(context.db).map(({ code, nameDa, cadence, targetGroups }) => ({ code, nameDa, cadence, targetGroups })),
  };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const { actor, municipality } = await guard(request, context, params.kode);
  const formData = await request.formData();
  requireCsrf(actor, formData);
  // empty milestone rows are left out, so a quantitative target does not fail on them
  for (let i = 0; i < MILESTONE_ROWS; i++) {
    if (!String(formData.get(`milestones[${i}].title`) ?? "").trim() && !String(formData.get(`milestones[${i}].dueDate`) ?? "").trim()) {
      formData.delete(`milestones[${i}].title`);
      formData.delete(`milestones[${i}].dueDate`);
    }
  }
  const submission = parseWithZod(formData, { schema: targetInputSchema });
  if (submission.status !== "success") return submission.reply();
  try {
    const id = createTarget(context.db, actor, municipality.code, submission.value);
    return redirect(`/kommuner/${municipality.code}/maal/${id}`);
  } catch (e) {
    if (e instanceof TargetError) return submission.reply(e.field ? { fieldErrors: { [e.field]: [e.message] } } : { formErrors: [e.message] });
    throw e;
  }
}

export default function NewTargetPage() {
  const { municipality, csrf, me, owners, challenges, indicators } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm<TargetForm>({ id: "nyt-maal", lastResult, defaultValue: { kind: "kvantitativ" } });
  const chosen = new Set(((fields.challenges.initialValue as string[] | undefined) ?? []).map(String));
  const milestoneFields = fields.milestones.getFieldList();
  const defaultOwner = (list: { id: number }[]) => String(list.find((o) => o.id === me)?.id ?? list[0]?.id ?? "");
  return (
    <>
      <Breadcrumbs items={[{ label: municipality.name, to: `/kommuner/${municipality.code}` }, { label: t("nav.targets"), to: `/kommuner/${municipality.code}/maal` }, { label: t("newTarget.title") }]} />
      <h1>{t("newTarget.title")}</h1>
      <p className="lead">{t("newTarget.intro")}</p>
      {form.errors?.length || Object.keys(form.allErrors).length ? (
        <Alert variant="error" heading={t("newTarget.errors")} role="alert">
          <p>{form.errors?.[0] ?? t("newTarget.fixFields")}</p>
        </Alert>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput token={csrf} />
        <ConformField field={fields.title} label={t("newTarget.titleField")} hint={t("newTarget.titleHint")} />
        <ConformTextarea field={fields.rationale} label={t("newTarget.rationale")} />
        <fieldset className={`form-group ${fields.challenges.errors ? "form-error" : ""}`}>
          <legend className="form-label">{t("newTarget.challenges")}</legend>
          {fields.challenges.errors ? <span className="form-error-message">{fields.challenges.errors[0]}</span> : null}
          {challenges.map((c) => (
            <div key={c.number} className="form-group-checkbox">
              <input type="checkbox" id={`udfordring-${c.number}`} name={fields.challenges.name} value={c.number} defaultChecked={chosen.has(String(c.number))} className="form-checkbox" />
              <label htmlFor={`udfordring-${c.number}`}>
                {c.number}. {c.shortTitle}
              </label>
            </div>
          ))}
        </fieldset>
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
        <fieldset className="form-group">
          <legend className="form-label">{t("newTarget.kind")}</legend>
          {(["kvantitativ", "milepael"] as const).map((k) => (
            <div key={k} className="form-group-radio">
              <input type="radio" id={`type-${k}`} name={fields.kind.name} value={k} defaultChecked={(fields.kind.initialValue ?? "kvantitativ") === k} className="form-radio" />
              <label htmlFor={`type-${k}`}>{t(`newTarget.kinds.${k}`)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className="form-group target-kind">
          <legend className="h3">{t("newTarget.quantitative")}</legend>
          <ConformSelect field={fields.indicatorCode} label={t("goal.indicator")}>
            <option value="">{t("newTarget.chooseIndicator")}</option>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {i.nameDa}
              </option>
            ))}
          </ConformSelect>
          <ConformSelect field={fields.targetGroup} label={t("indicator.targetGroup")}>
            <option value="">{t("newTarget.chooseGroup")}</option>
            {TARGET_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`targetGroups.${g}`)}
              </option>
            ))}
          </ConformSelect>
          <ConformField field={fields.baselinePeriod} label={t("newTarget.baseline")} hint={t("newTarget.periodHint")} />
          <ConformField field={fields.targetValue} label={t("newTarget.targetValue")} hint={t("newTarget.targetValueHint")} inputMode="decimal" />
          <ConformField field={fields.deadlinePeriod} label={t("newTarget.deadline")} hint={t("newTarget.periodHint")} />
        </fieldset>
        <fieldset className="form-group target-kind">
          <legend className="h3">{t("newTarget.milestones")}</legend>
          {fields.milestones.errors ? <span className="form-error-message">{fields.milestones.errors[0]}</span> : null}
          {Array.from({ length: MILESTONE_ROWS }, (_, i) => {
            const row = milestoneFields[i]?.getFieldset();
            return (
              <div key={i} className="milestone-row">
                <div className="form-group">
                  <label className="form-label" htmlFor={`milestone-${i}-title`}>
                    {t("newTarget.milestoneTitle", { n: i + 1 })}
                  </label>
                  {row?.title.errors ? <span className="form-error-message">{row.title.errors[0]}</span> : null}
                  <input id={`milestone-${i}-title`} name={`milestones[${i}].title`} className="form-input" defaultValue={(row?.title.initialValue as string) ?? ""} />
                </div>
                <div className="form-group">
                  <label className="form-label" htmlFor={`milestone-${i}-date`}>
                    {t("newTarget.milestoneDate")}
                  </label>
                  {row?.dueDate.errors ? <span className="form-error-message">{row.dueDate.errors[0]}</span> : null}
                  <input id={`milestone-${i}-date`} name={`milestones[${i}].dueDate`} type="date" className="form-input" defaultValue={(row?.dueDate.initialValue as string) ?? ""} />
                </div>
              </div>
            );
          })}
        </fieldset>
        <button type="submit" className="button button-primary">
          {t("newTarget.submit")}
        </button>
        {defaultOwner(owners.school) === "" ? <p className="muted">{t("newTarget.noOwners")}</p> : null}
      </Form>
    </>
  );
}
