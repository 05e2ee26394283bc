/**
 * The verdict on one figure against a reference (the nation or the region): better, about the
 * same or worse, by the indicator's polarity. "About the same" when the difference lies within
 * what chance would give for the municipality's n:
 * - a percentage: a two-sided 95 % interval on a proportion, the binomial standard error
 *   sqrt(p0 (1 - p0) / n) with p0 the reference's proportion;
 * - a grade mean: the standard error GRADE_SD / sqrt(n), with an assumed spread of the grades;
 * counts and amounts (not rates) and neutral-polarity indicators are not judged; a withheld or
 * missing figure is "not shown".
 */
import type { Polarity, Unit } from "./catalogue";

export type Verdict = "better" | "same" | "worse" | "not-shown" | "not-judged";
export const VERDICTS: readonly Verdict[] = ["better", "same", "worse", "not-shown", "not-judged"];

/** z for a two-sided 95 % interval. */
export const Z95 = 1.96;
/** The assumed standard deviation of a grade mean's children (the 7-point scale), in grade points. */
export const GRADE_SD = 2.5;

export type Judged = { value: number | null; n: number | null; withheld: boolean };

export function judge(polarity: Polarity, unit: Unit, own: Judged, reference: number | null): Verdict {
  if (own.withheld || own.value === null) return "not-shown";
  if (polarity === "neutral" || reference === null || !own.n || own.n <= 0) return "not-judged";
  let margin: number;
  if (unit === "percent") {
    const p0 = Math.min(Math.max(reference / 100, 0), 1);
    margin = 100 * Z95 * Math.sqrt((p0 * (1 - p0)) / own.n);
  } else if (unit === "grade") {
    margin = (Z95 * GRADE_SD) / Math.sqrt(own.n);
  } else {
    return "not-judged";
  }
  const diff = own.value - reference;
  if (Math.abs(diff) <= margin) return "same";
  const higher = diff > 0;
  return higher === (polarity === "higher") ? "better" : "worse";
}

export function tally(verdicts: readonly Verdict[]): Record<Verdict, number> {
  const out: Record<Verdict, number> = { better: 0, same: 0, worse: 0, "not-shown": 0, "not-judged": 0 };
  for (const v of verdicts) out[v] += 1;
  return out;
}

/** Whether a figure moved the good way between two periods (the challenges page's national direction). */
export function directionOf(polarity: Polarity, first: number, last: number): "better" | "worse" | "same" | "neutral" {
  if (polarity === "neutral") return "neutral";
  if (Math.abs(last - first) < 1e-9) return "same";
  return last > first === (polarity === "higher") ? "better" : "worse";
}
