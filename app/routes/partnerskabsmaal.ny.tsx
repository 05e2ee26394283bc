import { pageTitle } from "~/i18n/meta";
import { requestLocale } from "~/http/edge.server";
import { parseWithZod } from "@conform-to/zod/v4";
import { formReply } from "~/http/edge.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { dropEmptyMilestoneRows, TargetForm } from "~/components/TargetForm";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { requireActor, requireCsrf, requirePermission } from "~/data/auth.server";
import { targetFormChoices } from "~/data/catalogue.server";
import { createPartnershipTarget, partnershipTargetSchema } from "~/data/targets.server";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, (t) => t("titles.partnershipTargetNew"))];

async function guard(request: Request, context: LoaderFunctionArgs["context"]) {
  const actor = await requireActor(context.db, request);
  requirePermission(actor, { kind: "set-partnership-targets" });
  return actor;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await guard(request, context);
  return {
    csrf: actor.csrfToken,
    ...targetFormChoices(context.db, requestLocale(request)),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await guard(request, context);
  const formData = await request.formData();
  requireCsrf(actor, formData);
  dropEmptyMilestoneRows(formData);
  const submission = parseWithZod(formData, { schema: partnershipTargetSchema });
  if (submission.status !== "success") return submission.reply();
  try {
    const id = createPartnershipTarget(context.db, actor, submission.value);
    return redirect(`/partnerskabsmaal/${id}`);
  } catch (e) {
    return formReply(request, submission, e);
  }
}

export default function NewPartnershipTargetPage() {
  const { csrf, challenges, indicators } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <Breadcrumbs items={[{ label: t("partnership.title"), to: "/partnerskabsmaal" }, { label: t("partnership.newTitle") }]} />
      <h1>{t("partnership.newTitle")}</h1>
      <p className="lead">{t("partnership.newIntro")}</p>
      <TargetForm
        id="nyt-partnerskabsmaal"
        lastResult={lastResult}
        csrf={csrf}
        defaultValue={{ kind: "kvantitativ" }}
        owners={null}
        challenges={challenges}
        indicators={indicators}
        editing={false}
        submitLabel={t("partnership.submit")}
        errorHeading={t("newTarget.errors")}
      />
    </>
  );
}
