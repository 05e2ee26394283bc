import { pageTitle } from "~/i18n/meta";
import { parseWithZod } from "@conform-to/zod/v4";
import { formReply } from "~/http/edge.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { lazy, Suspense } from "react";
import { z } from "zod";
import { ReportView } from "~/components/ReportView";
import { Alert } from "~/components/ui/Alert";
import { requireActor, requireCsrf, requirePermission } from "~/data/auth.server";
import { requireMunicipality } from "~/data/params.server";
import {
  approvalsFor,
  buildSnapshot,
  findReport,
  hashSnapshot,
  draftAllowed,
  newestVersion,
  publishOrApprove,
  quarterParam,
} from "~/data/reports.server";
import { currentQuarter } from "~/data/targets.server";
import { publishSchema } from "~/domain/reports/schema";
import { can } from "~/domain/access";
import { periodKeyOf } from "~/domain/periods";
import { previousQuarter, summarise } from "~/domain/reports/report";
import { DomainError } from "~/domain/errors";
import { useFormat, useT } from "~/i18n/react";
import { formatterFor } from "~/domain/format";

// Only a draft has the publishing form; its form code (conform) loads with it, not with every published report.
const PublishPanel = lazy(() => import("~/components/PublishPanel"));

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageTitle(matches, (t, locale) =>
    data
      ? t(data.mode === "draft" ? "titles.reportDraft" : "titles.report", {
          quarter: formatterFor(locale).quarter(data.snapshot.quarter),
          name: data.snapshot.municipality.name,
        })
      : null,
  ),
];

async function guard(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const actor = await requireActor(context.db, request);
  const municipality = requireMunicipality(context.db, params.kode);
  requirePermission(actor, { kind: "read-reports", municipality: municipality.code });
  const quarter = quarterParam.safeParse(params.kvartal);
  if (!quarter.success) throw new DomainError("not_found", "routeErrors.notAQuarter", { value: params.kvartal ?? "" });
  return { actor, municipality, quarter: quarter.data, mayDraft: can(actor, { kind: "write-targets", municipality: municipality.code }) };
}

const versionParam = z.coerce.number().int().positive().optional();

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const { actor, municipality, quarter, mayDraft } = await guard(request, context, params);
  const url = new URL(request.url);
  const version = versionParam.safeParse(url.searchParams.get("version") ?? undefined);
  if (!version.success) throw new DomainError("not_found", "routeErrors.noVersion");
  const published = findReport(context.db, municipality.code, quarter, version.data);
  if (version.data && !published) throw new DomainError("not_found", "routeErrors.noSuchVersion", { quarter, version: version.data });
  const newest = newestVersion(context.db, municipality.code, quarter);
  const wantDraft = url.searchParams.has("udkast") || !published;
  if (wantDraft) {
    // a council member reads published reports only; the draft belongs to the directors
    if (!mayDraft)
      throw published
        ? new DomainError("forbidden", "routeErrors.draftForbidden")
        : new DomainError("not_found", "routeErrors.noReport", { quarter });
    if (periodKeyOf(quarter) > periodKeyOf(currentQuarter(context.db)))
      throw new DomainError("not_found", "routeErrors.quarterNotBegun", { quarter });
    if (!draftAllowed(context.db, municipality.code, quarter))
      throw new DomainError("not_found", "trust.report.outsideWindow", { quarter });
    const snapshot = buildSnapshot(context.db, municipality.code, quarter);
    const contentHash = hashSnapshot(snapshot);
    return {
      mode: "draft" as const,
      snapshot,
      summary: summarise(snapshot),
      identity: { version: null, publishedAt: null, contentHash, reason: null, listsMissing: false, superseded: false },
      previousQuarter: previousQuarter(quarter),
      newest,
      approvals: approvalsFor(context.db, municipality.code, quarter).map((a) => ({
        side: a.side,
        at: a.at,
        current: a.contentHash === contentHash,
      })),
      role: actor.role,
      csrf: actor.csrfToken,
    };
  }
  const report = published!;
  return {
    mode: "published" as const,
    snapshot: report.snapshot,
    summary: summarise(report.snapshot),
    identity: {
      version: report.version,
      publishedAt: report.publishedAt,
      contentHash: report.contentHash,
      reason: report.reason,
      listsMissing: report.listsMissing,
      superseded: report.version < newest,
    },
    previousQuarter: previousQuarter(quarter),
    newest,
    approvals: [],
    role: actor.role,
    csrf: actor.csrfToken,
    mayDraft,
    justPublished: url.searchParams.get("udgivet") === String(report.version),
  };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const { actor, municipality, quarter } = await guard(request, context, params);
  // publishing is for the municipality's directors and the secretariat
  requirePermission(actor, { kind: "write-targets", municipality: municipality.code });
  const formData = await request.formData();
  requireCsrf(actor, formData);
  const submission = parseWithZod(formData, { schema: publishSchema });
  if (submission.status !== "success") return { result: submission.reply(), approvedBy: null };
  try {
    const { published, approvedBy } = publishOrApprove(context.db, actor, municipality.code, quarter, submission.value);
    if (published) return redirect(`/kommuner/${municipality.code}/rapporter/${quarter}?udgivet=${published.version}`);
    return { result: submission.reply(), approvedBy };
  } catch (e) {
    return { result: formReply(request, submission, e), approvedBy: null };
    throw e;
  }
}

export default function ReportPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const f = useFormat();
  const base = `/kommuner/${data.snapshot.municipality.code}/rapporter`;
  const { quarter } = data.snapshot;
  return (
    <>
      <nav className="report-tools no-print" aria-label={t("report.tools")}>
        <Link to={base}>{t("report.allReports")}</Link>
        {data.mode === "published" ? (
          <>
            {" · "}
            <a href={`${base}/${quarter}/pdf${data.identity.superseded ? `?version=${data.identity.version}` : ""}`}>
              {t("report.downloadPdf")}
            </a>
            {" · "}
            <span className="muted">{t("report.printHint")}</span>
            {data.mayDraft ? (
              <>
                {" · "}
                <Link to={`${base}/${quarter}?udkast=1`}>{t("report.correct")}</Link>
              </>
            ) : null}
          </>
        ) : null}
      </nav>
      {data.mode === "published" && data.justPublished ? (
        <Alert variant="success" heading={t("report.justPublished")} role="status" className="no-print">
          <p>{t("report.justPublishedText", { version: data.identity.version })}</p>
        </Alert>
      ) : null}
      {data.mode === "published" && data.identity.superseded ? (
        <Alert variant="warning" heading={t("report.supersededHeading")}>
          <p>
            {t("report.supersededText", { version: data.identity.version, newest: data.newest })}{" "}
            <Link to={`${base}/${quarter}`}>{t("report.seeNewest")}</Link>
          </p>
        </Alert>
      ) : null}
      {data.mode === "draft" ? (
        <Suspense fallback={null}>
          <PublishPanel
            quarter={f.quarter(quarter)}
            newest={data.newest}
            role={data.role}
            csrf={data.csrf}
            contentHash={data.identity.contentHash}
            missing={data.summary.missing.length}
            approvals={data.approvals}
            actionData={actionData}
          />
        </Suspense>
      ) : null}
      <ReportView snapshot={data.snapshot} summary={data.summary} identity={data.identity} previousQuarter={data.previousQuarter} />
    </>
  );
}
