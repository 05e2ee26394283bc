/**
 * The comparison table as a download: XLSX (exceljs) and CSV for Danish Excel (UTF-8 with BOM,
 * semicolons, decimal comma). Both are built from the same rows as the page, which came through
 * the one read path, so a withheld cell is `..` and a missing one `–` here too.
 */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { roundForOutput } from "../domain/figures";
import { MISSING_MARK, WITHHELD_MARK } from "../domain/format";
import { safeCell } from "../domain/spreadsheet";
import { getT } from "../i18n/i18n";
import type { ComparisonChoice, ComparisonTable } from "./comparison.server";

const t = getT("da");

type Cell = string | number | null;

export function exportFileName(c: ComparisonChoice, ext: "xlsx" | "csv"): string {
  return `sammenlign-${c.indicator.code}-${c.targetGroup}-${c.period.replace("/", "-")}.${ext}`;
}

/** Header and rows: the references first, then the municipalities in the page's order. */
export function exportRows(c: ComparisonChoice, table: ComparisonTable): { header: string[]; rows: Cell[][] } {
  const unit = c.indicator.unit;
  const value = (v: number | null, withheld: boolean): Cell => (withheld ? WITHHELD_MARK : v === null ? MISSING_MARK : roundForOutput(unit, v));
  const header = [
    "Type",
    "Kode",
    "Navn",
    "Region",
    `Værdi (${{ percent: "%", count: "antal", kr: "kr.", grade: "karakter" }[unit]})`,
    "Antal børn (n)",
    "Rang",
    table.previousPeriod ? `Ændring siden ${table.previousPeriod}` : "Ændring",
    "Niveau",
    "Sammenlignelig",
    "I Fælles retning",
  ];
  const rows: Cell[][] = table.references.map((r) => [
    { nation: "Hele landet", region: "Region", group: "Sammenlignelige kommuner" }[r.kind],
    r.code || null,
    r.kind === "nation" ? "Hele landet" : r.kind === "group" ? t("compare.refGroup", { name: r.name }) : r.name,
    null,
    value(r.value, r.withheld),
    r.n,
    null,
    null,
    r.members ? t("compare.refGroupUsed", r.members) : null,
    null,
    null,
  ]);
  for (const r of table.rows) {
    rows.push([
      "Kommune",
      r.code,
      r.name,
      r.regionName,
      value(r.value, r.withheld),
      r.n,
      r.rank,
      r.change === null ? MISSING_MARK : roundForOutput(unit, r.change),
      r.band ? t(`compare.bands.${r.band}`) : c.indicator.polarity === "neutral" ? t("compare.bandNeutral") : t("compare.notRanked"),
      r.inGroup ? "ja" : "nej",
      r.member ? "ja" : "nej",
    ]);
  }
  return { header, rows };
}

export type ExportContext = { k: number; extractedAt: string; dataLoadedAt: string | null; focusName: string | null };

function aboutRows(c: ComparisonChoice, x: ExportContext): [string, string][] {
  return [
    ["Indikator", `${c.indicator.nameDa} (${c.indicator.code})`],
    ["Definition", c.indicator.definition],
    ["Kilde", c.indicator.source],
    ["Målgruppe", t(`targetGroups.${c.targetGroup}`)],
    ["Periode", c.period],
    ["Udvalg", `${t(`compare.selections.${c.selection}`)}${c.region ? `, region ${c.region}` : ""}${x.focusName ? `; kommune i fokus: ${x.focusName}` : ""}`],
    [
      "Diskretion",
      `Tal om færre end ${x.k} børn vises ikke (${WITHHELD_MARK}), og andre tal skjules, så de ikke kan regnes ud. ${MISSING_MARK} betyder, at der ikke er noget tal. Referencerne er beregnet af de rå tal; de sammenlignelige kommuner kun af de viste tal.`,
    ],
    [
      "Niveau",
      "Tredjedele af alle kommuner med et vist tal efter indikatorens retning: bedste, midterste og dårligste tredjedel. Neutrale indikatorer får intet niveau.",
    ],
    ["Udtrukket", x.extractedAt],
    ["Data indlæst", x.dataLoadedAt ?? MISSING_MARK],
  ];
}

export async function comparisonXlsx(c: ComparisonChoice, table: ComparisonTable, x: ExportContext): Promise<Buffer> {
  const { header, rows } = exportRows(c, table);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Fælles retning";
  wb.created = new Date(x.extractedAt);
  const data = wb.addWorksheet("Data", { views: [{ state: "frozen", ySplit: 1 }] });
  data.addRow(header).font = { bold: true };
  for (const r of rows) data.addRow(r.map(safeCell));
  data.columns.forEach((col, i) => {
    col.width = [22, 7, 34, 22, 12, 14, 7, 18, 22, 15, 16][i] ?? 14;
  });
  const decimals = c.indicator.unit === "percent" || c.indicator.unit === "grade" ? "0.0" : "#,##0";
  data.getColumn(5).numFmt = decimals;
  data.getColumn(8).numFmt = decimals;
  const about = wb.addWorksheet("Om tallene");
  about.addRow(["Felt", "Indhold"]).font = { bold: true };
  for (const r of aboutRows(c, x)) about.addRow(r.map(safeCell));
  about.getColumn(1).width = 16;
  about.getColumn(2).width = 100;
  about.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV that Danish Excel opens right: BOM, semicolons, decimal comma, no thousands separator. */
export function comparisonCsv(c: ComparisonChoice, table: ComparisonTable): string {
  const { header, rows } = exportRows(c, table);
  const cell = (v: Cell) => (typeof v === "number" ? String(v).replace(".", ",") : safeCell(v ?? ""));
  return `\uFEFF${stringify([header, ...rows.map((r) => r.map(cell))], { delimiter: ";", record_delimiter: "\r\n" })}`;
}
