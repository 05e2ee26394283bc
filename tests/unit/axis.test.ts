import { describe, expect, it } from "vitest";
import { linePath, niceTicks, valueAxis } from "~/domain/axis";

describe("chart axes", () => {
  it("picks round axis ticks", () => {
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(10291, 21604)).toEqual([12500, 15000, 17500, 20000]);
  });

  it("draws percentages from 0 to 100 whatever the values", () => {
    expect(valueAxis([41.2, 55], "percent", false)).toEqual({ lo: 0, hi: 100, ticks: [0, 20, 40, 60, 80, 100] });
  });

  it("covers every value with round ends, so no line or bar leaves the chart", () => {
    const axis = valueAxis([10291, 21604], "kr", false);
    expect(axis.lo).toBeLessThanOrEqual(10291);
    expect(axis.hi).toBeGreaterThanOrEqual(21604);
    expect(axis.ticks[0]).toBe(axis.lo);
    expect(axis.ticks.at(-1)).toBe(axis.hi);
    expect(axis).toEqual({ lo: 10000, hi: 25000, ticks: [10000, 15000, 20000, 25000] });
  });

  it("starts bars at zero, and gives a flat series some height", () => {
    expect(valueAxis([140, 180], "count", true).lo).toBe(0);
    const flat = valueAxis([7, 7], "grade", false);
    expect(flat.hi).toBeGreaterThan(flat.lo);
    expect(valueAxis([], "count", true)).toEqual({ lo: 0, hi: 1, ticks: niceTicks(0, 1, 5) });
  });
});

describe("lines with gaps", () => {
  it("breaks the line at a missing value instead of drawing it as zero", () => {
    const x = (i: number) => i * 10;
    const y = (v: number) => 100 - v;
    expect(linePath([50, 40, null, 30, 20], x, y)).toBe("M0.0,50.0L10.0,60.0M30.0,70.0L40.0,80.0");
    // an isolated value is a move alone: the charts draw a dot for it
    expect(linePath([null, 45, null], x, y)).toBe("M10.0,55.0");
    expect(linePath([null, null], x, y)).toBe("");
  });
});
