/**
 * Figures: what a person sees, computed from raw observation figures.
 * Aggregates (region, nation) are always computed from raw counts, never averaged from
 * percentages, so they stay correct whatever is later withheld.
 */
import type { Measure, Unit } from "./catalogue";
import { measureOf } from "./catalogue";

export type RawFigures = { numerator: number | null; denominator: number | null; value: number | null };

export type Scope =
  | { kind: "municipality"; code: string }
  | { kind: "region"; code: string }
  | { kind: "nation" }
  /** A comparison group (sammenligningsgruppe): the neighbours of the municipality `code`. */
  | { kind: "group"; code: string };

export type Figure = RawFigures & {
  /** Withheld by disclosure control: the raw figures, shown value and n are then all null. */
  /** Why the figure is withheld (ADR 0029): too few children, a small group's shared outcome, or to protect another figure. */
  withheld: "primary" | "attribute" | "secondary" | null;
  indicatorCode: string;
  period: string;
  periodKey: number;
  targetGroup: string;
  breakdown: string;
  scope: Scope;
  /** The figure in the indicator's unit: percent (48.0) for rates, the count, or the mean. */
  shown: number | null;
  /** How many children the figure is about. */
  n: number | null;
  /** For a group: how many members it has and how many of them the figure is computed from. */
  members?: { used: number; of: number };
};

export function valueOf(measure: Measure, raw: RawFigures): number | null {
  switch (measure) {
    case "rate":
      return raw.numerator !== null && raw.denominator ? (100 * raw.numerator) / raw.denominator : null;
    case "count":
      return raw.numerator;
    case "mean":
      return raw.denominator ? raw.value : null;
  }
}

export function childrenCovered(measure: Measure, raw: RawFigures): number | null {
  return measure === "count" ? raw.numerator : raw.denominator;
}

/** Sums raw figures of parts into the raw figures of their whole. */
export function combine(measure: Measure, parts: RawFigures[]): RawFigures {
  if (parts.length === 0) return { numerator: null, denominator: null, value: null };
  if (measure === "mean") {
    let weight = 0;
    let total = 0;
    for (const p of parts) {
      if (p.value === null || !p.denominator) continue;
      weight += p.denominator;
      total += p.value * p.denominator;
    }
    return { numerator: null, denominator: weight, value: weight ? total / weight : null };
  }
  let numerator = 0;
  let denominator = 0;
  for (const p of parts) {
    numerator += p.numerator ?? 0;
    denominator += p.denominator ?? 0;
  }
  return { numerator, denominator: measure === "rate" ? denominator : null, value: null };
}

/**
 * A region's or the nation's stored figures: the sums of its municipalities' raw figures. A sum
 * skips missing figures and is missing when there is nothing to add (SQL's sum()); a mean is
 * weighted by n over the parts that have a value, while n counts every part. Reals are added as
 * SQLite adds them (Kahan–Babuška–Neumaier), so these are the figures the SQL that computed them
 * before gave.
 */
export function aggregateOf(parts: readonly RawFigures[]): RawFigures {
  let numerator: number | null = null;
  let denominator: number | null = null;
  let weight: number | null = null;
  let sum = 0;
  let err = 0;
  let anyProduct = false;
  for (const p of parts) {
    if (p.numerator !== null) numerator = (numerator ?? 0) + p.numerator;
    if (p.denominator !== null) denominator = (denominator ?? 0) + p.denominator;
    if (p.value === null || p.denominator === null) continue;
    weight = (weight ?? 0) + p.denominator;
    const r = p.value * p.denominator;
    const t = sum + r;
    err += Math.abs(sum) > Math.abs(r) ? sum - t + r : r - t + sum;
    sum = t;
    anyProduct = true;
  }
  const total = Number.isFinite(err) ? sum + err : sum;
  return { numerator, denominator, value: anyProduct && weight ? total / weight : null };
}

export function toFigure(unit: Unit, base: Omit<Figure, "shown" | "n" | "members">): Figure {
  const measure = measureOf(unit);
  const shownAtAll = !base.withheld;
  // field by field rather than a spread: a page builds hundreds of these per request
  return {
    indicatorCode: base.indicatorCode,
    period: base.period,
    periodKey: base.periodKey,
    targetGroup: base.targetGroup,
    breakdown: base.breakdown,
    scope: base.scope,
    withheld: base.withheld,
    numerator: shownAtAll ? base.numerator : null,
    denominator: shownAtAll ? base.denominator : null,
    value: shownAtAll ? base.value : null,
    shown: shownAtAll ? valueOf(measure, base) : null,
    n: shownAtAll ? childrenCovered(measure, base) : null,
  };
}

/** Change of the shown value between two figures (percentage points for rates). */
export function changeBetween(current: Figure | undefined, previous: Figure | undefined): number | null {
  if (!current || !previous || current.shown === null || previous.shown === null) return null;
  return current.shown - previous.shown;
}

/**
 * A value for a small picture only, such as a sparkline 32 pixels high: two decimals are more
 * than it can draw, and the page sends these with every visit. Never for a figure shown as text.
 */
export function forDrawing(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

/** Rounded for machine output: one decimal for rates and grades, whole numbers otherwise. */
export function roundForOutput(unit: Unit, shown: number | null): number | null {
  if (shown === null) return null;
  return unit === "percent" || unit === "grade" || unit === "ratio" ? Math.round(shown * 10) / 10 : Math.round(shown);
}
