/**
 * The one number and date formatter. Every figure shown to a person goes through here, so a
 * percentage, a count and an amount look the same on every page, chart and table. Danish pages
 * format as da-DK ("48 %", "1.227", "+1,5 pct.point"), English pages as en-GB ("48%", "1,227",
 * "+1.5 percentage points"); components take theirs from `useFormat()` (app/i18n/react.tsx).
 */
import type { Unit } from "./catalogue";

export const WITHHELD_MARK = "..";
export const MISSING_MARK = "–";

export type FormatLocale = "da" | "en";

export type Formatter = {
  /** `1.227` / `1,227` */
  integer(n: number): string;
  /** Two decimals, for indices and r²: `0,36` / `0.36`. */
  hundredths(n: number): string;
  decimal(n: number): string;
  /** A value in the indicator's unit: `48 %`, `1.227`, `73.100 kr.`, `5,7` (English: `48%`, `1,227`, `DKK 73,100`, `5.7`). */
  value(value: number | null | undefined, unit: Unit, opts?: { withheld?: boolean }): string;
  /** A change between two periods: percentage points for rates, else the unit's own. */
  change(delta: number | null | undefined, unit: Unit): string;
  /** Precise value for tables under charts, where a decimal helps: `48,2 %`. */
  valuePrecise(value: number | null | undefined, unit: Unit, opts?: { withheld?: boolean }): string;
  /** A date or timestamp: `1. marts 2025` / `1 March 2025` (Danish time, so server and browser agree). */
  date(iso: string): string;
  /** A quarter in words for readers, not Danmarks Statistik's notation: `2025K3` → `3. kvartal 2025` / `Q3 2025`. */
  quarter(text: string): string;
  /** Items joined as a reader writes them: `a, b og c` / `a, b and c`. */
  list(items: string[]): string;
  /** A period in a table: a quarter short (`3. kvt. 2025` / `Q3 2025`), a year or school year as written. */
  period(text: string): string;
};

const WORDS: Record<
  FormatLocale,
  {
    intl: string;
    percent: (s: string) => string;
    kr: (s: string) => string;
    points: (s: string) => string;
    quarter: (q: string, y: string) => string;
    quarterShort: (q: string, y: string) => string;
  }
> = {
  da: {
    intl: "da-DK",
    percent: (s) => `${s} %`,
    kr: (s) => `${s} kr.`,
    points: (s) => `${s} pct.point`,
    quarter: (q, y) => `${q}. kvartal ${y}`,
    quarterShort: (q, y) => `${q}. kvt. ${y}`,
  },
  en: {
    intl: "en-GB",
    percent: (s) => `${s}%`,
    kr: (s) => `DKK ${s}`,
    points: (s) => `${s} percentage points`,
    quarter: (q, y) => `Q${q} ${y}`,
    quarterShort: (q, y) => `Q${q} ${y}`,
  },
};

const QUARTER = /^(\d{4})K([1-4])$/;

function build(locale: FormatLocale): Formatter {
  const w = WORDS[locale];
  const integer = new Intl.NumberFormat(w.intl, { maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat(w.intl, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const twoDecimals = new Intl.NumberFormat(w.intl, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const signedOne = new Intl.NumberFormat(w.intl, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" });
  const signedInt = new Intl.NumberFormat(w.intl, { maximumFractionDigits: 0, signDisplay: "exceptZero" });
  const longDate = new Intl.DateTimeFormat(w.intl, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Copenhagen" });
  const conjunction = new Intl.ListFormat(w.intl, { style: "long", type: "conjunction" });
  const absent = (v: number | null | undefined): v is null | undefined => v === null || v === undefined || Number.isNaN(v);
  const value: Formatter["value"] = (v, unit, opts = {}) => {
    if (opts.withheld) return WITHHELD_MARK;
    if (absent(v)) return MISSING_MARK;
    switch (unit) {
      case "percent":
        return w.percent(integer.format(v));
      case "count":
        return integer.format(v);
      case "kr":
        return w.kr(integer.format(v));
      case "grade":
      case "ratio":
        return oneDecimal.format(v);
    }
  };
  return {
    integer: (n) => integer.format(n),
    hundredths: (n) => twoDecimals.format(n),
    decimal: (n) => oneDecimal.format(n),
    value,
    change(delta, unit) {
      if (absent(delta)) return MISSING_MARK;
      switch (unit) {
        case "percent":
          return w.points(signedOne.format(delta));
        case "count":
          return signedInt.format(delta);
        case "kr":
          return w.kr(signedInt.format(delta));
        case "grade":
        case "ratio":
          return signedOne.format(delta);
      }
    },
    valuePrecise(v, unit, opts = {}) {
      if (opts.withheld) return WITHHELD_MARK;
      if (absent(v)) return MISSING_MARK;
      if (unit === "percent") return w.percent(oneDecimal.format(v));
      return value(v, unit);
    },
    date(iso) {
      const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
      return Number.isNaN(d.getTime()) ? iso : longDate.format(d);
    },
    list: (items) => conjunction.format(items),
    quarter(text) {
      const m = QUARTER.exec(text);
      return m ? w.quarter(m[2]!, m[1]!) : text;
    },
    period(text) {
      const m = QUARTER.exec(text);
      return m ? w.quarterShort(m[2]!, m[1]!) : text;
    },
  };
}

const formatters = new Map<FormatLocale, Formatter>();

export function formatterFor(locale: FormatLocale): Formatter {
  let f = formatters.get(locale);
  if (!f) formatters.set(locale, (f = build(locale)));
  return f;
}

// The Danish formatter by name, for what is Danish whatever the page (files for Danish Excel,
// server texts written in Danish).
const da = formatterFor("da");
export const formatValue = da.value;
export const formatChange = da.change;
export const formatValuePrecise = da.valuePrecise;
export const formatDate = da.date;

/** Danish alphabetical order (æ, ø, å last) for names, on every page. One collator: `localeCompare(x, "da")` builds one per call, 4× slower. */
export const compareDa: (a: string, b: string) => number = new Intl.Collator("da").compare;
