/**
 * The trajectory of a quantitative joint target and its computed status.
 *
 * The expected value for a period is the straight line from the baseline to the target value
 * at the deadline. The status for the latest period with data is:
 * - `naaet`: the target value is reached (at or beyond it, in the target's direction);
 * - `paa-sporet`: at or beyond the line;
 * - `i-risiko`: behind the line by at most the tolerance (default a third of the distance
 *   from baseline to target);
 * - `bagud`: further behind, or the deadline has passed without reaching the target;
 * - `ingen-data`: the latest figure is withheld or missing. The status says so rather than guessing.
 */
import type { Polarity } from "../catalogue";

export const COMPUTED_STATUSES = ["paa-sporet", "i-risiko", "bagud", "naaet", "ingen-data"] as const;
export type ComputedStatus = (typeof COMPUTED_STATUSES)[number];

/** A point on a time axis in years (see periodPosition), with its value. */
export type TrajectoryPoint = { position: number; value: number };

export type Trajectory = {
  polarity: Polarity;
  baseline: TrajectoryPoint;
  /** The target value at the deadline. */
  target: TrajectoryPoint;
  /** Share of the baseline–target distance that counts as "at risk" rather than "behind". */
  toleranceShare?: number;
};

export const DEFAULT_TOLERANCE_SHARE = 1 / 3;

/**
 * +1 when more is better, −1 when less is. The indicator's polarity decides ("at least 60 %" on
 * a higher-is-better indicator is reached at 64 % even from a baseline of 65 %); only a neutral
 * indicator takes its direction from baseline to target.
 */
export function direction(t: Trajectory): 1 | -1 {
  if (t.polarity === "higher") return 1;
  if (t.polarity === "lower") return -1;
  return t.target.value < t.baseline.value ? -1 : 1;
}

/** The baseline already meets the target: the line means nothing, the target itself is the reference. */
export function reachedAtBaseline(t: Trajectory): boolean {
  return (t.baseline.value - t.target.value) * direction(t) >= 0;
}

/** The value expected at a position: on the line between baseline and deadline, the target value after it. */
export function expectedAt(t: Trajectory, position: number): number {
  if (position <= t.baseline.position) return t.baseline.value;
  if (position >= t.target.position || t.target.position === t.baseline.position) return t.target.value;
  const share = (position - t.baseline.position) / (t.target.position - t.baseline.position);
  return t.baseline.value + share * (t.target.value - t.baseline.value);
}

/** The "at risk" band in the indicator's unit. Without a distance (target = baseline) it is 5 % of the target, at least 1. */
export function tolerance(t: Trajectory): number {
  const distance = Math.abs(t.target.value - t.baseline.value);
  const share = t.toleranceShare ?? DEFAULT_TOLERANCE_SHARE;
  return distance > 0 ? share * distance : Math.max(Math.abs(t.target.value) * 0.05, 1);
}

export type Observed = { position: number; value: number | null; withheld?: boolean } | null | undefined;

export function computeStatus(t: Trajectory, latest: Observed): ComputedStatus {
  if (!latest || latest.withheld || latest.value === null || !Number.isFinite(latest.value)) return "ingen-data";
  const d = direction(t);
  // how far beyond (positive) or short of (negative) a reference value, in the target's direction
  const ahead = (reference: number) => (latest.value! - reference) * d;
  if (ahead(t.target.value) >= 0) return "naaet";
  if (latest.position >= t.target.position) return "bagud"; // the deadline has come without reaching the target
  const behind = -ahead(reachedAtBaseline(t) ? t.target.value : expectedAt(t, latest.position));
  if (behind <= 0) return "paa-sporet";
  return behind <= tolerance(t) ? "i-risiko" : "bagud";
}

/** Progress from baseline to target as a share 0..1 (for the progress bar), or null without data. */
export function progress(t: Trajectory, latest: Observed): number | null {
  if (!latest || latest.withheld || latest.value === null) return null;
  const distance = t.target.value - t.baseline.value;
  if (reachedAtBaseline(t)) return computeStatus(t, latest) === "naaet" ? 1 : 0;
  return Math.min(1, Math.max(0, (latest.value - t.baseline.value) / distance));
}
