/**
 * Periods in Danmarks Statistik notation: year `2024`, school year `2023/24`, quarter `2025K3`.
 * The one place that parses, validates, orders and steps periods.
 */
export type Cadence = "year" | "school_year" | "quarter";

export type Period =
  | { cadence: "year"; year: number }
  | { cadence: "school_year"; year: number } // 2023/24 → year 2023 (the autumn it starts)
  | { cadence: "quarter"; year: number; quarter: 1 | 2 | 3 | 4 };

const YEAR = /^(\d{4})$/;
const SCHOOL_YEAR = /^(\d{4})\/(\d{2})$/;
const QUARTER = /^(\d{4})K([1-4])$/;

export function parsePeriod(text: string): Period | null {
  const s = text.trim();
  let m = YEAR.exec(s);
  if (m) return { cadence: "year", year: Number(m[1]) };
  m = SCHOOL_YEAR.exec(s);
  if (m) {
    const year = Number(m[1]);
    if ((year + 1) % 100 !== Number(m[2])) return null;
    return { cadence: "school_year", year };
  }
  m = QUARTER.exec(s);
  if (m) return { cadence: "quarter", year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
  return null;
}

export function formatPeriod(p: Period): string {
  switch (p.cadence) {
    case "year":
      return String(p.year);
    case "school_year":
      return `${p.year}/${String((p.year + 1) % 100).padStart(2, "0")}`;
    case "quarter":
      return `${p.year}K${p.quarter}`;
  }
}

/** Integer key that orders periods of one cadence; stored beside the text for indexed ordering. */
export function periodKey(p: Period): number {
  return p.cadence === "quarter" ? p.year * 10 + p.quarter : p.year * 10;
}

export function periodKeyOf(text: string): number {
  const p = parsePeriod(text);
  if (!p) throw new Error(`Not a period: ${text}`);
  return periodKey(p);
}

export function isPeriodOfCadence(text: string, cadence: Cadence): boolean {
  return parsePeriod(text)?.cadence === cadence;
}

export function comparePeriods(a: string, b: string): number {
  return periodKeyOf(a) - periodKeyOf(b);
}

export function nextPeriod(p: Period): Period {
  if (p.cadence === "quarter") {
    return p.quarter === 4
      ? { cadence: "quarter", year: p.year + 1, quarter: 1 }
      : { cadence: "quarter", year: p.year, quarter: (p.quarter + 1) as 1 | 2 | 3 | 4 };
  }
  return { ...p, year: p.year + 1 };
}

export function previousPeriod(p: Period): Period {
  if (p.cadence === "quarter") {
    return p.quarter === 1
      ? { cadence: "quarter", year: p.year - 1, quarter: 4 }
      : { cadence: "quarter", year: p.year, quarter: (p.quarter - 1) as 1 | 2 | 3 | 4 };
  }
  return { ...p, year: p.year - 1 };
}

/** Every period of a cadence from `first` to `last` inclusive, in order. */
export function periodRange(first: string, last: string): string[] {
  const a = parsePeriod(first);
  const b = parsePeriod(last);
  if (!a || !b || a.cadence !== b.cadence) throw new Error(`Not a period range: ${first}–${last}`);
  const out: string[] = [];
  for (let p = a; periodKey(p) <= periodKey(b); p = nextPeriod(p)) out.push(formatPeriod(p));
  return out;
}

/** Fractional position on a time axis in years, for trend lines across periods of one cadence. */
export function periodPosition(p: Period): number {
  return p.cadence === "quarter" ? p.year + (p.quarter - 1) / 4 : p.year;
}

/** The last day of a period (ISO date): a school year ends 31 July, a calendar year 31 December, a quarter on its last day. */
export function periodEndDate(p: Period): string {
  if (p.cadence === "year") return `${p.year}-12-31`;
  if (p.cadence === "school_year") return `${p.year + 1}-07-31`;
  return `${p.year}-${["03-31", "06-30", "09-30", "12-31"][p.quarter - 1]}`;
}

/** Whether a period had ended by the last day of a quarter: only such periods are observed "as of" the quarter. */
export function endedBy(period: string, quarter: string): boolean {
  const p = parsePeriod(period);
  const q = parsePeriod(quarter);
  if (!p || !q || q.cadence !== "quarter") return false;
  return periodEndDate(p) <= periodEndDate(q);
}
