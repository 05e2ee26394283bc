/**
 * A quantitative target's standing as of a quarter: only periods that had ended by the quarter's
 * last day count as observed. When the newest period is withheld or missing, the status uses the
 * latest shown value and names its period; only without any shown value after the baseline is it
 * "cannot be computed", with the reason.
 */
import type { Polarity } from "../catalogue";
import { endedBy, nextPeriod, parsePeriod, periodKeyOf, periodPosition, periodRange, formatPeriod } from "../periods";
import { computeStatus, progress, type ComputedStatus, type Trajectory } from "./trajectory";

export type SeriesPoint = { period: string; value: number | null; withheld: boolean };
export type Unavailable = "withheld" | "not-measured";

export type QuantitativeProgress = {
  baselineValue: number | null;
  /** The latest value shown (not withheld) after the baseline, as of the quarter. */
  latest: { period: string; value: number | null; withheld: boolean } | null;
  /** The newest period that had ended, when it is not the latest shown one (withheld or not yet measured). */
  newest: { period: string; withheld: boolean } | null;
  computedStatus: ComputedStatus;
  /** Why the status cannot be computed (only with `ingen-data`). */
  unavailable: Unavailable | null;
  progress: number | null;
};

export type QuantitativeDefinition = { polarity: Polarity; baselinePeriod: string; deadlinePeriod: string; targetValue: number };

export type PlannedPoint = {
  period: string;
  actual: number | null;
  withheld: boolean;
  expected: number | null;
  target: number | null;
  planned?: boolean;
};

const position = (period: string) => periodPosition(parsePeriod(period)!);

export function quantitativeProgress(def: QuantitativeDefinition, series: SeriesPoint[], asOf: string): QuantitativeProgress {
  const byPeriod = new Map(series.map((s) => [s.period, s]));
  const base = byPeriod.get(def.baselinePeriod);
  const baselineValue = base && !base.withheld ? base.value : null;
  // the periods after the baseline, up to the deadline, that had ended by the quarter's last day
  const first = formatPeriod(nextPeriod(parsePeriod(def.baselinePeriod)!));
  const window =
    periodKeyOf(first) <= periodKeyOf(def.deadlinePeriod) ? periodRange(first, def.deadlinePeriod).filter((p) => endedBy(p, asOf)) : [];
  const shown = window.filter((p) => {
    const s = byPeriod.get(p);
    return s && !s.withheld && s.value !== null;
  });
  const latestPeriod = shown.at(-1);
  const latest = latestPeriod ? { period: latestPeriod, value: byPeriod.get(latestPeriod)!.value, withheld: false } : null;
  const newestPeriod = window.at(-1);
  const newest =
    newestPeriod && newestPeriod !== latestPeriod
      ? { period: newestPeriod, withheld: Boolean(byPeriod.get(newestPeriod)?.withheld) }
      : null;
  const anyWithheld = base?.withheld || window.some((p) => byPeriod.get(p)?.withheld);
  if (baselineValue === null || !latest) {
    return {
      baselineValue,
      latest,
      newest,
      computedStatus: "ingen-data",
      unavailable: anyWithheld ? "withheld" : "not-measured",
      progress: null,
    };
  }
  const trajectory: Trajectory = {
    polarity: def.polarity,
    baseline: { position: position(def.baselinePeriod), value: baselineValue },
    target: { position: position(def.deadlinePeriod), value: def.targetValue },
  };
  const observed = { position: position(latest.period), value: latest.value };
  return {
    baselineValue,
    latest,
    newest,
    computedStatus: computeStatus(trajectory, observed),
    unavailable: null,
    progress: progress(trajectory, observed),
  };
}

/**
 * The chart's points from baseline to deadline. Periods that had not ended by the quarter carry
 * only the planned line (`planned`), never an observed value.
 */
export function plannedTrend(
  def: Pick<QuantitativeDefinition, "baselinePeriod" | "deadlinePeriod" | "targetValue">,
  baselineValue: number | null,
  series: SeriesPoint[],
  asOf: string,
): PlannedPoint[] {
  const byPeriod = new Map(series.map((s) => [s.period, s]));
  const b = position(def.baselinePeriod);
  const d = position(def.deadlinePeriod);
  return periodRange(def.baselinePeriod, def.deadlinePeriod).map((period) => {
    const observed = endedBy(period, asOf);
    const s = observed ? byPeriod.get(period) : undefined;
    const expected = baselineValue === null ? null : baselineValue + ((position(period) - b) / (d - b)) * (def.targetValue - baselineValue);
    return {
      period,
      actual: s && !s.withheld ? s.value : null,
      withheld: Boolean(s?.withheld),
      expected,
      target: def.targetValue,
      ...(observed ? {} : { planned: true }),
    };
  });
}
