/**
 * Loading indicator data (indlæs): read and check a file into a preview, commit it as one batch
 * in one transaction, and roll a batch back. A file is read as a stream and its checked rows are
 * staged in the database, so memory stays flat for a large file. A file with person-level data is
 * refused and nothing of it is kept.
 *
 * This module writes observations, and reads their current raw figures to show what a file would
 * change; a withheld old value is shown as withheld (see previewChanges).
 */
import type { TFunction } from "i18next";
import { DomainError, messageKey, type ErrorParams } from "../domain/errors";
import { translateMessage } from "../i18n/i18n";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { Parser } from "csv-parse";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { Db } from "../../db/connection";
import { cprInFileName, cprInText } from "../domain/import/cpr";
import { safeCell } from "../domain/spreadsheet";
import { mapHeader, validateRow, IMPORT_COLUMNS, type ImportCatalogue, type ImportColumn, type Issue } from "../domain/import/rows";
import { unionIssues, UNION_GROUPS, type UnionGroup } from "../domain/import/union";
import { measureOf, type Unit } from "../domain/catalogue";
import { audit } from "./audit.server";
import { listIndicators, listMunicipalities, setMeta } from "./catalogue.server";
import { recomputeDisclosure, type TableRef } from "./disclosure.server";

export type ImportLimits = { maxBytes: number; maxRows: number };

/** `IMPORT_MAX_BYTES` (default 20 MB) and `IMPORT_MAX_ROWS` (default 500,000). */
export function importLimits(): ImportLimits {
  const num = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);
  return { maxBytes: num(process.env.IMPORT_MAX_BYTES, 20 * 1024 * 1024), maxRows: num(process.env.IMPORT_MAX_ROWS, 500_000) };
}

/** The whole file is refused: nothing is staged, nothing is kept. */
export class ImportRefused extends DomainError {
  constructor(key: string, params: ErrorParams = {}) {
    super("invalid", key, params, "fil");
  }
}
/** A commit or rollback that cannot be done, and why. */
export class ImportError extends DomainError {
  constructor(key: string, params: ErrorParams = {}) {
    super("conflict", key, params);
  }
}

export type Who = { userId: number | null; actor: string };

const MAX_STORED_ERRORS = 10_000;
/** A preview nobody loaded or discarded within a day is removed with its staged rows. */
const PREVIEW_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Joins observations `o` to the staged or logged rows `p` of the same cell (the columns of observations_cell_uq). */
const SAME_CELL =
  "o.indicator_code = p.indicator_code and o.municipality_code = p.municipality_code and o.target_group = p.target_group and o.breakdown = p.breakdown and o.period = p.period";
/** True where observation `o` already holds the figures of `p`; a missing one does not. */
const SAME_FIGURES = "o.id is not null and o.numerator is p.numerator and o.denominator is p.denominator and o.value is p.value";
const CHUNK = 2_000;

export function importCatalogue(db: Db): ImportCatalogue {
  return {
    indicators: new Map(listIndicators(db).map((i) => [i.code, { unit: i.unit, cadence: i.cadence, targetGroups: i.targetGroups, breakdowns: i.breakdowns }])),
    municipalities: listMunicipalities(db).map((m) => ({ code: m.code, name: m.name })),
  };
}

/** One pass over the bytes: the hash, and whether the file is UTF-8 text, an XLSX (zip) or neither. */
async function inspect(path: string): Promise<{ hash: string; kind: "xlsx" | "csv"; bytes: number }> {
  const hash = createHash("sha256");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let first: Buffer | null = null;
  let utf8 = true;
  let nul = false;
  let bytes = 0;
  for await (const chunk of fs.createReadStream(path)) {
    const b = chunk as Buffer;
    first ??= b;
    bytes += b.length;
    hash.update(b);
    if (utf8) {
      try {
        decoder.decode(b, { stream: true });
      } catch {
        utf8 = false;
      }
    }
    if (!nul && b.includes(0)) nul = true;
  }
  if (utf8) {
    try {
      decoder.decode();
    } catch {
      utf8 = false;
    }
  }
  const zip = first !== null && first.length >= 4 && first.readUInt32LE(0) === 0x04034b50;
  if (bytes === 0) throw new ImportRefused("importErrors.empty");
  if (zip) return { hash: hash.digest("hex"), kind: "xlsx", bytes };
  if (nul) throw new ImportRefused("importErrors.notCsvOrXlsx");
  if (!utf8)
    throw new ImportRefused("importErrors.notUtf8");
  return { hash: hash.digest("hex"), kind: "csv", bytes };
}

/** Semicolon, comma or tab: the one that occurs most in the first line outside quotes. */
async function detectDelimiter(path: string): Promise<string> {
  const head = await new Promise<string>((resolve, reject) => {
    let text = "";
    const s = fs.createReadStream(path, { encoding: "utf8", start: 0, end: 65_535 });
    s.on("data", (c) => (text += c));
    s.on("end", () => resolve(text));
    s.on("error", reject);
  });
  const line = head.split(/\r?\n/)[0].replace(/"[^"]*"/g, "");
  const counts = [";", ",", "\t"].map((d) => [d, line.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][1] > 0 ? counts[0][0] : ";";
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: string };
    if (o.richText) return o.richText.map((r) => r.text).join("");
    if ("result" in o) return cellText(o.result);
    if (typeof o.text === "string") return o.text;
  }
  return String(v);
}

/**
 * csv-parse's records with the line each ends on. Its `info` option gives the same number but
 * copies the parser's whole state per record, which took a third of the parsing time.
 */
class NumberedRecords extends Parser {
  push(record: unknown): boolean {
    // the parser calls push the moment a record ends, so `info.lines` is that record's last line
    return super.push(record === null ? null : { rowNo: this.info.lines, cells: record });
  }
}

/** The file's records as arrays of strings, header first, with their 1-based row numbers. */
async function* records(path: string, kind: "csv" | "xlsx"): AsyncGenerator<{ rowNo: number; cells: string[] }> {
  if (kind === "csv") {
    const parser = fs
      .createReadStream(path)
      .pipe(new NumberedRecords({ delimiter: await detectDelimiter(path), bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
    try {
      yield* parser as AsyncIterable<{ rowNo: number; cells: string[] }>;
    } catch (e) {
      const line = (e as { lines?: number }).lines;
      throw new ImportRefused(line ? "importErrors.csvUnreadableAt" : "importErrors.csvUnreadable", line ? { line } : {});
    }
    return;
  }
  let reader: AsyncIterable<AsyncIterable<{ number: number; values: unknown[] }>>;
  try {
    reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      worksheets: "emit",
      sharedStrings: "cache",
      hyperlinks: "ignore",
      styles: "ignore",
      entries: "ignore",
    }) as never;
    for await (const sheet of reader) {
      for await (const row of sheet) {
        // exceljs gives a row with an empty cell as a sparse array; Array.from fills the holes
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        yield { rowNo: row.number, cells: Array.from(values, (v) => cellText(v).trim()) };
      }
      break; // the first sheet only
    }
  } catch (e) {
    if (e instanceof ImportRefused) throw e;
    throw new ImportRefused("importErrors.xlsxUnreadable");
  }
}

function purge(db: Db, previewNo: number) {
  db.$client.transaction(() => {
    for (const t of ["import_preview_rows", "import_preview_errors"]) db.$client.prepare(`delete from ${t} where preview_no = ?`).run(previewNo);
    db.$client.prepare("delete from import_previews where no = ?").run(previewNo);
  })();
}

/**
 * Reads and checks a file; writes nothing but the staged preview. Returns the preview's id.
 * Throws ImportRefused (and keeps nothing) for an unreadable file, person-level data or a limit.
 */
export async function previewImport(db: Db, file: { path: string; name: string }, who: Who, limits = importLimits()): Promise<string> {
  const stat = fs.statSync(file.path);
  if (stat.size > limits.maxBytes) throw new ImportRefused("importErrors.tooLarge", { mb: Math.round(limits.maxBytes / 1024 / 1024) });
  const { hash, kind } = await inspect(file.path);
  // a name like elev-020290-4321.csv is never stored: the preview, the batch and the audit trail get a neutral one
  const fileName = cprInFileName(file.name) ? `fil-${hash.slice(0, 12)}.${kind}` : file.name.slice(0, 200);
  const cat = importCatalogue(db);
  const id = randomBytes(18).toString("base64url");
  const c = db.$client;
  discardStalePreviews(db);
  const no = Number(
    c
      .prepare(
        "insert into import_previews (id, user_id, file_name, content_hash, created_at, rows_read, rows_new, rows_changed, rows_unchanged, error_count) values (?, ?, ?, ?, ?, 0, 0, 0, 0, 0)"
      )
      .run(id, who.userId, fileName, hash, new Date().toISOString()).lastInsertRowid
  );
  // repeated observations and the change each row makes are found set-based once every row is staged
  const insertRow = c.prepare(
    "insert into import_preview_rows (preview_no, row_no, indicator_code, municipality_code, period, period_key, target_group, breakdown, numerator, denominator, value, change) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new')"
  );
  const insertError = c.prepare("insert into import_preview_errors (preview_no, row_no, column, message) values (?, ?, ?, ?)");
  const counts = { read: 0, new: 0, changed: 0, unchanged: 0, errors: 0 };
  // rows and errors are written a chunk at a time, in one transaction each
  let staged: unknown[][] = [];
  let errors: unknown[][] = [];
  const error = (rowNo: number, issue: Issue) => {
    counts.errors++;
    if (counts.errors <= MAX_STORED_ERRORS) errors.push([no, rowNo, issue.column, issue.message]);
    if (errors.length >= CHUNK) flush();
  };
  const flush = () => {
    if (staged.length === 0 && errors.length === 0) return;
    const [rows, issues] = [staged, errors];
    [staged, errors] = [[], []];
    c.transaction(() => {
      for (const r of rows) insertRow.run(r);
      for (const e of issues) insertError.run(e);
    })();
  };

  let columns: (ImportColumn | null)[] | null = null;

  try {
    for await (const { rowNo, cells } of records(file.path, kind)) {
      // person-level data stops everything, wherever it is, and the message never repeats it
      const cpr = cells.findIndex(cprInText);
      if (cpr >= 0)
        throw new ImportRefused("importErrors.cpr", { row: rowNo, column: cpr + 1 });
      if (!columns) {
        const header = mapHeader(cells);
        if (header.personColumn)
          throw new ImportRefused("importErrors.personColumn", { column: header.personColumn });
        columns = header.columns;
        for (const issue of header.issues) error(rowNo, issue);
        if (header.issues.length) break; // a wrong header makes every row wrong; say it once
        continue;
      }
      if (cells.every((x) => x === "")) continue;
      counts.read++;
      if (counts.read > limits.maxRows)
        throw new ImportRefused("importErrors.tooManyRows", { max: limits.maxRows });
      const byColumn: Partial<Record<ImportColumn, string>> = {};
      for (let i = 0; i < columns.length; i++) {
        const col = columns[i];
        if (col) byColumn[col] = cells[i] ?? "";
      }
      if (cells.length > columns.length && cells.slice(columns.length).some((x) => x !== ""))
        error(rowNo, { column: "–", message: messageKey("importErrors.tooManyCells", { cells: cells.length, columns: columns.length }) });
      const { row, issues } = validateRow(byColumn, cat);
      for (const issue of issues) error(rowNo, issue);
      if (!row) continue;
      staged.push([
        no,
        rowNo,
        row.indicatorCode,
        row.municipalityCode,
        row.period,
        row.periodKey,
        row.targetGroup,
        row.breakdown,
        row.numerator,
        row.denominator,
        row.value,
      ]);
      if (staged.length >= CHUNK) flush();
    }
    flush();
    counts.errors += repeatedObservations(db, no, Math.max(0, MAX_STORED_ERRORS - counts.errors));
    for (const { rowNo, issue } of unionBreaches(db, no, cat)) error(rowNo, issue);
    if (!columns && counts.errors === 0) throw new ImportRefused("importErrors.noRows");
    if (columns && counts.read === 0 && counts.errors === 0) error(1, { column: "–", message: "importErrors.headerOnly" });
    flush();
  } catch (e) {
    purge(db, no);
    throw e;
  }
  Object.assign(counts, classify(db, no));
  // a preview reads stored figures, so it is audited like the commit it prepares
  audit(db, {
    actor: who.userId ? { id: who.userId, email: who.actor } : null,
    actorEmail: who.actor,
    action: "data.import.preview",
    entity: "import-preview",
    entityId: id,
    after: { fileName, contentHash: hash, rows: counts.read, new: counts.new, changed: counts.changed, unchanged: counts.unchanged, errors: counts.errors },
  });
  c.prepare("update import_previews set rows_read = ?, rows_new = ?, rows_changed = ?, rows_unchanged = ?, error_count = ? where no = ?").run(
    counts.read,
    counts.new,
    counts.changed,
    counts.unchanged,
    counts.errors,
    no
  );
  return id;
}

/** Each staged row whose observation an earlier row already gave, with that row's number. */
const REPEATS = `select row_no, first from (
  select row_no, min(row_no) over (partition by indicator_code, municipality_code, period, target_group, breakdown) as first
  from import_preview_rows where preview_no = ?) where row_no != first`;

/**
 * A file may give each observation once. Every later row of the same observation is an error
 * naming the first, stored up to `room`, and leaves the staged rows. Returns how many there are.
 */
function repeatedObservations(db: Db, previewNo: number, room: number): number {
  const c = db.$client;
  // Usually nothing repeats. Grouping by one joined key says so in a third of the time the
  // window takes (equal cells give equal keys; the window below is exact either way).
  const anyRepeat = c
    .prepare(
      `select exists (select 1 from import_preview_rows where preview_no = ?
       group by indicator_code || char(31) || municipality_code || char(31) || period || char(31) || target_group || char(31) || breakdown having count(*) > 1)`
    )
    .pluck()
    .get(previewNo);
  if (!anyRepeat) return 0;
  return c.transaction(() => {
    const stored = c
      .prepare(
        `insert into import_preview_errors (preview_no, row_no, column, message)
         select ?, row_no, '–', 'importErrors.repeat?{"first":' || first || '}'
         from (${REPEATS}) order by row_no limit ?`
      )
      .run(previewNo, previewNo, room).changes;
    if (stored === 0 && room > 0) return 0; // joined keys that met without equal cells
    const repeats = (c.prepare(`select count(*) as n from (${REPEATS})`).get(previewNo) as { n: number }).n;
    c.prepare(`delete from import_preview_rows where preview_no = ? and row_no in (select row_no from (${REPEATS}))`).run(previewNo, previewNo);
    return repeats;
  })();
}

/**
 * The union's bounds, max(anbragte, forebyggende) ≤ udsatte ≤ anbragte + forebyggende, on the
 * figures as they would be after loading: a group the file does not give is taken from the
 * database. One grouped pass over the staged rows; each breach is reported on the udsatte row,
 * or on the file's first row of that cell.
 */
function unionBreaches(db: Db, previewNo: number, cat: ImportCatalogue): { rowNo: number; issue: Issue }[] {
  const c = db.$client;
  const cells = c
    .prepare(
      `select indicator_code, municipality_code, period, breakdown,
         ${UNION_GROUPS.map((g) => `max(case when target_group = '${g}' then row_no end), max(case when target_group = '${g}' then numerator end), max(case when target_group = '${g}' then denominator end)`).join(", ")}
       from import_preview_rows where preview_no = ? and target_group in (${UNION_GROUPS.map((g) => `'${g}'`).join(", ")})
       group by indicator_code, municipality_code, period, breakdown`
    )
    .raw(true)
    .iterate(previewNo) as IterableIterator<(string | number | null)[]>;
  const loaded = c.prepare(
    "select numerator, denominator from observations where indicator_code = ? and municipality_code = ? and target_group = ? and breakdown = ? and period = ?"
  );
  const out: { rowNo: number; issue: Issue }[] = [];
  for (const r of cells) {
    const [indicatorCode, municipalityCode, period, breakdown] = r as string[];
    const rules = cat.indicators.get(indicatorCode);
    if (!rules || !UNION_GROUPS.every((g) => rules.targetGroups.includes(g))) continue;
    const figures: Partial<Record<UnionGroup, { numerator: number | null; denominator: number | null }>> = {};
    const rows: number[] = [];
    UNION_GROUPS.forEach((g, i) => {
      const [rowNo, numerator, denominator] = r.slice(4 + 3 * i, 7 + 3 * i) as (number | null)[];
      if (rowNo !== null) {
        rows.push(rowNo);
        figures[g] = { numerator, denominator };
      } else {
        const o = loaded.get(indicatorCode, municipalityCode, g, breakdown, period) as { numerator: number | null; denominator: number | null } | undefined;
        if (o) figures[g] = o;
      }
    });
    const at = (r[4 + 3 * 2] as number | null) ?? Math.min(...rows);
    for (const issue of unionIssues(measureOf(rules.unit), figures)) out.push({ rowNo: at, issue });
  }
  return out;
}

/** Whether each staged row is new, changes a figure or repeats it: one statement, not a look-up per row. */
function classify(db: Db, previewNo: number): { new: number; changed: number; unchanged: number } {
  const c = db.$client;
  c.prepare(
    // no oracle (ADR 29): against a withheld figure a row counts as changed whatever it holds,
    // so an upload cannot test a guess of a hidden value
    `update import_preview_rows as p set change = case when o.withheld is null and ${SAME_FIGURES} then 'unchanged' else 'changed' end
     from observations o where p.preview_no = ? and ${SAME_CELL}`
  ).run(previewNo);
  const counts = { new: 0, changed: 0, unchanged: 0 };
  for (const r of c.prepare("select change, count(*) as n from import_preview_rows where preview_no = ? group by change").all(previewNo) as {
    change: keyof typeof counts;
    n: number;
  }[])
    counts[r.change] = r.n;
  return counts;
}

export type PreviewSummary = {
  id: string;
  /** The staged rows' key. */
  no: number;
  fileName: string;
  contentHash: string;
  createdAt: string;
  userId: number | null;
  rowsRead: number;
  rowsNew: number;
  rowsChanged: number;
  rowsUnchanged: number;
  errorCount: number;
};

export function findPreview(db: Db, id: string): PreviewSummary | undefined {
  return db.$client
    .prepare(
      "select id, no, file_name as fileName, content_hash as contentHash, created_at as createdAt, user_id as userId, rows_read as rowsRead, rows_new as rowsNew, rows_changed as rowsChanged, rows_unchanged as rowsUnchanged, error_count as errorCount from import_previews where id = ?"
    )
    .get(id) as PreviewSummary | undefined;
}

export function previewErrors(db: Db, id: string, limit = 200): { rowNo: number; column: string; message: string }[] {
  return db.$client
    .prepare(
      "select row_no as rowNo, column, message from import_preview_errors where preview_no = (select no from import_previews where id = ?) order by row_no, id limit ?"
    )
    .all(id, limit) as never;
}

export type PreviewChange = {
  rowNo: number;
  indicatorCode: string;
  municipalityCode: string;
  period: string;
  targetGroup: string;
  breakdown: string;
  change: "new" | "changed";
  old: { numerator: number | null; denominator: number | null; value: number | null; withheld: boolean } | null;
  new: { numerator: number | null; denominator: number | null; value: number | null };
};

/** The first new and changed rows, with the old figures; an old figure that is withheld stays withheld. */
export function previewChanges(db: Db, id: string, limit = 200): PreviewChange[] {
  const rows = db.$client
    .prepare(
      `select p.row_no as rowNo, p.indicator_code as indicatorCode, p.municipality_code as municipalityCode, p.period, p.target_group as targetGroup, p.breakdown, p.change,
              p.numerator, p.denominator, p.value, o.numerator as oldNumerator, o.denominator as oldDenominator, o.value as oldValue, o.withheld
       from import_preview_rows p left join observations o on ${SAME_CELL}
       where p.preview_no = (select no from import_previews where id = ?) and p.change != 'unchanged' order by p.row_no limit ?`
    )
    .all(id, limit) as (Record<string, never> & { withheld: string | null; change: "new" | "changed" })[];
  return rows.map((r) => ({
    rowNo: r.rowNo,
    indicatorCode: r.indicatorCode,
    municipalityCode: r.municipalityCode,
    period: r.period,
    targetGroup: r.targetGroup,
    breakdown: r.breakdown,
    change: r.change,
    old:
      r.change === "new"
        ? null
        : r.withheld
        ? { numerator: null, denominator: null, value: null, withheld: true }
        : { numerator: r.oldNumerator, denominator: r.oldDenominator, value: r.oldValue, withheld: false },
    new: { numerator: r.numerator, denominator: r.denominator, value: r.value },
  }));
}

/** Every error of a preview as CSV for Danish Excel (BOM, semicolons). */
export function previewErrorsCsv(db: Db, id: string, t: TFunction): string {
  const rows = db.$client
    .prepare("select row_no, column, message from import_preview_errors where preview_no = (select no from import_previews where id = ?) order by row_no, id")
    .all(id) as {
    row_no: number;
    column: string;
    message: string;
  }[];
  return `\uFEFF${stringify([[t("importErrors.csv.row"), t("importErrors.csv.column"), t("importErrors.csv.error")], ...rows.map((r) => [r.row_no, safeCell(r.column), safeCell(translateMessage(t, r.message))])], {
    delimiter: ";",
    record_delimiter: "\r\n",
  })}`;
}

/** Previews left behind (the browser closed, the person went to a meeting): each can stage a whole file. */
export function discardStalePreviews(db: Db, now = new Date()): number {
  const before = new Date(now.getTime() - PREVIEW_LIFETIME_MS).toISOString();
  const stale = db.$client.prepare("select no from import_previews where created_at < ?").pluck().all(before) as number[];
  for (const no of stale) purge(db, no);
  return stale.length;
}

export function discardPreview(db: Db, id: string): void {
  const preview = findPreview(db, id);
  if (preview) purge(db, preview.no);
}

/** The indicator × period tables a batch touched: only those get their disclosure and sums recomputed. */
function batchTables(db: Db, batch: number): TableRef[] {
  return db.$client
    .prepare("select distinct indicator_code as indicatorCode, period from observation_changes where batch_id = ?")
    .all(batch) as TableRef[];
}

/** What every change to the figures ends with, inside its transaction: disclosure and sums for the touched tables, and the new load time. */
function dataChanged(db: Db, touched: TableRef[], at: string) {
  recomputeDisclosure(db, touched);
  setMeta(db, "data_loaded_at", at);
}

/**
 * Writes a preview's rows as one batch in one transaction, with disclosure control recomputed
 * inside it: a crash leaves either none or all of it. Returns the batch id, or null when the
 * file changes nothing (loading the same file twice). `onWriting` is called just before the
 * transaction starts (the command line prints it).
 */
export function commitImport(db: Db, who: Who, previewId: string, onWriting?: () => void): number | null {
  const preview = findPreview(db, previewId);
  if (!preview) throw new ImportError("routeErrors.previewGone");
  if (preview.errorCount > 0) throw new ImportError("importErrors.hasErrors");
  const c = db.$client;
  if (preview.rowsNew + preview.rowsChanged === 0) {
    purge(db, preview.no);
    return null; // the same file again: nothing to do, and no empty batch in the history
  }
  onWriting?.();
  return c.transaction(() => {
    const at = new Date().toISOString();
    const batch = Number(
      c
        .prepare(
          "insert into import_batches (kind, file_name, content_hash, user_id, actor, created_at, rows_read, rows_new, rows_changed, rows_unchanged) values ('import', ?, ?, ?, ?, ?, ?, 0, 0, 0)"
        )
        .run(preview.fileName, preview.contentHash, who.userId, who.actor, at, preview.rowsRead).lastInsertRowid
    );
    // Set-based: the batch's changes are worked out against the figures as they are now (another
    // load may have landed since the preview), logged, and then applied from the log.
    c.prepare(
      `insert into observation_changes (batch_id, indicator_code, municipality_code, period, period_key, target_group, breakdown, existed, old_numerator, old_denominator, old_value, old_batch_id, "exists", new_numerator, new_denominator, new_value)
       select ?, p.indicator_code, p.municipality_code, p.period, p.period_key, p.target_group, p.breakdown, o.id is not null, o.numerator, o.denominator, o.value, o.batch_id, 1, p.numerator, p.denominator, p.value
       from import_preview_rows p left join observations o on ${SAME_CELL}
       where p.preview_no = ? and not (${SAME_FIGURES}) order by p.row_no`
    ).run(batch, preview.no);
    c.prepare(
      `insert into observations (indicator_code, municipality_code, period, period_key, target_group, breakdown, numerator, denominator, value, batch_id)
       select indicator_code, municipality_code, period, period_key, target_group, breakdown, new_numerator, new_denominator, new_value, batch_id
       from observation_changes where batch_id = ? order by id
       on conflict (indicator_code, municipality_code, target_group, breakdown, period)
       do update set numerator = excluded.numerator, denominator = excluded.denominator, value = excluded.value, batch_id = excluded.batch_id`
    ).run(batch);
    const logged = c.prepare("select count(*) as n, coalesce(sum(existed), 0) as changed from observation_changes where batch_id = ?").get(batch) as {
      n: number;
      changed: number;
    };
    const counts = { new: logged.n - logged.changed, changed: logged.changed, unchanged: preview.rowsRead - logged.n };
    if (counts.new + counts.changed === 0) throw new ImportError("importErrors.nothingNew");
    c.prepare("update import_batches set rows_new = ?, rows_changed = ?, rows_unchanged = ? where id = ?").run(
      counts.new,
      counts.changed,
      counts.unchanged,
      batch
    );
    dataChanged(db, batchTables(db, batch), at);
    audit(db, {
      actor: who.userId ? { id: who.userId, email: who.actor } : null,
      actorEmail: who.actor,
      action: "data.import",
      entity: "import-batch",
      entityId: batch,
      after: { fileName: preview.fileName, contentHash: preview.contentHash, rows: preview.rowsRead, ...counts },
    });
    purge(db, preview.no);
    return batch;
  })();
}

export type BatchRow = {
  id: number;
  kind: "import" | "rollback";
  fileName: string | null;
  actor: string;
  createdAt: string;
  rowsRead: number;
  rowsNew: number;
  rowsChanged: number;
  rowsUnchanged: number;
  rollsBack: number | null;
  rolledBackBy: number | null;
  /** Why it cannot be rolled back, or null if it can. */
  blockedBy: string | null;
};

/** Batches newest first; an import can be rolled back while no later batch has changed its figures. */
export function listBatches(db: Db, limit = 50): BatchRow[] {
  const rows = db.$client
    .prepare(
      "select id, kind, file_name as fileName, actor, created_at as createdAt, rows_read as rowsRead, rows_new as rowsNew, rows_changed as rowsChanged, rows_unchanged as rowsUnchanged, rolls_back as rollsBack, rolled_back_by as rolledBackBy from import_batches order by id desc limit ?"
    )
    .all(limit) as Omit<BatchRow, "blockedBy">[];
  return rows.map((b) => ({ ...b, blockedBy: rollbackBlocker(db, b) }));
}

/** Why a batch cannot be rolled back, as a messageKey; null when it can. */
function rollbackBlocker(db: Db, b: { id: number; kind: string; rolledBackBy: number | null }): string | null {
  if (b.kind === "rollback") return "importErrors.rollbackOfRollback";
  if (b.rolledBackBy) return messageKey("importErrors.rolledBack", { batch: b.rolledBackBy });
  const later = db.$client
    .prepare(
      `select o.batch_id as batchId from observation_changes p left join observations o on ${SAME_CELL}
       where p.batch_id = ? and (o.id is null or o.batch_id is not ?) limit 1`
    )
    .get(b.id, b.id) as { batchId: number | null } | undefined;
  return later ? (later.batchId === null ? "importErrors.changedSinceLater" : messageKey("importErrors.changedSince", { batch: later.batchId })) : null;
}

/** Restores exactly the figures a batch replaced (removing those it added), as a new audited batch. */
export function rollbackBatch(db: Db, who: Who, batchId: number): number {
  const c = db.$client;
  return c.transaction(() => {
    const b = c.prepare("select id, kind, rolled_back_by as rolledBackBy, file_name as fileName from import_batches where id = ?").get(batchId) as
      | { id: number; kind: string; rolledBackBy: number | null; fileName: string | null }
      | undefined;
    if (!b) throw new ImportError("importErrors.noBatch", { batch: batchId });
    const blocker = rollbackBlocker(db, b);
    if (blocker) throw new ImportError("importErrors.cannotRollBack", { batch: batchId, reason: blocker });
    const at = new Date().toISOString();
    const changes = (c.prepare("select count(*) as n from observation_changes where batch_id = ?").get(batchId) as { n: number }).n;
    const rollback = Number(
      c
        .prepare(
          "insert into import_batches (kind, file_name, content_hash, user_id, actor, created_at, rows_read, rows_new, rows_changed, rows_unchanged, rolls_back) values ('rollback', ?, null, ?, ?, ?, ?, 0, ?, 0, ?)"
        )
        .run(b.fileName, who.userId, who.actor, at, changes, changes, batchId).lastInsertRowid
    );
    // logged first, as the reverse of each change the batch made; then applied from the batch's own log
    c.prepare(
      `insert into observation_changes (batch_id, indicator_code, municipality_code, period, period_key, target_group, breakdown, existed, old_numerator, old_denominator, old_value, old_batch_id, "exists", new_numerator, new_denominator, new_value)
       select ?, indicator_code, municipality_code, period, period_key, target_group, breakdown, 1, new_numerator, new_denominator, new_value, batch_id, existed, old_numerator, old_denominator, old_value
       from observation_changes where batch_id = ? order by id`
    ).run(rollback, batchId);
    c.prepare(
      `update observations as o set numerator = p.old_numerator, denominator = p.old_denominator, value = p.old_value, batch_id = p.old_batch_id
       from observation_changes p where p.batch_id = ? and p.existed and ${SAME_CELL}`
    ).run(batchId);
    c.prepare(
      `delete from observations where id in (select o.id from observation_changes p join observations o on ${SAME_CELL} where p.batch_id = ? and not p.existed)`
    ).run(batchId);
    c.prepare("update import_batches set rolled_back_by = ? where id = ?").run(rollback, batchId);
    dataChanged(db, batchTables(db, batchId), at);
    audit(db, {
      actor: who.userId ? { id: who.userId, email: who.actor } : null,
      actorEmail: who.actor,
      action: "data.rollback",
      entity: "import-batch",
      entityId: rollback,
      before: { batch: batchId },
      after: { restored: changes },
    });
    return rollback;
  })();
}

/** A template for one indicator: the header and two example rows, as CSV or XLSX. */
export async function importTemplate(db: Db, indicatorCode: string, format: "csv" | "xlsx"): Promise<Buffer | null> {
  const indicator = listIndicators(db).find((i) => i.code === indicatorCode);
  if (!indicator) return null;
  const example = { year: "2025", school_year: "2024/25", quarter: "2025K4" }[indicator.cadence];
  const group = indicator.targetGroups[0];
  const breakdown = indicator.breakdowns[0] ?? "";
  const row = (kommune: string, n: [string, string, string]) => [indicator.code, kommune, example, group, breakdown, ...n];
  const figures: Record<Unit, [string, string, string][]> = {
    percent: [
      ["7", "12", ""],
      ["30", "41", ""],
    ],
    count: [
      ["14", "", ""],
      ["52", "", ""],
    ],
    kr: [
      ["", "6970", "15200"],
      ["", "10613", "17450,5"],
    ],
    grade: [
      ["", "38", "7,2"],
      ["", "96", "6,8"],
    ],
    ratio: [
      ["", "21", "24,5"],
      ["", "9", "27,1"],
    ],
  };
  const [a, b] = figures[indicator.unit];
  // where udsatte is a group, the example gives it with its two parts: the union, below their sum
  const union: Record<string, [string, string, string][]> = {
    percent: [["7", "12", ""], ["20", "35", ""], ["24", "41", ""]],
    count: [["14", "", ""], ["52", "", ""], ["60", "", ""]],
    kr: [["", "12", "15200"], ["", "35", "16100"], ["", "41", "15900"]],
    grade: [["", "7", "5,1"], ["", "20", "6,2"], ["", "24", "6"]],
  };
  const rows = UNION_GROUPS.every((g) => indicator.targetGroups.includes(g))
    ? [[...IMPORT_COLUMNS], ...UNION_GROUPS.map((g, i) => [indicator.code, "849", example, g, breakdown, ...union[indicator.unit][i]!])]
    : [[...IMPORT_COLUMNS], row("849", a), row("Hvidovre", b)];
  if (format === "csv") return Buffer.from(`\uFEFF${stringify(rows, { delimiter: ";", record_delimiter: "\r\n" })}`, "utf8");
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Data");
  rows.forEach((r) => sheet.addRow(r));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
