import { pageTitle } from "~/i18n/meta";
import { requestLocale } from "~/http/edge.server";
import { parseWithZod } from "@conform-to/zod/v4";
import { formReply } from "~/http/edge.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { dropEmptyMilestoneRows, formValuesOf, TargetForm } from "~/components/TargetForm";
import { Alert } from "~/components/ui/Alert";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { requireActor, requireCsrf, requirePermission } from "~/data/auth.server";
import { targetFormChoices } from "~/data/catalogue.server";
import { partnershipTargetSchema, requirePartnershipTarget, updateTarget } from "~/data/targets.server";
import { useT } from "~/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageTitle(matches, (t) => (data ? t("titles.partnershipTargetEdit", { title: data.definition.title }) : null)),
];

async function guard(request: Request, context: LoaderFunctionArgs["context"], rawId: string | undefined) {
  const actor = await requireActor(context.db, request);
  requirePermission(actor, { kind: "set-partnership-targets" });
  return { actor, target: requirePartnershipTarget(context.db, rawId) };
}

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const { actor, target } = await guard(request, context, params.id);
  return {
    csrf: actor.csrfToken,
    id: target.row.id,
    editable: target.row.state === "aktiv" && !target.locked,
    closed: target.row.state !== "aktiv",
    definition: target.definition,
    ...targetFormChoices(context.db, requestLocale(request)),
  };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const { actor, target } = await guard(request, context, params.id);
  const formData = await request.formData();
  requireCsrf(actor, formData);
  dropEmptyMilestoneRows(formData);
  const submission = parseWithZod(formData, { schema: partnershipTargetSchema });
  if (submission.status !== "success") return submission.reply();
  try {
    updateTarget(context.db, actor, target.row.id, submission.value);
    return redirect(`/partnerskabsmaal/${target.row.id}?aendret=1`);
  } catch (e) {
    return formReply(request, submission, e);
  }
}

export default function EditPartnershipTargetPage() {
  const { csrf, id, editable, closed, definition, challenges, indicators } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t("partnership.title"), to: "/partnerskabsmaal" },
          { label: definition.title, to: `/partnerskabsmaal/${id}` },
          { label: t("editTarget.title") },
        ]}
      />
      <h1>{t("editTarget.heading", { title: definition.title })}</h1>
      {editable ? (
        <TargetForm
          id="ret-partnerskabsmaal"
          lastResult={lastResult}
          csrf={csrf}
          defaultValue={formValuesOf(definition)}
          owners={null}
          challenges={challenges}
          indicators={indicators}
          editing
          submitLabel={t("editTarget.submit")}
          errorHeading={t("editTarget.errors")}
        />
      ) : (
        <Alert variant="info" heading={closed ? t("editTarget.closedHeading") : t("partnership.lockedHeading")}>
          <p>{closed ? t("editTarget.closedText") : t("partnership.lockedText")}</p>
        </Alert>
      )}
    </>
  );
}
