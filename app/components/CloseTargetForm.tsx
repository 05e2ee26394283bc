import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { ConformRadioGroup, ConformTextarea, CsrfInput } from "~/components/ui/FormField";
import { Details } from "~/components/ui/Details";
import { useT, useMessage } from "~/i18n/react";

/**
 * Closing a target (achieved or dropped, with a reason). Behind a disclosure, because it is
 * rare and final: a closed target stays readable but is never deleted.
 */
export function CloseTargetForm({ csrf, lastResult }: { csrf: string | null; lastResult: SubmissionResult<string[]> | undefined }) {
  const t = useT();
  const message = useMessage();
  const [form, fields] = useForm({ id: "luk-maal", lastResult });
  const hasErrors = Boolean(form.errors?.length || fields.state.errors || fields.reason.errors);
  return (
    <section aria-labelledby="luk-maal-overskrift" className="close-target">
      <h2 id="luk-maal-overskrift" className="h3">
        {t("closeTarget.title")}
      </h2>
      <Details summary={t("closeTarget.open")} open={hasErrors}>
        <p>{t("closeTarget.intro")}</p>
        {form.errors?.length ? <p className="form-error-message">{message(form.errors[0])}</p> : null}
        <Form method="post" {...getFormProps(form)}>
          <CsrfInput token={csrf} />
          <ConformRadioGroup
            field={fields.state}
            legend={t("closeTarget.state")}
            idPrefix="luk"
            options={(["naaet", "droppet"] as const).map((s) => ({ value: s, label: t(`closeTarget.states.${s}`) }))}
          />
          <ConformTextarea field={fields.reason} label={t("closeTarget.reason")} />
          <button type="submit" name="intent" value="close" className="button button-secondary">
            {t("closeTarget.submit")}
          </button>
        </Form>
      </Details>
    </section>
  );
}
