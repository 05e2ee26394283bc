/**
 * The draft report's publishing form: who has approved, the choices a publication needs, and
 * the button. The report page loads it only for a draft, so a published report ships no form code.
 */
import { departmentOf } from "~/domain/access";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Alert } from "~/components/ui/Alert";
import { ConformRadioGroup, ConformTextarea, CsrfInput } from "~/components/ui/FormField";

import type { Role } from "~/domain/access";
import { useT, useMessage, useFormat } from "~/i18n/react";

type PublishPanelProps = {
  quarter: string;
  /** The newest published version, 0 if none: publishing again is a correction and needs a reason. */
  newest: number;
  role: Role;
  csrf: string | null;
  contentHash: string;
  /** How many joint targets lack a status this quarter. */
  missing: number;
  approvals: { side: "school" | "social"; at: string; current: boolean }[];
  actionData: { result: SubmissionResult<string[]>; approvedBy: unknown } | undefined;
};

export default function PublishPanel({ quarter, newest, role, csrf, contentHash, missing, approvals, actionData }: PublishPanelProps) {
  const f = useFormat();
  const t = useT();
  const message = useMessage();
  const [form, fields] = useForm({ id: "udgiv", lastResult: actionData?.result });
  const correction = newest > 0;
  const side = departmentOf(role);
  return (
    <section aria-labelledby="udgiv-titel" className="publish-panel no-print">
      <Alert variant="info" heading={t("report.draftHeading", { quarter })}>
        <p>{t("report.draftText")}</p>
      </Alert>
      <h2 id="udgiv-titel" className="h3">
        {correction ? t("report.publishCorrection", { quarter, version: newest + 1 }) : t("report.publishTitle", { quarter })}
      </h2>
      <ul>
        {(["school", "social"] as const).map((s) => {
          const a = approvals.find((x) => x.side === s);
          const who = s === "school" ? t("targets.ownerSchool") : t("targets.ownerSocial");
          return (
            <li key={s}>
              {a?.current
                ? t("report.approved", { who, date: f.date(a.at) })
                : a
                  ? t("report.approvedOlder", { who })
                  : t("report.waiting", { who })}
            </li>
          );
        })}
      </ul>
      {actionData?.approvedBy ? (
        <Alert variant="success" heading={t("report.approvedHeading")} role="status">
          <p>{t("report.approvedText")}</p>
        </Alert>
      ) : null}
      {form.errors?.length ? (
        <Alert variant="error" heading={t("report.notPublished")} role="alert">
          <p>{message(form.errors[0])}</p>
        </Alert>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput token={csrf} />
        <input type="hidden" name="contentHash" value={contentHash} />
        {missing > 0 ? (
          <ConformRadioGroup
            field={fields.listMissing}
            legend={t("report.missingChoice", { count: missing, quarter })}
            idPrefix="mangler"
            options={[
              { value: "ja", label: t("report.missingList") },
              { value: "nej", label: t("report.missingWait") },
            ]}
          />
        ) : null}
        {correction ? <ConformTextarea field={fields.reason} label={t("report.reason")} hint={t("report.reasonHint")} /> : null}
        {fields.contentHash.errors ? <p className="form-error-message">{message(fields.contentHash.errors[0])}</p> : null}
        <button type="submit" className="button button-primary">
          {side
            ? t("report.approve", {
                who: (side === "school" ? t("targets.ownerSchool") : t("targets.ownerSocial")).toLocaleLowerCase("da-DK"),
              })
            : t("report.publish")}
        </button>
      </Form>
    </section>
  );
}
