import { pageTitle } from "~/i18n/meta";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor, requirePermission } from "~/data/auth.server";
import { requireMunicipality } from "~/data/params.server";
import { listReports } from "~/data/reports.server";
import { currentQuarter } from "~/data/targets.server";
import { can } from "~/domain/access";
import { previousQuarter } from "~/domain/reports/report";

import { useT, useFormat } from "~/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageTitle(matches, (t) => (data ? t("titles.reports", { name: data.municipality.name }) : null)),
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  const municipality = requireMunicipality(context.db, params.kode);
  requirePermission(actor, { kind: "read-reports", municipality: municipality.code });
  const quarter = currentQuarter(context.db);
  const mayDraft = can(actor, { kind: "write-targets", municipality: municipality.code });
  return {
    municipality,
    reports: listReports(context.db, municipality.code),
    // directors and the secretariat prepare the report of the quarter that has just ended and the current one
    drafts: mayDraft ? [previousQuarter(quarter), quarter].filter((q): q is string => q !== null) : [],
  };
}

export default function ReportsPage() {
  const f = useFormat();
  const { municipality, reports, drafts } = useLoaderData<typeof loader>();
  const t = useT();
  const base = `/kommuner/${municipality.code}/rapporter`;
  return (
    <>
      <h1>{t("report.listTitle", { name: municipality.name })}</h1>
      <p className="lead">{t("report.listIntro")}</p>
      {drafts.length > 0 ? (
        <section aria-labelledby="udkast" className="my-tasks">
          <h2 id="udkast" className="h3">
            {t("report.draftsTitle")}
          </h2>
          <ul>
            {drafts.map((q) => (
              <li key={q}>
                <Link to={`${base}/${q}?udkast=1`}>{t("report.draftFor", { quarter: f.quarter(q) })}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>{t("report.publishedTitle")}</h2>
      {reports.length === 0 ? (
        <p>{t("report.nonePublished")}</p>
      ) : (
        <table className="table">
          <caption>{t("report.listCaption", { name: municipality.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("report.quarter")}</th>
              <th scope="col">{t("report.published")}</th>
              <th scope="col">{t("report.versions")}</th>
              <th scope="col">{t("report.pdf")}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.quarter}>
                <th scope="row">
                  <Link to={`${base}/${r.quarter}`}>{t("report.linkText", { quarter: f.quarter(r.quarter) })}</Link>
                </th>
                <td>{f.date(r.versions[0].publishedAt)}</td>
                <td>
                  {t("report.versionN", { version: r.versions[0].version })}
                  {r.versions.length > 1 ? (
                    <ul className="unstyled-list muted">
                      {r.versions.slice(1).map((v) => (
                        <li key={v.version}>
                          <Link to={`${base}/${r.quarter}?version=${v.version}`}>
                            {t("report.olderVersion", { version: v.version, date: f.date(v.publishedAt) })}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td>
                  <a href={`${base}/${r.quarter}/pdf`}>{t("report.downloadPdf")}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
