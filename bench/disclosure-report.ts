/**
 * `npx tsx bench/disclosure-report.ts [codes…]`: how much disclosure control withholds in the
 * demo data, in total and for chosen municipalities (default Læsø 825 and København 101), and
 * how long the recomputation takes. Builds a fresh temporary database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../db/connection";
import { recomputeDisclosure } from "../app/data/disclosure.server";
import { loadDemoObservations, loadReferenceData } from "../seeds/load";

const codes = process.argv.slice(2).length ? process.argv.slice(2) : ["825", "741", "849", "101"];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faelles-retning-disclosure-"));
const db = openDatabase(path.join(dir, "report.sqlite"));
loadReferenceData(db);
loadDemoObservations(db);
const summary = recomputeDisclosure(db);

type Counts = { cells: number; primary: number; secondary: number };
const count = (where: string, ...args: string[]): Counts =>
  db.$client
    .prepare(
      `select count(*) as cells, coalesce(sum(withheld = 'primary'), 0) as "primary", coalesce(sum(withheld = 'secondary'), 0) as secondary from observations ${where}`,
    )
    .get(...args) as Counts;
const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)} %`;
const line = (label: string, { cells, primary, secondary }: Counts) => {
  const c = { cells };
  console.log(
    `${label.padEnd(22)} ${String(c.cells).padStart(6)} cells  primary ${String(primary).padStart(5)} (${pct(primary, c.cells)})  secondary ${String(secondary).padStart(5)} (${pct(secondary, c.cells)})  shown ${pct(c.cells - primary - secondary, c.cells)}`,
  );
};

console.log(`Disclosure control (k = 5) on the demo data: ${summary.tables} tables, recomputed in ${summary.ms} ms, ${summary.exposed.length} cells unprotectable.`);
line("all municipalities", count(""));
for (const code of codes) {
  const name = (db.$client.prepare("select name from municipalities where code = ?").get(code) as { name: string } | undefined)?.name ?? code;
  line(`${name} (${code})`, count("where municipality_code = ?", code));
}
db.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
