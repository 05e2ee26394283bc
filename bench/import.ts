/**
 * `npx tsx bench/import.ts [rows]`: how long loading rows takes (check and commit, disclosure
 * recomputed) and the peak memory, for CSV and for XLSX. `npm run bench` uses the same functions.
 * Each load runs in its own process on a fresh copy of a database, so the peaks do not mix.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { openDatabase } from "../db/connection";
import { ensureData } from "../seeds/load";
import { commitImport, findPreview, previewImport } from "../app/data/import.server";

export type ImportFormat = "csv" | "xlsx";
export type ImportResult = {
  format: ImportFormat;
  rows: number;
  fileBytes: number;
  checkMs: number;
  commitMs: number;
  rowsPerSecond: number;
  startRssBytes: number;
  peakRssBytes: number;
};

const HEADER = ["indikator", "kommune", "periode", "maalgruppe", "opdeling", "taeller", "naevner", "vaerdi"];
const GROUPS = ["anbragte", "forebyggende", "udsatte", "oevrige", "alle"];

/** Absence figures for school years no one has loaded, so every row is a new observation. */
function record(codes: string[], i: number): string[] {
  const code = codes[i % codes.length];
  const group = GROUPS[Math.floor(i / codes.length) % GROUPS.length];
  const year = 1800 + Math.floor(i / (codes.length * GROUPS.length));
  // the same figures for every group of a cell, so udsatte stays within its union bounds
  const d = 100 + (((i % codes.length) * 7 + year) % 900);
  return ["fravaer", code, `${year}/${String((year + 1) % 100).padStart(2, "0")}`, group, "", String(Math.floor(d / 4)), String(d), ""];
}

export async function writeImportFile(dir: string, codes: string[], rows: number, format: ImportFormat): Promise<string> {
  const file = path.join(dir, `rows-${rows}.${format}`);
  if (format === "csv") {
    const out = fs.createWriteStream(file);
    out.write(`\uFEFF${HEADER.join(";")}\n`);
    for (let i = 0; i < rows; i++) {
      if (!out.write(`${record(codes, i).join(";")}\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
    }
    await new Promise((r) => out.end(r));
    return file;
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = wb.addWorksheet("Data");
  sheet.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) {
    const r = record(codes, i);
    sheet.addRow([r[0], Number(r[1]), r[2], r[3], r[4], Number(r[5]), Number(r[6]), r[7]]).commit();
  }
  await wb.commit();
  return file;
}

/** Loads `file` into a copy of `template` in a child process and returns what it measured. */
export function measureImport(template: string, file: string, format: ImportFormat): ImportResult {
  const dbFile = `${file}.sqlite`;
  fs.copyFileSync(template, dbFile);
  const r = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, "--one", format, dbFile, file], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${dbFile}${suffix}`, { force: true });
  const line = r.stdout.trim().split("\n").at(-1) ?? "";
  if (r.status !== 0 || !line.startsWith("{")) throw new Error(`import of ${file} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(line) as ImportResult;
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export function describeImport(r: ImportResult): string {
  return `${r.format.toUpperCase().padEnd(5)} ${r.rows.toLocaleString("da-DK")} rækker, ${mb(r.fileBytes)} fil: kontrol ${(r.checkMs / 1000).toFixed(1)} s + indlæsning ${(
    r.commitMs / 1000
  ).toFixed(
    1,
  )} s = ${Math.round(r.rowsPerSecond).toLocaleString("da-DK")} rækker/s; RSS-top ${mb(r.peakRssBytes)} (${mb(r.peakRssBytes - r.startRssBytes)} over start)`;
}

async function child(format: ImportFormat, dbFile: string, file: string) {
  const db = openDatabase(dbFile);
  const startRssBytes = process.memoryUsage().rss;
  let peak = startRssBytes;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  const actor = { userId: null, actor: "bench" };
  const id = await previewImport(db, { path: file, name: path.basename(file) }, actor, {
    maxBytes: 1024 * 1024 * 1024,
    maxRows: 10_000_000,
  });
  const t1 = performance.now();
  const preview = findPreview(db, id)!;
  if (preview.errorCount) throw new Error(`${preview.errorCount} errors`);
  commitImport(db, actor, id);
  const t2 = performance.now();
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const result: ImportResult = {
    format,
    rows: preview.rowsRead,
    fileBytes: fs.statSync(file).size,
    checkMs: t1 - t0,
    commitMs: t2 - t1,
    rowsPerSecond: preview.rowsRead / ((t2 - t0) / 1000),
    startRssBytes,
    peakRssBytes: peak,
  };
  console.log(JSON.stringify(result));
}

if (process.argv[2] === "--one") {
  await child(process.argv[3] as ImportFormat, process.argv[4], process.argv[5]);
  process.exit(0);
} else if (import.meta.filename === path.resolve(process.argv[1] ?? "")) {
  const rows = Number(process.argv[2] ?? 100_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faelles-retning-bench-import-"));
  const template = path.join(dir, "template.sqlite");
  const seed = openDatabase(template);
  ensureData(seed, { demo: true });
  seed.$client.pragma("wal_checkpoint(TRUNCATE)");
  const codes = (seed.$client.prepare("select code from municipalities order by code").all() as { code: string }[]).map((r) => r.code);
  seed.$client.close();
  for (const format of ["csv", "xlsx"] as const)
    console.log(describeImport(measureImport(template, await writeImportFile(dir, codes, rows, format), format)));
  fs.rmSync(dir, { recursive: true, force: true });
}
