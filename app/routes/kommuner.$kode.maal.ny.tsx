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
import { requireMunicipality } from "~/data/params.server";
import { createTarget, ownerCandidates, targetFormProblems, targetInputSchema } from "~/data/targets.server";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, (t) => t("titles.targetNew"))];

async function guard(request: Request, context: LoaderFunctionArgs["context"], kode: string | undefined) {
  const actor = await requireActor(context.db, request);
  const municipality = requireMunicipality(context.db, kode);
  requirePermission(actor, { kind: "write-targets", municipality: municipality.code });
  return { actor, municipality };
}

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const { actor, municipality } = await guard(request, context, params.kode);
  const owners = ownerCandidates(context.db, municipality.code);
  const mine = (list: { id: number }[]) => String(list.find((o) => o.id === actor.id)?.id ?? list[0]?.id ?? "");
  return {
    municipality,
    csrf: actor.csrfToken,
    owners,
    defaultOwners: { schoolOwnerId: mine(owners.school), socialOwnerId: mine(owners.social) },
    ...targetFormChoices(context.db, requestLocale(request)),
  };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const { actor, municipality } = await guard(request, context, params.kode);
  const formData = await request.formData();
  requireCsrf(actor, formData);
  dropEmptyMilestoneRows(formData);
  const submission = parseWithZod(formData, { schema: targetInputSchema });
  // every error in one round: the data's checks beside the schema's, for the fields the schema let through
  const problems = targetFormProblems(context.db, municipality.code, formData);
  const extra = Object.fromEntries(
    Object.entries(problems).filter(([field]) => submission.status === "success" || !submission.error?.[field]),
  );
  if (submission.status !== "success" || Object.keys(extra).length) return submission.reply({ fieldErrors: extra });
  try {
    const id = createTarget(context.db, actor, municipality.code, submission.value);
    return redirect(`/kommuner/${municipality.code}/maal/${id}`);
  } catch (e) {
    return formReply(request, submission, e);
  }
}

export default function NewTargetPage() {
  const { municipality, csrf, owners, defaultOwners, challenges, indicators } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <Breadcrumbs
        items={[
          { label: municipality.name, to: `/kommuner/${municipality.code}` },
          { label: t("nav.targets"), to: `/kommuner/${municipality.code}/maal` },
          { label: t("newTarget.title") },
        ]}
      />
      <h1>{t("newTarget.title")}</h1>
      <p className="lead">{t("newTarget.intro")}</p>
      <TargetForm
        id="nyt-maal"
        lastResult={lastResult}
        csrf={csrf}
        defaultValue={{ kind: "kvantitativ", ...defaultOwners }}
        owners={owners}
        challenges={challenges}
        indicators={indicators}
        editing={false}
        submitLabel={t("newTarget.submit")}
        errorHeading={t("newTarget.errors")}
        baselineFrom={municipality.code}
      />
    </>
  );
}
