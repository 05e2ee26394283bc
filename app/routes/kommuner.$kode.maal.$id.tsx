import { pageTitle } from "~/i18n/meta";
import type { AppLoadContext } from "@remix-run/node";
import type { Actor } from "~/data/auth.server";
import { targetGroupKey } from "~/i18n/keys";
import { TargetInvestments } from "~/components/InvestmentViews";
import { DomainError } from "~/domain/errors";
import { formReply, errorMessage } from "~/http/edge.server";
import { casesForTarget } from "~/data/investments.server";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ChartFigure } from "~/components/ChartFigure";
import { CloseTargetForm } from "~/components/CloseTargetForm";
import { LineTrendChart } from "~/components/charts";
import { FigureValue } from "~/components/FigureValue";
import { TrajectoryTable } from "~/components/TrajectoryTable";
import { SERIES_COLOURS } from "~/components/palette";
import { Alert } from "~/components/ui/Alert";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { ConformRadioGroup, ConformTextarea, CsrfInput } from "~/components/ui/FormField";
import { StatusBadge } from "~/components/ui/StatusBadge";
import { ComputedStatus } from "~/components/ComputedStatus";
import { requireActor, requireCsrf, requirePermission } from "~/data/auth.server";
import { requireMunicipality } from "~/data/params.server";
import {
  closeSchema,
  closeTarget,
  confirmStatus,
  currentQuarter,
  setMilestoneDone,
  StatusConflict,
  statusPartSchema,
  targetDetail,
  writeStatusPart,
  type Side,
} from "~/data/targets.server";
import { can } from "~/domain/access";

import { indicatorName } from "~/domain/catalogue";
import { useLocale, useT, useMessage, useFormat } from "~/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageTitle(matches, () => (data ? data.detail.target.title : null)),
];

async function load(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const actor = await requireActor(context.db, request);
  const municipality = requireMunicipality(context.db, params.kode);
  requirePermission(actor, { kind: "read-targets", municipality: municipality.code });
  const id = z.coerce.number().int().positive().safeParse(params.id);
  if (!id.success) throw new DomainError("not_found", "targetErrors.notFound");
  const detail = targetDetail(context.db, id.data);
  if (detail.target.municipalityCode !== municipality.code) throw new DomainError("not_found", "targetErrors.notFound");
  const side: Side | null = can(actor, { kind: "write-status", municipality: municipality.code, side: "school" })
    ? "school"
    : can(actor, { kind: "write-status", municipality: municipality.code, side: "social" })
      ? "social"
      : null;
  return { actor, municipality, detail, side };
}

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const { actor, municipality, detail, side } = await load(request, context, params);
  return {
    municipality,
    detail,
    side,
    canEdit: can(actor, { kind: "write-targets", municipality: municipality.code }),
    changed: new URL(request.url).searchParams.has("aendret"),
    quarter: currentQuarter(context.db),
    csrf: actor.csrfToken,
    investments: casesForTarget(context.db, actor, detail.target.id),
  };
}

const milestoneSchema = z.object({ milestoneId: z.coerce.number().int().positive(), done: z.enum(["ja", "nej"]) });

type Reply = {
  form: "close" | "milestone" | "status";
  result: SubmissionResult<string[]>;
  conflict: StatusConflict["current"] | null;
  saved: boolean;
  withdrewOther: boolean;
};
type IntentArgs = { request: Request; db: AppLoadContext["db"]; actor: Actor; targetId: number; side: Side | null; formData: FormData };

const reply = (form: Reply["form"], result: SubmissionResult<string[]>, more: Partial<Omit<Reply, "form" | "result">> = {}): Reply => ({
  form,
  result,
  conflict: null,
  saved: false,
  withdrewOther: false,
  ...more,
});

/** Close the target as reached or dropped, with a reason. */
function closeIntent({ request, db, actor, targetId, formData }: IntentArgs): Reply {
  const submission = parseWithZod(formData, { schema: closeSchema });
  if (submission.status !== "success") return reply("close", submission.reply());
  try {
    closeTarget(db, actor, targetId, submission.value);
    return reply("close", submission.reply(), { saved: true });
  } catch (e) {
    return reply("close", formReply(request, submission, e));
  }
}

/** Tick a milestone done or not done. */
function milestoneIntent({ request, db, actor, targetId, formData }: IntentArgs): Reply {
  const submission = parseWithZod(formData, { schema: milestoneSchema });
  if (submission.status !== "success") return reply("milestone", submission.reply({ formErrors: ["routeErrors.milestoneForm"] }));
  try {
    setMilestoneDone(db, actor, targetId, submission.value.milestoneId, submission.value.done === "ja");
    return reply("milestone", submission.reply(), { saved: true });
  } catch (e) {
    return reply("milestone", formReply(request, submission, e));
  }
}

/** Write one's own department's part of the quarter's status, or confirm the joint one. */
function statusIntent(intent: "write" | "confirm") {
  return ({ request, db, actor, targetId, side, formData }: IntentArgs): Reply => {
    if (!side) throw new DomainError("forbidden", "routeErrors.statusDirectorsOnly");
    const submission = parseWithZod(formData, {
      schema: intent === "confirm" ? statusPartSchema.pick({ quarter: true, expectedVersion: true }) : statusPartSchema,
    });
    if (submission.status !== "success") return reply("status", submission.reply());
    try {
      const v = submission.value as z.output<typeof statusPartSchema>;
      if (intent === "confirm") {
        confirmStatus(db, actor, targetId, side, v.quarter, v.expectedVersion);
        return reply("status", submission.reply(), { saved: true });
      }
      // the saver is told when the save withdrew the other department's confirmation
      const { withdrewOther } = writeStatusPart(db, actor, targetId, side, v);
      return reply("status", submission.reply(), { saved: true, withdrewOther });
    } catch (e) {
      if (e instanceof StatusConflict)
        return reply("status", submission.reply({ formErrors: [errorMessage(request, e)] }), { conflict: e.current });
      return reply("status", formReply(request, submission, e));
    }
  };
}

const INTENTS: Record<string, (args: IntentArgs) => Reply> = {
  close: closeIntent,
  milestone: milestoneIntent,
  write: statusIntent("write"),
  confirm: statusIntent("confirm"),
};

export async function action({ params, request, context }: ActionFunctionArgs) {
  const { actor, municipality, detail, side } = await load(request, context, params);
  requirePermission(actor, { kind: "write-targets", municipality: municipality.code });
  const formData = await request.formData();
  requireCsrf(actor, formData);
  const handle = INTENTS[String(formData.get("intent"))];
  if (!handle) return reply("status", { status: "error", error: { "": ["routeErrors.unknownIntent"] } });
  return handle({ request, db: context.db, actor, targetId: detail.target.id, side, formData });
}

const ASSESSMENTS = ["paa-sporet", "i-risiko", "bagud"] as const;

export default function TargetPage() {
  const f = useFormat();
  const { municipality, detail, side, canEdit, changed, quarter, csrf, investments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const data = actionData?.form === "status" ? actionData : undefined;
  const t = useT();
  const message = useMessage();
  const locale = useLocale();
  const { target, partnership, indicator, owners, progress, trend, milestones, statuses } = detail;
  const active = target.state === "aktiv";
  const current = statuses.find((s) => s.quarter === quarter);
  const [form, fields] = useForm({ id: "status", lastResult: data?.result });
  const unit = indicator?.unit ?? "percent";
  const mine =
    side && current
      ? {
          done: current[`${side}Done`],
          next: current[`${side}Next`],
          risks: current[`${side}Risks`],
          assessment: current[`${side}Assessment`],
          justification: current[`${side}Justification`],
        }
      : null;
  const iConfirmed = side && current ? current[`${side}ConfirmedVersion`] === current.version : false;
  const other = side === "school" ? "social" : "school";
  const sideName = (sd: "school" | "social") => (sd === "school" ? t("targets.ownerSchool") : t("targets.ownerSocial"));
  // my confirmation was withdrawn by the other department's save: said here until I confirm again
  const myWithdrawal = side && current && !iConfirmed ? current.withdrawn[side] : null;
  const chartTitle = t("goal.chartTitle", { title: target.title });
  return (
    <>
      <Breadcrumbs
        items={[
          { label: municipality.name, to: `/kommuner/${municipality.code}` },
          { label: t("nav.targets"), to: `/kommuner/${municipality.code}/maal` },
          { label: target.title },
        ]}
      />
      <h1>{target.title}</h1>
      <p>
        {active ? (
          <>
            <ComputedStatus
              status={progress.computedStatus}
              latest={progress.latest}
              newest={progress.newest}
              unavailable={progress.unavailable}
            />{" "}
            <span className="muted">{t("targets.computed")}</span>
          </>
        ) : (
          <span className="badge">{t(`targets.closed.${target.state as "naaet" | "droppet"}`)}</span>
        )}
      </p>
      {changed ? (
        <Alert variant="success" heading={t("editTarget.saved")} role="status">
          <p>{t("editTarget.savedText")}</p>
        </Alert>
      ) : null}
      {actionData?.form === "close" && actionData.saved ? (
        <Alert variant="success" heading={t("closeTarget.closed")} role="status">
          <p>{t("closeTarget.closedText")}</p>
        </Alert>
      ) : null}
      {actionData?.form === "milestone" && actionData.result.error?.[""] ? (
        <Alert variant="error" heading={t("goal.notSaved")} role="alert">
          <p>{actionData.result.error[""][0]}</p>
        </Alert>
      ) : null}
      {!active ? (
        <Alert variant="info" heading={t(`targets.closed.${target.state as "naaet" | "droppet"}`)}>
          <p>
            {target.closedReason} {target.closedAt ? `(${f.date(target.closedAt)})` : ""}
          </p>
        </Alert>
      ) : null}
      {partnership ? (
        <p>
          <span className="badge badge--partnership">{t("partnership.badge")}</span>{" "}
          <Link to={`/partnerskabsmaal/${partnership.id}`}>{t("partnership.adoptedFrom", { title: partnership.title })}</Link>
        </p>
      ) : null}
      <p className="lead">{target.rationale}</p>
      {canEdit && active ? (
        <p>
          <Link to={`/kommuner/${municipality.code}/maal/${target.id}/rediger`} className="button button-secondary">
            {partnership ? t("editTarget.editOwners") : t("editTarget.edit")}
          </Link>
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t("indicator.challenges")}</dt>
          <dd>{target.challenges.join(", ")}</dd>
        </div>
        <div>
          <dt>{t("targets.ownerSchool")}</dt>
          <dd>{owners.school?.name ?? "–"}</dd>
        </div>
        <div>
          <dt>{t("targets.ownerSocial")}</dt>
          <dd>{owners.social?.name ?? "–"}</dd>
        </div>
        {indicator ? (
          <>
            <div>
              <dt>{t("goal.indicator")}</dt>
              <dd>
                {indicatorName(indicator, locale)} ({t(targetGroupKey(target.targetGroup ?? ""))})
              </dd>
            </div>
            <div>
              <dt>{t("targets.baseline", { period: target.baselinePeriod })}</dt>
              <dd>{f.value(progress.baselineValue, unit)}</dd>
            </div>
            <div>
              <dt>{t("targets.targetValue", { period: target.deadlinePeriod })}</dt>
              <dd>{f.value(target.targetValue, unit)}</dd>
            </div>
            {progress.latest ? (
              <div>
                <dt>{t("targets.latest", { period: progress.latest.period })}</dt>
                <dd>
                  <FigureValue figure={progress.latest} unit={unit} />
                </dd>
              </div>
            ) : null}
          </>
        ) : null}
      </dl>

      {trend.length > 0 ? (
        <ChartFigure
          id="forloeb"
          title={chartTitle}
          summary={t("goal.chartSummary", {
            baseline: f.value(progress.baselineValue, unit),
            target: f.value(target.targetValue, unit),
            deadline: target.deadlinePeriod,
          })}
          chart={(label) => (
            <LineTrendChart
              label={label}
              unit={unit}
              series={[
                { key: "actual", label: municipality.name, colour: SERIES_COLOURS.municipality },
                { key: "expected", label: t("goal.trajectory"), colour: SERIES_COLOURS.region, dash: "6 4" },
                { key: "target", label: t("goal.targetLine"), colour: SERIES_COLOURS.nation, dash: "2 3" },
              ]}
              rows={trend.map((p) => ({ period: p.period, actual: p.actual, expected: p.expected, target: p.target }))}
            />
          )}
          table={<TrajectoryTable points={trend} unit={unit} title={chartTitle} actualName={municipality.name} />}
        />
      ) : null}
      {trend.some((p) => p.planned) ? <p className="muted">{t("trust.progress.plannedNote", { quarter })}</p> : null}

      <TargetInvestments cases={investments} />

      {milestones.length > 0 ? (
        <section aria-labelledby="milepaele">
          <h2 id="milepaele">{t("goal.milestones")}</h2>
          <ul className="unstyled-list milestones">
            {milestones.map((m) => (
              <li key={m.id}>
                <span aria-hidden="true">{m.done ? "✓" : "○"}</span> {m.title} – {f.date(m.dueDate)}{" "}
                <span className={m.done ? "muted" : "visually-hidden"}>{m.done ? t("goal.milestoneDone") : t("goal.notDone")}</span>
                {canEdit && active ? (
                  <Form method="post" className="inline-form">
                    <CsrfInput token={csrf} />
                    <input type="hidden" name="milestoneId" value={m.id} />
                    <input type="hidden" name="done" value={m.done ? "nej" : "ja"} />
                    {/* the name carries the milestone, so a list of these buttons is not a list of equals */}
                    <button
                      type="submit"
                      name="intent"
                      value="milestone"
                      className="button button-tertiary"
                      aria-label={`${m.done ? t("goal.markNotDone") : t("goal.markDone")}: ${m.title}`}
                    >
                      {m.done ? t("goal.markNotDone") : t("goal.markDone")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="kvartalsstatus">
        <h2 id="kvartalsstatus">{t("goal.statusTitle")}</h2>
        {statuses.length === 0 ? <p>{t("goal.noStatus")}</p> : null}
        {statuses.map((s) => (
          <article key={s.id} className="card dashboard-card status-card">
            <h3 className="h4">
              {s.quarter}: {s.joint ? t("targets.joint") : t("targets.notJoint")}
            </h3>
            <div className="status-parts">
              {(["school", "social"] as const).map((sd) => (
                <div key={sd}>
                  <h4 className="h5">
                    {sd === "school" ? t("targets.ownerSchool") : t("targets.ownerSocial")}
                    {s.written[sd] && s[`${sd}ConfirmedVersion`] === s.version && s.version > 0 ? ` – ${t("goal.confirmed")}` : ""}
                  </h4>
                  {s.withdrawn[sd] ? (
                    <p className="muted">{t("trust.status.withdrawnTask", { by: s.withdrawn[sd]!.by, at: f.date(s.withdrawn[sd]!.at) })}</p>
                  ) : null}
                  {s.written[sd] ? (
                    <dl className="facts">
                      <div>
                        <dt>{t("goal.done")}</dt>
                        <dd>{s[`${sd}Done`]}</dd>
                      </div>
                      <div>
                        <dt>{t("goal.next")}</dt>
                        <dd>{s[`${sd}Next`]}</dd>
                      </div>
                      {s[`${sd}Risks`] ? (
                        <div>
                          <dt>{t("goal.risks")}</dt>
                          <dd>{s[`${sd}Risks`]}</dd>
                        </div>
                      ) : null}
                      <div>
                        <dt>{t("goal.assessment")}</dt>
                        <dd>
                          {s[`${sd}Assessment`] ? <StatusBadge status={s[`${sd}Assessment`]!} /> : "–"}
                          {s[`${sd}Justification`] ? ` ${s[`${sd}Justification`]}` : ""}
                        </dd>
                      </div>
                    </dl>
                  ) : (
                    <p className="muted">{t("goal.notWritten")}</p>
                  )}
                </div>
              ))}
            </div>
          </article>
        ))}
      </section>

      {side && active ? (
        <section aria-labelledby="skriv-status">
          <h2 id="skriv-status">
            {t("goal.writeTitle", { quarter, side: side === "school" ? t("targets.ownerSchool") : t("targets.ownerSocial") })}
          </h2>
          {data?.saved ? (
            <Alert variant="success" heading={t("goal.saved")} role="status">
              <p>{data.withdrewOther ? t("trust.status.withdrewOther", { side: sideName(other) }) : t("goal.savedText")}</p>
            </Alert>
          ) : null}
          {myWithdrawal && !data?.saved ? (
            <Alert variant="warning" heading={t("trust.status.withdrawnHeading")}>
              <p>{t("trust.status.withdrawnText", { by: myWithdrawal.by, at: f.date(myWithdrawal.at) })}</p>
            </Alert>
          ) : null}
          {current && current.written[side] && !current.written[other] ? (
            <p className="muted">{t("trust.status.otherMissing", { side: sideName(other) })}</p>
          ) : null}
          {form.errors?.length ? (
            <Alert variant="error" heading={t("goal.notSaved")} role="alert">
              <p>{message(form.errors[0])}</p>
              {data?.conflict ? (
                <p>
                  {t("goal.otherText")}: {data.conflict[`${side === "school" ? "social" : "school"}Done`] ?? "–"}
                </p>
              ) : null}
            </Alert>
          ) : null}
          {current && current.version > 0 && current.written[side] && !iConfirmed ? (
            <Form method="post" className="confirm-form">
              <CsrfInput token={csrf} />
              <input type="hidden" name="quarter" value={quarter} />
              <input type="hidden" name="expectedVersion" value={current.version} />
              <button type="submit" name="intent" value="confirm" className="button button-primary">
                {t("goal.confirm")}
              </button>
            </Form>
          ) : null}
          <Form method="post" {...getFormProps(form)} key={current?.version ?? 0}>
            <CsrfInput token={csrf} />
            <input type="hidden" name="quarter" value={quarter} />
            <input type="hidden" name="expectedVersion" value={data?.conflict?.version ?? current?.version ?? 0} />
            {(["done", "next", "risks", "justification"] as const).map((name) => (
              <ConformTextarea key={name} field={fields[name]} label={t(`goal.${name}`)} fallback={mine?.[name]} />
            ))}
            <ConformRadioGroup
              field={fields.assessment}
              legend={t("goal.assessment")}
              idPrefix="vurdering"
              options={ASSESSMENTS.map((a) => ({ value: a, label: t(`status.${a}`) }))}
              fallback={mine?.assessment}
            />
            <div className="form-group-checkbox">
              <input type="checkbox" id="bekraeft" name="confirm" value="on" className="form-checkbox" />
              <label htmlFor="bekraeft">{t("goal.confirmOnSave")}</label>
            </div>
            <button type="submit" name="intent" value="write" className="button button-primary">
              {t("goal.save")}
            </button>
          </Form>
        </section>
      ) : null}

      {canEdit && active ? <CloseTargetForm csrf={csrf} lastResult={actionData?.form === "close" ? actionData.result : undefined} /> : null}
    </>
  );
}
