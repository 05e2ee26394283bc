import { describe, expect, it } from "vitest";
import { DEFAULT_DISCLOSURE, isPrimaryWithheld, type DisclosureConfig } from "~/domain/disclosure";

const K = DEFAULT_DISCLOSURE.k;
const count = (n: number | null) => ({ numerator: n, denominator: null, value: null });
const rate = (t: number | null, n: number | null) => ({ numerator: t, denominator: n, value: null });
const mean = (n: number | null, value: number | null = 7.2) => ({ numerator: null, denominator: n, value });

describe("primary suppression rules", () => {
  it("uses k = 5 by default", () => {
    expect(DEFAULT_DISCLOSURE).toEqual({ k: 5 });
  });

  describe("counts", () => {
    it.each([
      [0, false],
      [1, true],
      [K - 1, true],
      [K, false],
      [K + 1, false],
      [250, false],
    ])("count %i → withheld %s", (n, withheld) => {
      expect(isPrimaryWithheld("count", count(n), DEFAULT_DISCLOSURE)).toBe(withheld);
    });

    it("counts 0/1/4/5 with k = 5", () => {
      expect([0, 1, 4, 5].map((n) => isPrimaryWithheld("count", count(n), { k: 5 }))).toEqual([false, true, true, false]);
    });

    it("treats a missing count as no data, not withheld", () => {
      expect(isPrimaryWithheld("count", count(null), DEFAULT_DISCLOSURE)).toBe(false);
    });
  });

  describe("rates", () => {
    it.each([
      // numerator, denominator, withheld, why
      [25, 50, false, "both sides large"],
      [0, 50, false, "zero may be shown"],
      [50, 50, false, "denominator − numerator = 0 may be shown"],
      [1, 50, true, "numerator 1"],
      [K - 1, 50, true, "numerator k−1"],
      [K, 50, false, "numerator k"],
      [47, 50, true, "47 of 50 reveals the 3 who did not"],
      [50 - (K - 1), 50, true, "denominator − numerator = k−1"],
      [50 - K, 50, false, "denominator − numerator = k (45 of 50)"],
      [49, 50, true, "denominator − numerator = 1"],
      [0, K - 1, true, "denominator k−1"],
      [K - 1, K - 1, true, "denominator k−1, all of them"],
      [0, 1, true, "denominator 1"],
      [0, K, false, "denominator k, none of them"],
      [K, K, false, "denominator k, all of them"],
      [2, K, true, "denominator k, but 2 of them"],
    ])("%i of %i → withheld %s (%s)", (t, n, withheld) => {
      expect(isPrimaryWithheld("rate", rate(t, n), DEFAULT_DISCLOSURE)).toBe(withheld);
    });

    it("treats denominator 0 (or missing) as no data, not withheld", () => {
      expect(isPrimaryWithheld("rate", rate(0, 0), DEFAULT_DISCLOSURE)).toBe(false);
      expect(isPrimaryWithheld("rate", rate(null, 0), DEFAULT_DISCLOSURE)).toBe(false);
      expect(isPrimaryWithheld("rate", rate(null, null), DEFAULT_DISCLOSURE)).toBe(false);
    });

    it("withholds a small denominator even when the numerator is missing", () => {
      expect(isPrimaryWithheld("rate", rate(null, 3), DEFAULT_DISCLOSURE)).toBe(true);
      expect(isPrimaryWithheld("rate", rate(null, 30), DEFAULT_DISCLOSURE)).toBe(false);
    });
  });

  describe("means (grade average, kr per child)", () => {
    it.each([
      [0, false],
      [1, true],
      [K - 1, true],
      [K, false],
      [120, false],
    ])("covering %i children → withheld %s", (n, withheld) => {
      expect(isPrimaryWithheld("mean", mean(n), DEFAULT_DISCLOSURE)).toBe(withheld);
    });

    it("looks at the children covered, not at the value", () => {
      expect(isPrimaryWithheld("mean", mean(K, 0), DEFAULT_DISCLOSURE)).toBe(false);
      expect(isPrimaryWithheld("mean", mean(K, 2), DEFAULT_DISCLOSURE)).toBe(false);
      expect(isPrimaryWithheld("mean", mean(K - 1, 45_000), DEFAULT_DISCLOSURE)).toBe(true);
    });

    it("treats a missing denominator as no data", () => {
      expect(isPrimaryWithheld("mean", mean(null, null), DEFAULT_DISCLOSURE)).toBe(false);
    });
  });

  describe("k is configuration", () => {
    const k3: DisclosureConfig = { k: 3 };
    const k10: DisclosureConfig = { k: 10 };

    it("k = 3", () => {
      expect([0, 1, 2, 3, 4].map((n) => isPrimaryWithheld("count", count(n), k3))).toEqual([false, true, true, false, false]);
      expect(isPrimaryWithheld("rate", rate(4, 50), k3)).toBe(false); // withheld at k = 5
      expect(isPrimaryWithheld("rate", rate(47, 50), k3)).toBe(false); // 3 who did not: k is 3
      expect(isPrimaryWithheld("rate", rate(48, 50), k3)).toBe(true);
      expect(isPrimaryWithheld("rate", rate(0, 2), k3)).toBe(true);
      expect(isPrimaryWithheld("rate", rate(0, 3), k3)).toBe(false);
      expect(isPrimaryWithheld("mean", mean(2), k3)).toBe(true);
      expect(isPrimaryWithheld("mean", mean(3), k3)).toBe(false);
    });

    it("k = 10", () => {
      expect([0, 1, 5, 9, 10].map((n) => isPrimaryWithheld("count", count(n), k10))).toEqual([false, true, true, true, false]);
      expect(isPrimaryWithheld("rate", rate(5, 50), k10)).toBe(true); // shown at k = 5
      expect(isPrimaryWithheld("rate", rate(45, 50), k10)).toBe(true); // 5 who did not
      expect(isPrimaryWithheld("rate", rate(40, 50), k10)).toBe(false);
      expect(isPrimaryWithheld("rate", rate(0, 9), k10)).toBe(true);
      expect(isPrimaryWithheld("rate", rate(10, 10), k10)).toBe(false);
      expect(isPrimaryWithheld("mean", mean(9), k10)).toBe(true);
      expect(isPrimaryWithheld("mean", mean(10), k10)).toBe(false);
    });

    it("k = 1 withholds nothing; an invalid k is rejected", () => {
      expect(isPrimaryWithheld("count", count(1), { k: 1 })).toBe(false);
      expect(isPrimaryWithheld("rate", rate(1, 1), { k: 1 })).toBe(false);
      expect(() => isPrimaryWithheld("count", count(1), { k: 0 })).toThrow(RangeError);
      expect(() => isPrimaryWithheld("count", count(1), { k: 2.5 })).toThrow(RangeError);
    });
  });
});
