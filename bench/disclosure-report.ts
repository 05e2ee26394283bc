/**
 * `npx tsx bench/disclosure-report.ts [codes…]`: how much disclosure control withholds in the
 * demo data, in total and for chosen municipalities (default Læsø 825, Samsø 741, Jammerbugt 849
 * and København 101), and how long the recomputation takes; then per linked family (ADR 0029)
 * the cells withheld by kind and the narrowest interval the audit finds for a cell withheld on
 * its own account. Builds a fresh temporary database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../db/connection";
import { linkedFamilies, recomputeDisclosure, storedFamily } from "../app/data/disclosure.server";
import { listMunicipalities } from "../app/data/catalogue.server";
import { auditFamily } from "../app/domain/disclosure/families";
import { lpSolver } from "../app/domain/disclosure/lp";
import { loadDemoObservations, loadReferenceData } from "../seeds/load";

const codes = process.argv.slice(2).length ? process.argv.slice(2) : ["825", "741", "849", "101"];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faelles-retning-disclosure-"));
const db = openDatabase(path.join(dir, "report.sqlite"));
loadReferenceData(db);
loadDemoObservations(db);
const summary = recomputeDisclosure(db);
const k = 5;

type Counts = { cells: number; primary: number; secondary: number; attribute: number };
const count = (where: string, ...args: string[]): Counts =>
  db.$client
    .prepare(
      `select count(*) as cells, coalesce(sum(withheld = 'primary'), 0) as "primary", coalesce(sum(withheld = 'secondary'), 0) as secondary, coalesce(sum(withheld = 'attribute'), 0) as attribute from observations ${where}`,
    )
    .get(...args) as Counts;
const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)} %`;
const line = (label: string, { cells, primary, secondary, attribute }: Counts) => {
  const c = { cells };
  console.log(
    `${label.padEnd(22)} ${String(c.cells).padStart(6)} cells  primary ${String(primary).padStart(5)} (${pct(primary, c.cells)})  attribute ${String(attribute).padStart(4)}  secondary ${String(secondary).padStart(5)} (${pct(secondary, c.cells)})  shown ${pct(c.cells - primary - secondary - attribute, c.cells)}`,
  );
};

console.log(
  `Disclosure control (k = 5) on the demo data: ${summary.tables} tables, recomputed in ${summary.ms} ms (the linked families' interval audit ${summary.audit.ms} ms, ${summary.audit.added} complements), ${summary.exposed.length} cells unprotectable.`,
);
line("all municipalities", count(""));
for (const code of codes) {
  const name =
    (db.$client.prepare("select name from municipalities where code = ?").get(code) as { name: string } | undefined)?.name ?? code;
  line(`${name} (${code})`, count("where municipality_code = ?", code));
}

// per linked family: cells withheld by kind, and the narrowest interval (exact LP) of a cell withheld on its own account
const municipalities = listMunicipalities(db);
const scopes: { label: string; code: string | null }[] = [
  { label: "all municipalities", code: null },
  ...codes.map((code) => ({ label: municipalities.find((m) => m.code === code)?.name ?? code, code })),
];
console.log(
  `\nLinked families (k = ${k}): withheld cells by kind; narrowest interval width of a primary or attribute cell's hidden quantity`,
);
const auditStarted = performance.now();
for (const [population, members] of linkedFamilies(db)) {
  const periods = (
    db.$client.prepare(`select distinct period from observations where indicator_code = ? order by period_key`).all(members[0].code) as {
      period: string;
    }[]
  ).map((p) => p.period);
  type Tally = { cells: number; primary: number; secondary: number; attribute: number; narrowest: number; audited: number };
  const tally = new Map(
    scopes.map((s) => [s.label, { cells: 0, primary: 0, secondary: 0, attribute: 0, narrowest: Infinity, audited: 0 } as Tally]),
  );
  for (const period of periods) {
    const tables = storedFamily(db, members, period);
    const audited = auditFamily({ municipalities, tables, cfg: { k } }, lpSolver(), true);
    for (const s of scopes) {
      const t = tally.get(s.label)!;
      for (const table of tables)
        for (const c of table.cells) {
          if (s.code && c.municipalityCode !== s.code) continue;
          t.cells++;
          if (c.withheld) t[c.withheld]++;
        }
      for (const a of audited) {
        if ((s.code && a.municipalityCode !== s.code) || a.reason === "secondary") continue;
        t.audited++;
        t.narrowest = Math.min(t.narrowest, a.width);
      }
    }
  }
  console.log(`${population} (${members.map((m) => m.code).join(", ")}; ${periods.length} periods)`);
  for (const s of scopes) {
    const t = tally.get(s.label)!;
    console.log(
      `  ${s.label.padEnd(20)} ${String(t.cells).padStart(6)} cells  primary ${String(t.primary).padStart(5)}  attribute ${String(t.attribute).padStart(4)}  secondary ${String(t.secondary).padStart(5)}  narrowest interval ${t.audited ? t.narrowest : "–"} (of ${t.audited} audited quantities)`,
    );
  }
}
console.log(`Exact audit of every family and period: ${Math.round(performance.now() - auditStarted)} ms.`);
db.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
