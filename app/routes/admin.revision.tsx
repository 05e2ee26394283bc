import { pageTitle } from "~/i18n/meta";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { AUDIT_PAGE_SIZE, listAudit } from "~/data/audit.server";
import { requireActor, requirePermission } from "~/data/auth.server";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, (t) => t("titles.audit"))];

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const filterSchema = z.object({
  handling: z.string().max(80).optional().catch(undefined),
  bruger: z.string().max(120).optional().catch(undefined),
  fra: date,
  til: date,
  side: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  requirePermission(actor, { kind: "read-audit" });
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const f = filterSchema.parse(params);
  const result = listAudit(context.db, { action: f.handling, actor: f.bruger, from: f.fra, to: f.til, page: f.side });
  return { ...result, page: f.side, pageSize: AUDIT_PAGE_SIZE, filter: f };
}

function describeChange(before: unknown, after: unknown): string {
  if (before == null && after == null) return "";
  const show = (v: unknown) => (v == null ? "–" : JSON.stringify(v));
  return `${show(before)} → ${show(after)}`;
}

export default function AuditPage() {
  const { rows, total, actions, page, pageSize, filter } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const pageHref = (p: number) => {
    const next = new URLSearchParams(searchParams);
    next.set("side", String(p));
    return `?${next}`;
  };
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(page * pageSize, total);
  return (
    <>
      <h1>{t("admin.auditTitle")}</h1>
      <p className="lead">{t("admin.auditIntro")}</p>
      <Form method="get" className="audit-filter">
        <div className="form-group">
          <label className="form-label" htmlFor="handling">
            {t("admin.auditAction")}
          </label>
          <select id="handling" name="handling" className="form-select" defaultValue={filter.handling ?? ""}>
            <option value="">{t("admin.auditAllActions")}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="bruger">
            {t("admin.auditActorFilter")}
          </label>
          <input id="bruger" name="bruger" className="form-input" defaultValue={filter.bruger ?? ""} />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="fra">
            {t("admin.auditFrom")}
          </label>
          <input id="fra" name="fra" type="date" className="form-input" defaultValue={filter.fra ?? ""} />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="til">
            {t("admin.auditTo")}
          </label>
          <input id="til" name="til" type="date" className="form-input" defaultValue={filter.til ?? ""} />
        </div>
        <button type="submit" className="button button-secondary">
          {t("admin.auditFilter")}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>{t("admin.auditNone")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
          <table className="table table--compact data-table">
            <caption id="audit-caption">{t("admin.auditCaption", { from, to, total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.auditAt")}</th>
                <th scope="col">{t("admin.auditActor")}</th>
                <th scope="col">{t("admin.auditAction")}</th>
                <th scope="col">{t("admin.auditEntity")}</th>
                <th scope="col">{t("admin.auditChange")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.at.slice(0, 19).replace("T", " ")}</th>
                  <td>{r.actorEmail ?? "–"}</td>
                  <td>{r.action}</td>
                  <td>
                    {r.entity}
                    {r.entityId ? ` ${r.entityId}` : ""}
                    {r.municipalityCode ? ` (${r.municipalityCode})` : ""}
                  </td>
                  <td className="audit-change">{describeChange(r.before, r.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label={t("admin.auditTitle")}>
        {page > 1 ? <Link to={pageHref(page - 1)}>{t("admin.auditPrevious")}</Link> : null}{" "}
        {to < total ? <Link to={pageHref(page + 1)}>{t("admin.auditNext")}</Link> : null}
      </nav>
    </>
  );
}
