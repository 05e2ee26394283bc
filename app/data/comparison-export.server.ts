/**
 * The comparison table as a download: XLSX (exceljs) and CSV for Danish Excel (UTF-8 with BOM,
 * semicolons, decimal comma). Both are built from the same rows as the page, which came through
 * the one read path, so a withheld cell is `..` and a missing one `–` here too. The words
 * (headers, the about sheet) come from the caller's translator, so the file follows the page.
 */
import { targetGroupKey } from "../i18n/keys";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { roundForOutput } from "../domain/figures";
import { MISSING_MARK, WITHHELD_MARK } from "../domain/format";
import { safeCell } from "../domain/spreadsheet";
import type { TFunction } from "i18next";
import type { Strings } from "../i18n/da";
import { indicatorName } from "../domain/catalogue";
import type { ComparisonChoice, ComparisonTable } from "./comparison.server";

type Cell = string | number | null;

export function exportFileName(c: ComparisonChoice, ext: "xlsx" | "csv"): string {
  return `sammenlign-${c.indicator.code}-${c.targetGroup}-${c.period.replace("/", "-")}.${ext}`;
}

/** Header and rows: the references first, then the municipalities in the page's order. */
export function exportRows(c: ComparisonChoice, table: ComparisonTable, t: TFunction): { header: string[]; rows: Cell[][] } {
  const unit = c.indicator.unit;
  const value = (v: number | null, withheld: boolean): Cell => (withheld ? WITHHELD_MARK : v === null ? MISSING_MARK : roundForOutput(unit, v));
  const h = (key: Exclude<keyof Strings["exportFile"]["header"], "changeSince">) => t(`exportFile.header.${key}`);
  const header = [
    h("type"),
    h("code"),
    h("name"),
    h("region"),
    t(`exportFile.value.${unit}`),
    h("n"),
    h("rank"),
    table.previousPeriod ? t("exportFile.header.changeSince", { period: table.previousPeriod }) : h("change"),
    h("band"),
    h("comparable"),
    h("member"),
  ];
  const yes = t("exportFile.yes");
  const no = t("exportFile.no");
  const rows: Cell[][] = table.references.map((r) => [
    t(`exportFile.kind.${r.kind}`),
    r.code || null,
    r.kind === "nation" ? t("exportFile.kind.nation") : r.kind === "group" ? t("compare.refGroup", { name: r.name }) : r.name,
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
      t("exportFile.kind.municipality"),
      r.code,
      r.name,
      r.regionName,
      value(r.value, r.withheld),
      r.n,
      r.rank,
      r.change === null ? MISSING_MARK : roundForOutput(unit, r.change),
      r.band ? t(`compare.bands.${r.band}`) : c.indicator.polarity === "neutral" ? t("compare.bandNeutral") : t("compare.notRanked"),
      r.inGroup ? yes : no,
      r.member ? yes : no,
    ]);
  }
  return { header, rows };
}

export type ExportContext = { k: number; extractedAt: string; dataLoadedAt: string | null; focusName: string | null; t: TFunction; locale: string };

function aboutRows(c: ComparisonChoice, x: ExportContext): [string, string][] {
  const { t } = x;
  const a = (key: keyof Strings["exportFile"]["about"]) => t(`exportFile.about.${key}`);
  const selection = [t(`compare.selections.${c.selection}`), c.region ? t("exportFile.about.inRegion", { region: c.region }) : "", x.focusName ? t("exportFile.about.focus", { name: x.focusName }) : ""].join("");
  return [
    [a("indicator"), `${indicatorName(c.indicator, x.locale)} (${c.indicator.code})`],
    [a("definition"), c.indicator.definition],
    [a("source"), c.indicator.source],
    [a("targetGroup"), t(targetGroupKey(c.targetGroup))],
    [a("period"), c.period],
    [a("selection"), selection],
    [a("disclosure"), t("exportFile.about.disclosureText", { k: x.k, withheld: WITHHELD_MARK, missing: MISSING_MARK })],
    [a("band"), a("bandText")],
    [a("extracted"), x.extractedAt],
    [a("loaded"), x.dataLoadedAt ?? MISSING_MARK],
  ];
}

export async function comparisonXlsx(c: ComparisonChoice, table: ComparisonTable, x: ExportContext): Promise<Buffer> {
  const { header, rows } = exportRows(c, table, x.t);
  const wb = new ExcelJS.Workbook();
  wb.creator = x.t("app.name");
  wb.created = new Date(x.extractedAt);
  const data = wb.addWorksheet(x.t("exportFile.sheetData"), { views: [{ state: "frozen", ySplit: 1 }] });
  data.addRow(header).font = { bold: true };
  for (const r of rows) data.addRow(r.map(safeCell));
  data.columns.forEach((col, i) => {
    col.width = [22, 7, 34, 22, 12, 14, 7, 18, 22, 15, 16][i] ?? 14;
  });
  const decimals = c.indicator.unit === "percent" || c.indicator.unit === "grade" ? "0.0" : "#,##0";
  data.getColumn(5).numFmt = decimals;
  data.getColumn(8).numFmt = decimals;
  const about = wb.addWorksheet(x.t("exportFile.sheetAbout"));
  about.addRow([x.t("exportFile.about.field"), x.t("exportFile.about.content")]).font = { bold: true };
  for (const r of aboutRows(c, x)) about.addRow(r.map(safeCell));
  about.getColumn(1).width = 16;
  about.getColumn(2).width = 100;
  about.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV that Danish Excel opens right: BOM, semicolons, decimal comma, no thousands separator. */
export function comparisonCsv(c: ComparisonChoice, table: ComparisonTable, t: TFunction): string {
  const { header, rows } = exportRows(c, table, t);
  const cell = (v: Cell) => (typeof v === "number" ? String(v).replace(".", ",") : safeCell(v ?? ""));
  return `\uFEFF${stringify([header, ...rows.map((r) => r.map(cell))], { delimiter: ";", record_delimiter: "\r\n" })}`;
}
