/**
 * Geometry for the SVG charts: round ticks, the range a chart draws, and lines with gaps. Plain
 * functions, so the charts on every page scale and draw their values the same way.
 */
import type { Unit } from "./catalogue";

/** Round axis ticks (steps of 1, 2, 2.5 or 5 × 10ⁿ) covering lo..hi, about `count` of them. */
export function niceTicks(lo: number, hi: number, count = 6): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(count - 1, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.round(v / step) * step);
  return out;
}

/** The value axis: 0–100 for percentages; otherwise round ticks around the values, from zero for bars. */
export function valueAxis(values: readonly number[], unit: Unit, fromZero: boolean): { lo: number; hi: number; ticks: number[] } {
  if (unit === "percent") return { lo: 0, hi: 100, ticks: niceTicks(0, 100) };
  let min = values.length ? Math.min(...values) : 0;
  let max = values.length ? Math.max(...values) : 1;
  if (fromZero) min = Math.min(min, 0);
  if (max === min) max = min + (Math.abs(min) || 1);
  const ticks = niceTicks(min, max, 5);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  const lo = ticks[0] > min ? ticks[0] - step : ticks[0];
  const hi = ticks.at(-1)! < max ? ticks.at(-1)! + step : ticks.at(-1)!;
  return { lo, hi, ticks: niceTicks(lo, hi, 5) };
}

/**
 * An SVG path through the known values, in order; a missing or withheld value (null) breaks the
 * line rather than dropping it to zero. An isolated value is a move alone (draw a dot for it).
 */
export function linePath(values: readonly (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let d = "";
  let open = false;
  values.forEach((v, i) => {
    if (v === null) open = false;
    else {
      d += `${open ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      open = true;
    }
  });
  return d;
}
