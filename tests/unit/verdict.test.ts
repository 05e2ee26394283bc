import { describe, expect, it } from "vitest";
import { judge, tally, type Verdict } from "~/domain/verdict";

const shown = (value: number, n: number) => ({ value, n, withheld: false });

describe("the verdict against a reference (nation or region)", () => {
  it("calls a percentage better or worse only beyond a two-sided 95 % binomial interval for the municipality's n", () => {
    // n = 100 against 50 %: the margin is 1.96 * sqrt(.25/100) = 9.8 points
    expect(judge("higher", "percent", shown(59, 100), 50)).toBe("same");
    expect(judge("higher", "percent", shown(61, 100), 50)).toBe("better");
    expect(judge("higher", "percent", shown(39, 100), 50)).toBe("worse");
    // with many children a smaller difference counts
    expect(judge("higher", "percent", shown(53, 2000), 50)).toBe("better");
  });

  it("follows the indicator's polarity", () => {
    expect(judge("lower", "percent", shown(30, 400), 45)).toBe("better");
    expect(judge("lower", "percent", shown(60, 400), 45)).toBe("worse");
  });

  it("does not judge neutral indicators, counts, withheld or missing figures", () => {
    expect(judge("neutral", "percent", shown(80, 400), 20)).toBe("not-judged");
    expect(judge("higher", "count", shown(80, 80), 20)).toBe("not-judged");
    expect(judge("higher", "percent", { value: null, n: null, withheld: true }, 50)).toBe("not-shown");
    expect(judge("higher", "percent", { value: null, n: null, withheld: false }, 50)).toBe("not-shown");
    expect(judge("higher", "percent", shown(50, 100), null)).toBe("not-judged");
  });

  it("judges a grade mean against an assumed spread of 2.5 grade points", () => {
    // margin 1.96 * 2.5 / sqrt(25) = 0.98
    expect(judge("higher", "grade", shown(6.5, 25), 7.2)).toBe("same");
    expect(judge("higher", "grade", shown(6.0, 25), 7.2)).toBe("worse");
  });

  it("tallies verdicts, each indicator once", () => {
    const vs: Verdict[] = ["better", "same", "worse", "worse", "not-shown", "not-judged"];
    expect(tally(vs)).toEqual({ better: 1, same: 1, worse: 2, "not-shown": 1, "not-judged": 1 });
  });
});
