import { describe, expect, it } from "vitest";
import {
  comparePeriods,
  formatPeriod,
  isPeriodOfCadence,
  nextPeriod,
  parsePeriod,
  periodKeyOf,
  periodRange,
  previousPeriod,
} from "~/domain/periods";

describe("periods in DST notation", () => {
  it("parses and formats years, school years and quarters", () => {
    for (const s of ["2024", "2023/24", "1999/00", "2025K3"]) expect(formatPeriod(parsePeriod(s)!)).toBe(s);
    expect(parsePeriod("2023/24")).toEqual({ cadence: "school_year", year: 2023 });
    expect(parsePeriod("2025K3")).toEqual({ cadence: "quarter", year: 2025, quarter: 3 });
  });

  it("rejects malformed periods", () => {
    for (const s of ["", "24", "2023/25", "2023-24", "2025K5", "2025Q3", "2025k3", "abcd", "2023/2024"]) {
      expect(parsePeriod(s), s).toBeNull();
    }
  });

  it("orders periods within a cadence, across year boundaries", () => {
    const shuffled = ["2025K1", "2024K4", "2023K2", "2024K1"];
    expect([...shuffled].sort(comparePeriods)).toEqual(["2023K2", "2024K1", "2024K4", "2025K1"]);
    expect(periodKeyOf("2023/24")).toBeLessThan(periodKeyOf("2024/25"));
  });

  it("steps forward and back, wrapping quarters and school years", () => {
    expect(formatPeriod(nextPeriod(parsePeriod("2024K4")!))).toBe("2025K1");
    expect(formatPeriod(previousPeriod(parsePeriod("2025K1")!))).toBe("2024K4");
    expect(formatPeriod(nextPeriod(parsePeriod("1999/00")!))).toBe("2000/01");
  });

  it("lists ranges inclusive", () => {
    expect(periodRange("2023K3", "2024K2")).toEqual(["2023K3", "2023K4", "2024K1", "2024K2"]);
    expect(periodRange("2015/16", "2017/18")).toEqual(["2015/16", "2016/17", "2017/18"]);
    expect(() => periodRange("2015", "2016/17")).toThrow();
  });

  it("checks a period against a cadence", () => {
    expect(isPeriodOfCadence("2023/24", "school_year")).toBe(true);
    expect(isPeriodOfCadence("2023", "school_year")).toBe(false);
    expect(isPeriodOfCadence("2025K3", "quarter")).toBe(true);
  });
});
