import { pageTitle } from "~/i18n/meta";
import { requestLocale } from "~/http/edge.server";
import { getFormProps, useForm } from "@conform-to/react";
import { DomainError } from "~/domain/errors";
import { formReply } from "~/http/edge.server";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { dropEmptyMilestoneRows, formValuesOf, OwnerFields, TargetForm } from "~/components/TargetForm";
import { Alert } from "~/components/ui/Alert";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { CsrfInput } from "~/components/ui/FormField";
import { requireActor, requireCsrf, requirePermission } from "~/data/auth.server";
import { targetFormChoices } from "~/data/catalogue.server";
import { requireMunicipality } from "~/data/params.server";
import {
  definitionLocked,
  ownerCandidates,
  ownersSchema,
  setTargetOwners,
  targetDefinitionOf,
  targetFormProblems,
  targetInputSchema,
  updateTarget,
} from "~/data/targets.server";
import { useT, useMessage } from "~/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageTitle(matches, (t) => (data ? t("titles.targetEdit", { title: data.definition.title }) : null)),
];

async function guard(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const actor = await requireActor(context.db, request);
  const municipality = requireMunicipality(context.db, params.kode);
  requirePermission(actor, { kind: "write-targets", municipality: municipality.code });
  const id = z.coerce.number().int().positive().safeParse(params.id);
  const target = id.success ? targetDefinitionOf(context.db, id.data) : undefined;
  if (!target || target.row.municipalityCode !== municipality.code) throw new DomainError("not_found", "targetErrors.notFound");
  return { actor, municipality, target, ownersOnly: definitionLocked(context.db, target.row) === "adopted" };
}

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const { actor, municipality, target, ownersOnly } = await guard(request, context, params);
  return {
    municipality,
    csrf: actor.csrfToken,
    id: target.row.id,
    active: target.row.state === "aktiv",
    ownersOnly,
    definition: target.definition,
    currentOwners: { schoolOwnerId: target.row.schoolOwnerId, socialOwnerId: target.row.socialOwnerId },
    owners: ownerCandidates(context.db, municipality.code),
    ...targetFormChoices(context.db, requestLocale(request)),
  };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const { actor, municipality, target, ownersOnly } = await guard(request, context, params);
  const formData = await request.formData();
  requireCsrf(actor, formData);
  dropEmptyMilestoneRows(formData);
  const submission = parseWithZod(formData, { schema: ownersOnly ? ownersSchema : targetInputSchema });
  // every error in one round: the data's checks beside the schema's
  const problems = ownersOnly ? {} : targetFormProblems(context.db, municipality.code, formData);
  const extra = Object.fromEntries(
    Object.entries(problems).filter(([field]) => submission.status === "success" || !submission.error?.[field]),
  );
  if (submission.status !== "success" || Object.keys(extra).length) return submission.reply({ fieldErrors: extra });
  try {
    if (ownersOnly) setTargetOwners(context.db, actor, target.row.id, submission.value as z.output<typeof ownersSchema>);
    else updateTarget(context.db, actor, target.row.id, submission.value as z.output<typeof targetInputSchema>);
    return redirect(`/kommuner/${municipality.code}/maal/${target.row.id}?aendret=1`);
  } catch (e) {
    return formReply(request, submission, e);
  }
}

export default function EditTargetPage() {
  const { municipality, csrf, id, active, ownersOnly, definition, currentOwners, owners, challenges, indicators } =
    useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const defaults = formValuesOf(definition, currentOwners);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: municipality.name, to: `/kommuner/${municipality.code}` },
          { label: t("nav.targets"), to: `/kommuner/${municipality.code}/maal` },
          { label: definition.title, to: `/kommuner/${municipality.code}/maal/${id}` },
          { label: t("editTarget.title") },
        ]}
      />
      <h1>{t("editTarget.heading", { title: definition.title })}</h1>
      {!active ? (
        <Alert variant="info" heading={t("editTarget.closedHeading")}>
          <p>{t("editTarget.closedText")}</p>
        </Alert>
      ) : ownersOnly ? (
        <OwnersForm csrf={csrf} lastResult={lastResult} defaults={defaults} owners={owners} />
      ) : (
        <>
          <p className="lead">{t("editTarget.intro")}</p>
          <TargetForm
            id="ret-maal"
            lastResult={lastResult}
            csrf={csrf}
            defaultValue={defaults}
            owners={owners}
            challenges={challenges}
            indicators={indicators}
            editing
            submitLabel={t("editTarget.submit")}
            errorHeading={t("editTarget.errors")}
            baselineFrom={municipality.code}
          />
        </>
      )}
    </>
  );
}

/** An adopted target follows the partnership's aim; its owners are the municipality's own choice. */
function OwnersForm({
  csrf,
  lastResult,
  defaults,
  owners,
}: {
  csrf: string | null;
  lastResult: ReturnType<typeof useActionData<typeof action>>;
  defaults: { schoolOwnerId?: string; socialOwnerId?: string };
  owners: { school: { id: number; name: string }[]; social: { id: number; name: string }[] };
}) {
  const t = useT();
  const message = useMessage();
  const [form, fields] = useForm({
    id: "ret-ansvarlige",
    lastResult,
    defaultValue: { schoolOwnerId: defaults.schoolOwnerId, socialOwnerId: defaults.socialOwnerId },
  });
  return (
    <>
      <p className="lead">{t("editTarget.ownersOnly")}</p>
      {form.errors?.length ? (
        <Alert variant="error" heading={t("editTarget.errors")} role="alert">
          <p>{message(form.errors[0])}</p>
        </Alert>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput token={csrf} />
        <OwnerFields fields={fields} owners={owners} />
        <button type="submit" className="button button-primary">
          {t("editTarget.submit")}
        </button>
      </Form>
    </>
  );
}
