/**
 * `npx tsx bench/import.ts [rows]`: how long loading 100,000 rows takes (check and commit,
 * disclosure recomputed) and the peak memory, for CSV and for XLSX. Each format runs in its own
 * process on a fresh temporary database with the demo data, so the peaks do not mix.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { openDatabase } from "../db/connection";
import { ensureData } from "../seeds/load";
import { commitImport, findPreview, previewImport } from "../app/data/import.server";

const [, , first, second] = process.argv;

if (first === "--one") {
  // the child: load one file into one database and report
  const [format, dbFile, file] = [second, process.argv[4], process.argv[5]];
  const db = openDatabase(dbFile);
  let peak = process.memoryUsage().rss;
  const base = peak;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  const id = await previewImport(
    db,
    { path: file, name: path.basename(file) },
    { userId: null, actor: "bench" },
    { maxBytes: 200 * 1024 * 1024, maxRows: 1_000_000 }
  );
  const t1 = performance.now();
  const checkPeak = peak;
  const p = findPreview(db, id)!;
  if (p.errorCount) throw new Error(`${p.errorCount} errors`);
  commitImport(db, { userId: null, actor: "bench" }, id);
  const t2 = performance.now();
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(timer);
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    `${format.toUpperCase().padEnd(5)} ${p.rowsRead.toLocaleString("da-DK")} rows, ${mb(fs.statSync(file).size)} file: check ${((t1 - t0) / 1000).toFixed(
      1
    )} s + commit ${((t2 - t1) / 1000).toFixed(1)} s = ${((t2 - t0) / 1000).toFixed(1)} s; peak RSS ${mb(peak)} (${mb(peak - base)} above the ${mb(
      base
    )} at start; ${mb(checkPeak - base)} while checking)`
  );
  process.exit(0);
}

const rows = Number(first ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faelles-retning-bench-import-"));
const template = path.join(dir, "template.sqlite");
const seed = openDatabase(template);
ensureData(seed, { demo: true });
seed.$client.pragma("wal_checkpoint(TRUNCATE)");
const codes = (seed.$client.prepare("select code from municipalities order by code").all() as { code: string }[]).map((r) => r.code);
seed.$client.close();

// new absence figures for school years no one has loaded: every row is a new observation
const groups = ["anbragte", "forebyggende", "udsatte", "oevrige", "alle"];
const header = ["indikator", "kommune", "periode", "maalgruppe", "opdeling", "taeller", "naevner", "vaerdi"];
const record = (i: number) => {
  const code = codes[i % codes.length];
  const group = groups[Math.floor(i / codes.length) % groups.length];
  const year = 1800 + Math.floor(i / (codes.length * groups.length));
  const d = 100 + (i % 900);
  return ["fravaer", code, `${year}/${String((year + 1) % 100).padStart(2, "0")}`, group, "", String(Math.floor(d / 4)), String(d), ""];
};
const csv = path.join(dir, "rows.csv");
const out = fs.createWriteStream(csv);
out.write(`\uFEFF${header.join(";")}\n`);
for (let i = 0; i < rows; i++) out.write(`${record(i).join(";")}\n`);
await new Promise((r) => out.end(r));
const xlsx = path.join(dir, "rows.xlsx");
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: false, useStyles: false });
const sheet = wb.addWorksheet("Data");
sheet.addRow(header).commit();
for (let i = 0; i < rows; i++) {
  const r = record(i);
  sheet.addRow([r[0], Number(r[1]), r[2], r[3], r[4], Number(r[5]), Number(r[6]), r[7]]).commit();
}
await wb.commit();

for (const [format, file] of [
  ["csv", csv],
  ["xlsx", xlsx],
] as const) {
  const dbFile = path.join(dir, `${format}.sqlite`);
  fs.copyFileSync(template, dbFile);
  const r = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, "--one", format, dbFile, file], { stdio: "inherit" });
  if (r.status !== 0) process.exitCode = 1;
}
fs.rmSync(dir, { recursive: true, force: true });
