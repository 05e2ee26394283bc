import { pageTitle } from "~/i18n/meta";
import { getT } from "~/i18n/i18n";
import { errorMessage, requestLocale } from "~/http/edge.server";
import { targetGroupShortKey } from "~/i18n/keys";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Alert } from "~/components/ui/Alert";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { CsrfInput } from "~/components/ui/FormField";
import { requireActor, requireCsrf, requirePermission } from "~/data/auth.server";
import { listIndicators, listMunicipalities } from "~/data/catalogue.server";
import {
  commitImport,
  discardPreview,
  findPreview,
  ImportError,
  previewChanges,
  previewErrors,
  type PreviewChange,
} from "~/data/import.server";
import { indicatorName, measureOf, type IndicatorDef, type Unit } from "~/domain/catalogue";
import { WITHHELD_MARK, type Formatter } from "~/domain/format";
import type { TFunction } from "i18next";
import { useLocale, useT, useFormat, useMessage } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, (t) => t("titles.importPreview"))];

const SHOWN = 200;

async function guard(request: Request, context: LoaderFunctionArgs["context"]) {
  const actor = await requireActor(context.db, request);
  requirePermission(actor, { kind: "load-data" });
  return actor;
}

function requirePreview(context: LoaderFunctionArgs["context"], id: string | undefined) {
  const preview = id ? findPreview(context.db, id) : undefined;
  if (!preview) throw new DomainError("not_found", "routeErrors.previewGone");
  return preview;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await guard(request, context);
  const preview = requirePreview(context, params.id);
  const indicators = new Map(listIndicators(context.db).map((i) => [i.code, i]));
  const names = new Map(listMunicipalities(context.db).map((m) => [m.code, m.name]));
  return {
    csrf: actor.csrfToken,
    preview,
    errors: previewErrors(context.db, preview.id, SHOWN),
    changes: previewChanges(context.db, preview.id, SHOWN).map((c) => {
      const { nameDa, nameEn, unit } = indicators.get(c.indicatorCode)!;
      return { ...c, indicator: { nameDa, nameEn }, unit, municipalityName: names.get(c.municipalityCode) ?? c.municipalityCode };
    }),
  };
}

const intentSchema = z.object({ intent: z.enum(["commit", "discard"]) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await guard(request, context);
  const form = await request.formData();
  requireCsrf(actor, form);
  const preview = requirePreview(context, params.id);
  const parsed = intentSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: getT(requestLocale(request))("routeErrors.unknownIntent") };
  if (parsed.data.intent === "discard") {
    discardPreview(context.db, preview.id);
    return redirect("/indlaes?kasseret=1");
  }
  try {
    const batch = commitImport(context.db, { userId: actor.id, actor: actor.email }, preview.id);
    return redirect(batch === null ? "/indlaes?uaendret=1" : `/indlaes?indlaest=${batch}`);
  } catch (e) {
    if (e instanceof ImportError) return { error: errorMessage(request, e) };
    throw e;
  }
}

/** Raw figures as a person reads them: `58,3 % (7 af 12)`, `14`, `15.200 kr. (6.970 børn)`. */
function figureText(
  fmt: Formatter,
  t: TFunction,
  unit: Unit,
  f: { numerator: number | null; denominator: number | null; value: number | null },
): string {
  switch (measureOf(unit)) {
    case "rate":
      return f.numerator !== null && f.denominator
        ? t("importPreview.rate", {
            value: fmt.valuePrecise((100 * f.numerator) / f.denominator, unit),
            numerator: fmt.integer(f.numerator),
            denominator: fmt.integer(f.denominator),
          })
        : "–";
    case "count":
      return f.numerator === null ? "–" : fmt.integer(f.numerator);
    case "mean":
      return f.value === null
        ? "–"
        : t("importPreview.mean", { value: fmt.valuePrecise(f.value, unit), n: fmt.integer(f.denominator ?? 0) });
  }
}

export default function ImportPreviewPage() {
  const message = useMessage();
  const f = useFormat();
  const { csrf, preview, errors, changes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const canCommit = preview.errorCount === 0 && preview.rowsNew + preview.rowsChanged > 0;
  return (
    <>
      <Breadcrumbs items={[{ label: t("importPage.title"), to: "/indlaes" }, { label: preview.fileName }]} />
      <h1>{t("importPage.previewTitle", { file: preview.fileName })}</h1>
      <p className="lead">
        {t("importPage.summary", {
          count: preview.rowsRead,
          read: f.integer(preview.rowsRead),
          new: f.integer(preview.rowsNew),
          changed: f.integer(preview.rowsChanged),
          unchanged: f.integer(preview.rowsUnchanged),
        })}
      </p>
      {result?.error ? (
        <Alert variant="error" role="alert">
          {result.error}
        </Alert>
      ) : null}

      {preview.errorCount > 0 ? (
        <section aria-labelledby="fejl">
          <Alert variant="error" heading={t("importPage.errorsTitle", { count: preview.errorCount })}>
            {t("importPage.errorsIntro")}
          </Alert>
          <h2 id="fejl" className="h3">
            {t("importPage.errorsTitle", { count: preview.errorCount })}
          </h2>
          {preview.errorCount > errors.length ? (
            <p>{t("importPage.errorsShown", { shown: errors.length, count: f.integer(preview.errorCount) })}</p>
          ) : null}
          <p>
            <a href={`/indlaes/${preview.id}/fejl`}>{t("importPage.downloadErrors")}</a>
          </p>
          <div className="table-scroll" role="region" aria-labelledby="fejl" tabIndex={0}>
            <table className="table table--compact data-table import-errors">
              <caption className="visually-hidden">{t("importPage.errorsTitle", { count: preview.errorCount })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("importPage.colRow")}
                  </th>
                  <th scope="col">{t("importPage.colColumn")}</th>
                  <th scope="col">{t("importPage.colMessage")}</th>
                </tr>
              </thead>
              <tbody>
                {errors.map((e, i) => (
                  <tr key={`${e.rowNo}-${i}`}>
                    <td className="num">{e.rowNo}</td>
                    <td>{e.column}</td>
                    <td>{t("importErrors.row", { row: e.rowNo, message: message(e.message) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {changes.length > 0 ? (
        <section aria-labelledby="aendringer">
          <h2 id="aendringer" className="h3">
            {t("importPage.changesTitle")}
          </h2>
          {preview.rowsNew + preview.rowsChanged > changes.length ? <p>{t("importPage.changesShown", { shown: changes.length })}</p> : null}
          <div className="table-scroll" role="region" aria-labelledby="aendringer" tabIndex={0}>
            <table className="table table--compact data-table">
              <caption className="visually-hidden">{t("importPage.changesTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("importPage.colRow")}
                  </th>
                  <th scope="col">{t("importPage.colIndicator")}</th>
                  <th scope="col">{t("importPage.colMunicipality")}</th>
                  <th scope="col">{t("importPage.colPeriod")}</th>
                  <th scope="col">{t("importPage.colGroup")}</th>
                  <th scope="col" className="num">
                    {t("importPage.colOld")}
                  </th>
                  <th scope="col" className="num">
                    {t("importPage.colNew")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <ChangeRow key={c.rowNo} change={c} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : preview.errorCount === 0 ? (
        <p>{t("importPage.noChanges")}</p>
      ) : null}

      <div className="button-row">
        <Form method="post">
          <CsrfInput token={csrf} />
          <input type="hidden" name="intent" value="commit" />
          <button type="submit" className="button button-primary" disabled={!canCommit}>
            {canCommit
              ? t("importPage.commit", { new: f.integer(preview.rowsNew), changed: f.integer(preview.rowsChanged) })
              : t("importPage.commitNothing")}
          </button>
        </Form>
        <Form method="post">
          <CsrfInput token={csrf} />
          <input type="hidden" name="intent" value="discard" />
          <button type="submit" className="button button-secondary">
            {t("importPage.discard")}
          </button>
        </Form>
      </div>
      <p>
        <Link to="/indlaes">{t("importPage.back")}</Link>
      </p>
    </>
  );
}

function ChangeRow({
  change: c,
}: {
  change: PreviewChange & { indicator: Pick<IndicatorDef, "nameDa" | "nameEn">; unit: Unit; municipalityName: string };
}) {
  const locale = useLocale();
  const t = useT();
  const f = useFormat();
  return (
    <tr>
      <td className="num">{c.rowNo}</td>
      <td>{indicatorName(c.indicator, locale)}</td>
      <td>{`${c.municipalityName} (${c.municipalityCode})`}</td>
      <td>{c.period}</td>
      <td>
        {t(targetGroupShortKey(c.targetGroup))}
        {c.breakdown ? `, ${c.breakdown}` : ""}
      </td>
      <td className="num">{c.old === null ? t("importPage.isNew") : c.old.withheld ? WITHHELD_MARK : figureText(f, t, c.unit, c.old)}</td>
      <td className="num">{figureText(f, t, c.unit, c.new)}</td>
    </tr>
  );
}
