/**
 * The one number formatter (da-DK). Every figure shown to a person goes through here, so a
 * percentage, a count and an amount look the same on every page, chart and table.
 */
import type { Unit } from "./catalogue";

export const WITHHELD_MARK = "..";
export const MISSING_MARK = "–";

const integer = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const signedOne = new Intl.NumberFormat("da-DK", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: "exceptZero",
});
const signedInt = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0, signDisplay: "exceptZero" });

const danish = new Intl.Collator("da");

/** Danish alphabetical order (æ, ø, å last). One collator: `localeCompare(x, "da")` builds one per call, 4× slower. */
export const compareDa: (a: string, b: string) => number = danish.compare;

export function formatInteger(n: number): string {
  return integer.format(n);
}

const twoDecimals = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Two decimals, for indices and r²: `0,36`. */
export function formatHundredths(n: number): string {
  return twoDecimals.format(n);
}

export function formatDecimal(n: number): string {
  return oneDecimal.format(n);
}

/** A value in the indicator's unit: `48 %`, `1.227`, `73.100 kr.`, `5,7`. */
export function formatValue(value: number | null | undefined, unit: Unit, opts: { withheld?: boolean } = {}): string {
  if (opts.withheld) return WITHHELD_MARK;
  if (value === null || value === undefined || Number.isNaN(value)) return MISSING_MARK;
  switch (unit) {
    case "percent":
      return `${integer.format(value)} %`;
    case "count":
      return integer.format(value);
    case "kr":
      return `${integer.format(value)} kr.`;
    case "grade":
      return oneDecimal.format(value);
  }
}

/** A change between two periods: percentage points for rates, else the unit's own. */
export function formatChange(delta: number | null | undefined, unit: Unit): string {
  if (delta === null || delta === undefined || Number.isNaN(delta)) return MISSING_MARK;
  switch (unit) {
    case "percent":
      return `${signedOne.format(delta)} pct.point`;
    case "count":
      return signedInt.format(delta);
    case "kr":
      return `${signedInt.format(delta)} kr.`;
    case "grade":
      return signedOne.format(delta);
  }
}

/** Precise value for tables under charts, where a decimal helps: `48,2 %`. */
export function formatValuePrecise(value: number | null | undefined, unit: Unit, opts: { withheld?: boolean } = {}): string {
  if (opts.withheld) return WITHHELD_MARK;
  if (value === null || value === undefined || Number.isNaN(value)) return MISSING_MARK;
  if (unit === "percent") return `${oneDecimal.format(value)} %`;
  return formatValue(value, unit);
}

const longDate = new Intl.DateTimeFormat("da-DK", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Copenhagen" });

/** A date or timestamp as Danes write it: `1. marts 2025` (Danish time, so server and browser agree). */
export function formatDate(iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : longDate.format(d);
}
