/**
 * PDFs of pages, printed by headless Chromium (the browser the tests use) from the page itself,
 * so the PDF is exactly what the browser's own print gives: the same print stylesheet, A4, page
 * numbers and the report's identity on every page.
 *
 * Bounded (ADR 0023): one shared browser per server process, at most two pages printing at once
 * and a few waiting; one more gets DomainError "unavailable" (the route answers 503 with
 * Retry-After). A published report never changes, so its PDF is made once and kept in the
 * database, keyed by the report, its snapshot's SHA-256 and the quarter's newest version (an
 * older version's page says it is replaced); requests that arrive while it is being made wait
 * for that one print.
 */
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { reportPdfs } from "../../db/schema";
import { DomainError } from "../domain/errors";
import { createWorkQueue, QueueFull } from "../domain/work-queue";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
/** Seconds a client is asked to wait when the queue is full. */
export const PDF_RETRY_AFTER_SECONDS = 10;
const PAGE_TIMEOUT_MS = 30_000;

const queue = createWorkQueue({ concurrency: 2, maxWaiting: 6 });
let browser: Promise<Browser> | null = null;
/** An idle browser is closed after a minute: PDFs are rare, and Chromium holds memory. */
const IDLE_CLOSE_MS = 60_000;
let idle: NodeJS.Timeout | undefined;

function closeWhenIdle() {
  clearTimeout(idle);
  idle = setTimeout(() => {
    const { running, waiting } = queue.size;
    if (running + waiting > 0 || !browser) return;
    const closing = browser;
    browser = null;
    void closing.then((b) => b.close()).catch(() => undefined);
  }, IDLE_CLOSE_MS);
  idle.unref();
}

function sharedBrowser(): Promise<Browser> {
  browser ??= (async () => {
    // loaded lazily: only PDFs need the browser driver
    const { chromium } = await import("playwright-core");
    const b = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    b.on("disconnected", () => (browser = null)); // a crashed browser is started again by the next print
    return b;
  })().catch((e: unknown) => {
    browser = null;
    throw e;
  });
  return browser;
}

/** Prints a page of this server (`origin` + `path`, with the requester's cookie) through the shared browser and the queue. */
export async function printToPdf(origin: string, path: string, cookie: string | null): Promise<Buffer> {
  if (!existsSync(CHROMIUM_PATH)) throw new DomainError("unavailable", "hardening.pdfNoBrowser");
  try {
    return await queue.run(async () => {
      const context = await (await sharedBrowser()).newContext({ extraHTTPHeaders: cookie ? { Cookie: cookie } : {}, javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(PAGE_TIMEOUT_MS);
        const response = await page.goto(`${origin}${path}`, { waitUntil: "load" });
        if (!response || response.status() !== 200) throw new DomainError("unavailable", "hardening.pdfFailed");
        await page.evaluate(() => document.fonts.ready);
        return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
      } finally {
        await context.close();
        closeWhenIdle();
      }
    });
  } catch (e) {
    if (e instanceof QueueFull) throw new DomainError("unavailable", "hardening.pdfBusy", { retryAfter: PDF_RETRY_AFTER_SECONDS });
    throw e;
  }
}

const printing = new Map<string, Promise<Buffer>>();

/** A published report's PDF: the kept one, or printed once (however many ask at the same time) and kept. */
export async function publishedReportPdf(
  db: Db,
  report: { id: number; contentHash: string; newestVersion: number },
  print: () => Promise<Buffer>,
): Promise<Buffer> {
  const kept = db
    .select({ pdf: reportPdfs.pdf })
    .from(reportPdfs)
    .where(and(eq(reportPdfs.reportId, report.id), eq(reportPdfs.snapshotHash, report.contentHash), eq(reportPdfs.newestVersion, report.newestVersion)))
    .get();
  if (kept) return kept.pdf;
  const key = `${report.id}:${report.newestVersion}`;
  let pending = printing.get(key);
  if (!pending) {
    pending = print()
      .then((pdf) => {
        // another server process may have kept the same print first: either copy is the same report
        const row = { snapshotHash: report.contentHash, newestVersion: report.newestVersion, pdf, createdAt: new Date().toISOString() };
        db.insert(reportPdfs).values({ reportId: report.id, ...row }).onConflictDoUpdate({ target: reportPdfs.reportId, set: row }).run();
        return pdf;
      })
      .finally(() => printing.delete(key));
    printing.set(key, pending);
  }
  return pending;
}
