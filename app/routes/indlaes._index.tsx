import { pageTitle } from "~/i18n/meta";
import { errorMessage, requestLocale } from "~/http/edge.server";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { MaxPartSizeExceededError, redirect, unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Alert } from "~/components/ui/Alert";
import { CsrfInput } from "~/components/ui/FormField";
import { requireActor, requireCsrf, requirePermission } from "~/data/auth.server";
import { listIndicators } from "~/data/catalogue.server";
import { ImportError, ImportRefused, importLimits, listBatches, previewImport, rollbackBatch } from "~/data/import.server";
import { IMPORT_COLUMNS } from "~/domain/import/rows";

import { getT } from "~/i18n/i18n";
import { indicatorName } from "~/domain/catalogue";
import { useLocale, useT, useFormat, useMessage } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, (t) => t("titles.import"))];

const UPLOAD_DIR = path.join(os.tmpdir(), "faelles-retning-uploads");

async function guard(request: Request, context: LoaderFunctionArgs["context"]) {
  const actor = await requireActor(context.db, request);
  requirePermission(actor, { kind: "load-data" });
  return actor;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await guard(request, context);
  const params = new URL(request.url).searchParams;
  const limits = importLimits();
  const int = (k: string) => (/^\d+$/.test(params.get(k) ?? "") ? Number(params.get(k)) : null);
  return {
    csrf: actor.csrfToken,
    limits: { mb: Math.round(limits.maxBytes / 1024 / 1024), rows: limits.maxRows },
    indicators: listIndicators(context.db).map((i) => ({ code: i.code, nameDa: i.nameDa, nameEn: i.nameEn })),
    batches: listBatches(context.db),
    notice: {
      committed: int("indlaest"),
      unchanged: params.get("uaendret") === "1",
      rolledBack: int("rullet"),
      rollback: int("tilbagerulning"),
      discarded: params.get("kasseret") === "1",
    },
  };
}

const rollbackSchema = z.object({ intent: z.literal("rollback"), batch: z.coerce.number().int().positive() });

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await guard(request, context);
  const t = getT(requestLocale(request));
  const limits = importLimits();
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const form = await request.formData();
    requireCsrf(actor, form);
    const parsed = rollbackSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { error: t("errors.generic") };
    try {
      const id = rollbackBatch(context.db, { userId: actor.id, actor: actor.email }, parsed.data.batch);
      return redirect(`/indlaes?rullet=${parsed.data.batch}&tilbagerulning=${id}`);
    } catch (e) {
      if (e instanceof ImportError) return { error: errorMessage(request, e) };
      throw e;
    }
  }
  // Only the one file part ("fil") goes to disk, and only the csrf field is read; any other part
  // is read past and dropped. Every temporary file is deleted whatever happens: refused, failed,
  // or the upload broken off halfway (the request's signal aborts).
  fs.mkdirSync(UPLOAD_DIR, { recursive: true });
  const temporary: string[] = [];
  const cleanup = () => {
    for (const p of temporary) fs.rmSync(p, { force: true });
  };
  request.signal.addEventListener("abort", cleanup);
  let upload: { path: string; name: string; size: number } | null = null;
  let csrf = "";
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (name === "fil" && filename !== undefined && !upload) {
      const p = path.join(UPLOAD_DIR, `upload-${crypto.randomUUID()}`);
      temporary.push(p);
      const out = fs.createWriteStream(p);
      let size = 0;
      try {
        for await (const chunk of data) {
          size += chunk.length;
          if (size > limits.maxBytes) throw new MaxPartSizeExceededError(name, limits.maxBytes);
          if (!out.write(chunk)) await once(out, "drain");
        }
      } finally {
        out.end();
        await once(out, "close");
      }
      upload = { path: p, name: filename, size };
      return undefined;
    }
    if (name === "csrf" && filename === undefined && !csrf) {
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of data) if ((size += chunk.length) <= 1_000) chunks.push(chunk);
      csrf = Buffer.concat(chunks).toString("utf8");
      return csrf;
    }
    for await (const _ of data); // read past and drop
    return undefined;
  };
  try {
    let form: FormData;
    try {
      form = await unstable_parseMultipartFormData(request, handler);
    } catch (e) {
      if (e instanceof MaxPartSizeExceededError)
        return { error: t("importPage.tooLarge", { mb: Math.round(limits.maxBytes / 1024 / 1024) }), field: "fil" };
      throw e;
    }
    requireCsrf(actor, form);
    const file = upload as { path: string; name: string; size: number } | null;
    if (!file || file.size === 0) return { error: t("importPage.noFile"), field: "fil" };
    // the uploaded bytes never outlive this request: the checked rows are staged, the file goes
    const id = await previewImport(
      context.db,
      { path: file.path, name: path.basename(file.name) },
      { userId: actor.id, actor: actor.email },
      limits,
    );
    return redirect(`/indlaes/${id}`);
  } catch (e) {
    if (e instanceof ImportRefused) return { error: errorMessage(request, e), field: "fil" };
    throw e;
  } finally {
    cleanup();
  }
}

export default function ImportPage() {
  const message = useMessage();
  const f = useFormat();
  const { csrf, limits, indicators, batches, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const fileError = result && "field" in result ? result.error : null;
  return (
    <>
      <h1>{t("importPage.title")}</h1>
      <p className="lead">{t("importPage.intro")}</p>
      {notice.committed ? (
        <Alert variant="success" role="status">
          {t("importPage.committed", {
            id: notice.committed,
            new: batches.find((b) => b.id === notice.committed)?.rowsNew ?? 0,
            changed: batches.find((b) => b.id === notice.committed)?.rowsChanged ?? 0,
          })}
        </Alert>
      ) : null}
      {notice.unchanged ? (
        <Alert variant="info" role="status">
          {t("importPage.unchanged")}
        </Alert>
      ) : null}
      {notice.discarded ? (
        <Alert variant="info" role="status">
          {t("importPage.discarded")}
        </Alert>
      ) : null}
      {notice.rolledBack ? (
        <Alert variant="success" role="status">
          {t("importPage.rolledBackDone", { id: notice.rolledBack, rollback: notice.rollback })}
        </Alert>
      ) : null}
      {result && !("field" in result) ? (
        <Alert variant="error" role="alert">
          {result.error}
        </Alert>
      ) : null}

      <section aria-labelledby="vaelg-fil">
        <h2 id="vaelg-fil">{t("importPage.uploadTitle")}</h2>
        <Form method="post" encType="multipart/form-data" className="import-form">
          <CsrfInput token={csrf} />
          <div className={`form-group ${fileError ? "form-error" : ""}`}>
            <label className="form-label" htmlFor="fil">
              {t("importPage.file")}
            </label>
            <span className="form-hint" id="fil-hint">
              {t("importPage.fileHint", { mb: limits.mb, rows: f.integer(limits.rows) })}
            </span>
            {fileError ? (
              <span className="form-error-message" id="fil-error" role="alert">
                <span className="visually-hidden">Fejl: </span>
                {fileError}
              </span>
            ) : null}
            <input
              id="fil"
              name="fil"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className="form-file-input"
              aria-describedby={`fil-hint${fileError ? " fil-error" : ""}`}
              aria-invalid={fileError ? true : undefined}
            />
          </div>
          <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
            {t("importPage.preview")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="format">
        <h2 id="format">{t("importPage.formatTitle")}</h2>
        <p>{t("importPage.formatIntro")}</p>
        <table className="table table--compact">
          <caption className="visually-hidden">{t("importPage.formatTitle")}</caption>
          <tbody>
            {IMPORT_COLUMNS.map((c) => (
              <tr key={c}>
                <th scope="row">
                  <code>{c}</code>
                </th>
                <td>{t(`importPage.columns.${c}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Alert variant="warning">{t("importPage.personData")}</Alert>
        <details className="details">
          <summary className="details-summary">{t("importPage.templates")}</summary>
          <ul className="details-text">
            {indicators.map((i) => (
              <li key={i.code}>
                {indicatorName(i, locale)} (<code>{i.code}</code>): <a href={`/indlaes/skabelon?indikator=${i.code}&format=csv`}>CSV</a> ·{" "}
                <a href={`/indlaes/skabelon?indikator=${i.code}&format=xlsx`}>XLSX</a>
              </li>
            ))}
          </ul>
        </details>
      </section>

      <section aria-labelledby="historik">
        <h2 id="historik">{t("importPage.historyTitle")}</h2>
        {batches.length === 0 ? (
          <p>{t("importPage.noHistory")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="historik" tabIndex={0}>
            <table className="table table--compact data-table">
              <caption className="visually-hidden">{t("importPage.historyTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("importPage.colBatch")}
                  </th>
                  <th scope="col">{t("importPage.colWhen")}</th>
                  <th scope="col">{t("importPage.colWho")}</th>
                  <th scope="col">{t("importPage.colFile")}</th>
                  <th scope="col" className="num">
                    {t("importPage.colRows")}
                  </th>
                  <th scope="col">{t("importPage.colAction")}</th>
                </tr>
              </thead>
              <tbody>
                {batches.map((b) => (
                  <tr key={b.id}>
                    <td className="num">{b.id}</td>
                    <td>{`${f.date(b.createdAt)} ${new Date(b.createdAt).toLocaleTimeString("da-DK", {
                      timeZone: "Europe/Copenhagen",
                      hour: "2-digit",
                      minute: "2-digit",
                    })}`}</td>
                    <td>{b.actor}</td>
                    <td>{b.kind === "rollback" ? t("importPage.kindRollback", { id: b.rollsBack }) : b.fileName}</td>
                    <td className="num">{`${f.integer(b.rowsNew)} / ${f.integer(b.rowsChanged)} / ${f.integer(b.rowsUnchanged)}`}</td>
                    <td>
                      {b.rolledBackBy ? (
                        t("importPage.rolledBack", { id: b.rolledBackBy })
                      ) : b.blockedBy === null ? (
                        <Form method="post">
                          <CsrfInput token={csrf} />
                          <input type="hidden" name="intent" value="rollback" />
                          <input type="hidden" name="batch" value={b.id} />
                          <button type="submit" className="button button-secondary button-small">
                            {t("importPage.rollback", { id: b.id })}
                          </button>
                        </Form>
                      ) : b.kind === "import" ? (
                        <span className="form-hint">{message(b.blockedBy)}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>
          <Link to="/om-data">{t("nav.aboutData")}</Link>
        </p>
      </section>
    </>
  );
}
