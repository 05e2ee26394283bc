import { pageTitle } from "~/i18n/meta";
import { requestLocale } from "~/http/edge.server";
import { targetGroupKey } from "~/i18n/keys";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { DomainError } from "~/domain/errors";
import { formReply } from "~/http/edge.server";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CloseTargetForm } from "~/components/CloseTargetForm";
import { FigureValue } from "~/components/FigureValue";
import { OwnerFields } from "~/components/TargetForm";
import { Alert } from "~/components/ui/Alert";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { CsrfInput } from "~/components/ui/FormField";
import { StatusBadge } from "~/components/ui/StatusBadge";
import { requireActor, requireCsrf, requirePermission } from "~/data/auth.server";
import { listChallenges } from "~/data/catalogue.server";
import { adoptTarget, closeSchema, closeTarget, ownerCandidates, ownersSchema, requirePartnershipTarget } from "~/data/targets.server";
import { can } from "~/domain/access";

import { indicatorName } from "~/domain/catalogue";
import { useLocale, useT, useMessage, useFormat } from "~/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageTitle(matches, (t) => (data ? t("titles.partnershipTarget", { title: data.definition.title }) : null)),
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  const target = requirePartnershipTarget(context.db, params.id);
  const mine = actor.municipalityCode;
  const adoptedByMe = target.adoptions.find((a) => a.municipalityCode === mine);
  const mayAdopt = Boolean(
    mine && !adoptedByMe && target.row.state === "aktiv" && can(actor, { kind: "write-targets", municipality: mine }),
  );
  return {
    csrf: actor.csrfToken,
    row: target.row,
    definition: target.definition,
    indicator: target.indicator,
    locked: target.locked,
    changed: new URL(request.url).searchParams.has("aendret"),
    challenges: listChallenges(context.db, requestLocale(request)).map(({ number, shortTitle }) => ({ number, shortTitle })),
    adoptedCount: target.adoptions.length,
    // a municipality's target and its status are internal to it: only those the reader may see
    adoptions: target.adoptions.filter((a) => can(actor, { kind: "read-targets", municipality: a.municipalityCode })),
    adoptedByMe: adoptedByMe ? { id: adoptedByMe.id, municipalityCode: adoptedByMe.municipalityCode } : null,
    adopt: mayAdopt && mine ? { municipalityCode: mine, owners: ownerCandidates(context.db, mine), me: actor.id } : null,
    canManage: can(actor, { kind: "set-partnership-targets" }),
  };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const actor = await requireActor(context.db, request);
  const target = requirePartnershipTarget(context.db, params.id);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "adopt") {
    const municipality = actor.municipalityCode;
    if (!municipality) throw new DomainError("forbidden", "routeErrors.adoptDirectorsOnly");
    requirePermission(actor, { kind: "write-targets", municipality });
    requireCsrf(actor, formData);
    const submission = parseWithZod(formData, { schema: ownersSchema });
    if (submission.status !== "success") return { form: "adopt" as const, result: submission.reply() };
    try {
      const id = adoptTarget(context.db, actor, municipality, target.row.id, submission.value);
      return redirect(`/kommuner/${municipality}/maal/${id}`);
    } catch (e) {
      return { form: "adopt" as const, result: formReply(request, submission, e) };
    }
  }
  requirePermission(actor, { kind: "set-partnership-targets" });
  requireCsrf(actor, formData);
  if (intent !== "close")
    return { form: "close" as const, result: { status: "error" as const, error: { "": ["routeErrors.unknownIntent"] } } };
  const submission = parseWithZod(formData, { schema: closeSchema });
  if (submission.status !== "success") return { form: "close" as const, result: submission.reply() };
  try {
    closeTarget(context.db, actor, target.row.id, submission.value);
    return redirect(`/partnerskabsmaal/${target.row.id}`);
  } catch (e) {
    return { form: "close" as const, result: formReply(request, submission, e) };
  }
}

export default function PartnershipTargetPage() {
  const f = useFormat();
  const data = useLoaderData<typeof loader>();
  const { row, definition, indicator, locked, changed, challenges, adoptions, adoptedCount, adoptedByMe, adopt, canManage, csrf } = data;
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const active = row.state === "aktiv";
  const unit = indicator?.unit ?? "percent";
  return (
    <>
      <Breadcrumbs items={[{ label: t("partnership.title"), to: "/partnerskabsmaal" }, { label: definition.title }]} />
      <h1>{definition.title}</h1>
      <p>
        <span className="badge badge--partnership">{t("partnership.badge")}</span>
        {!active ? (
          <>
            {" "}
            <span className="badge">{t(`targets.closed.${row.state as "naaet" | "droppet"}`)}</span>
          </>
        ) : null}
      </p>
      {changed ? (
        <Alert variant="success" heading={t("editTarget.saved")} role="status">
          <p>{t("partnership.savedText")}</p>
        </Alert>
      ) : null}
      {!active ? (
        <Alert variant="info" heading={t(`targets.closed.${row.state as "naaet" | "droppet"}`)}>
          <p>
            {row.closedReason} {row.closedAt ? `(${f.date(row.closedAt)})` : ""}
          </p>
        </Alert>
      ) : null}
      <p className="lead">{definition.rationale}</p>
      <dl className="facts">
        <div>
          <dt>{t("indicator.challenges")}</dt>
          <dd>{definition.challenges.map((n) => `${n}. ${challenges.find((c) => c.number === n)?.shortTitle ?? ""}`).join("; ")}</dd>
        </div>
        {definition.kind === "kvantitativ" && indicator ? (
          <>
            <div>
              <dt>{t("goal.indicator")}</dt>
              <dd>
                {indicatorName(indicator, locale)} ({t(targetGroupKey(definition.targetGroup))})
              </dd>
            </div>
            <div>
              <dt>{t("partnership.baselinePeriod")}</dt>
              <dd>{definition.baselinePeriod}</dd>
            </div>
            <div>
              <dt>{t("targets.targetValue", { period: definition.deadlinePeriod })}</dt>
              <dd>{f.value(definition.targetValue, unit)}</dd>
            </div>
          </>
        ) : null}
      </dl>
      {definition.kind === "milepael" ? (
        <section aria-labelledby="milepaele">
          <h2 id="milepaele">{t("goal.milestones")}</h2>
          <ul>
            {definition.milestones.map((m) => (
              <li key={m.id}>
                {m.title} – {f.date(m.dueDate)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {canManage && active ? (
        <p>
          {locked ? (
            <span className="muted">{t("partnership.lockedText")}</span>
          ) : (
            <Link to={`/partnerskabsmaal/${row.id}/rediger`} className="button button-secondary">
              {t("editTarget.edit")}
            </Link>
          )}
        </p>
      ) : null}

      {adoptedByMe ? (
        <Alert variant="success" heading={t("partnership.adoptedByUs")}>
          <p>
            <Link to={`/kommuner/${adoptedByMe.municipalityCode}/maal/${adoptedByMe.id}`}>{t("partnership.seeOurs")}</Link>
          </p>
        </Alert>
      ) : null}
      {adopt ? <AdoptForm csrf={csrf} adopt={adopt} lastResult={actionData?.form === "adopt" ? actionData.result : undefined} /> : null}

      <section aria-labelledby="kommuner-med-maalet">
        <h2 id="kommuner-med-maalet">{t("partnership.adoptersTitle")}</h2>
        <p>{t("partnership.adoptedCount", { count: adoptedCount })}</p>
        {adoptions.length > 0 ? (
          <table className="table table--compact">
            <caption>{t("partnership.adoptersCaption", { title: definition.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("partnership.municipality")}</th>
                {indicator ? (
                  <th scope="col" className="num">
                    {t("partnership.baseline")}
                  </th>
                ) : null}
                {indicator ? (
                  <th scope="col" className="num">
                    {t("partnership.latest")}
                  </th>
                ) : null}
                <th scope="col">{t("targets.computed")}</th>
              </tr>
            </thead>
            <tbody>
              {adoptions.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={`/kommuner/${a.municipalityCode}/maal/${a.id}`}>{a.municipalityName}</Link>
                  </th>
                  {indicator ? <td className="num">{f.value(a.baselineValue, unit)}</td> : null}
                  {indicator ? (
                    <td className="num">
                      {a.latest ? (
                        <>
                          <FigureValue figure={a.latest} unit={unit} /> <span className="muted">({a.latest.period})</span>
                        </>
                      ) : (
                        "–"
                      )}
                    </td>
                  ) : null}
                  <td>
                    {a.state === "aktiv" ? (
                      <StatusBadge status={a.computedStatus} />
                    ) : (
                      <span className="badge">{t(`targets.closed.${a.state}`)}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      {canManage && active ? (
        <CloseTargetForm csrf={csrf} lastResult={actionData?.form === "close" ? actionData.result : undefined} />
      ) : null}
    </>
  );
}

function AdoptForm({
  csrf,
  adopt,
  lastResult,
}: {
  csrf: string | null;
  adopt: {
    municipalityCode: string;
    owners: { school: { id: number; name: string }[]; social: { id: number; name: string }[] };
    me: number;
  };
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const message = useMessage();
  const pick = (list: { id: number }[]) => String(list.find((o) => o.id === adopt.me)?.id ?? list[0]?.id ?? "");
  const [form, fields] = useForm({
    id: "tag-op",
    lastResult,
    defaultValue: { schoolOwnerId: pick(adopt.owners.school), socialOwnerId: pick(adopt.owners.social) },
  });
  return (
    <section aria-labelledby="tag-maalet-op" className="card dashboard-card adopt-card">
      <h2 id="tag-maalet-op" className="h3">
        {t("partnership.adoptTitle")}
      </h2>
      <p>{t("partnership.adoptIntro")}</p>
      {form.errors?.length ? (
        <Alert variant="error" heading={t("partnership.notAdopted")} role="alert">
          <p>{message(form.errors[0])}</p>
        </Alert>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput token={csrf} />
        <OwnerFields fields={fields} owners={adopt.owners} />
        <button type="submit" name="intent" value="adopt" className="button button-primary">
          {t("partnership.adopt")}
        </button>
      </Form>
    </section>
  );
}
