import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { discountedScale, irr, isConventional, npv } from "~/domain/investments/finance";
import { computeInvestment, paybackYear, sensitivity } from "~/domain/investments/model";
import { EVALUATION_SETUP, HOERSHOLM, learningCaseload, learningRunningCost, template } from "~/domain/investments/templates";

const hundreds = (x: number) => Math.round(x / 100) * 100;

describe("the learning-environment model (002 ch. 7)", () => {
  const t = template("laeringsmiljoe");

  it("runs at 1,510,500 kr. a year without a project leader: the mean of table 7-2, at 20.67 children", () => {
    expect(learningRunningCost).toBe(1_510_500);
    expect(learningCaseload).toBe(20.67);
    expect(computeInvestment(t.model).years[1].municipality.costs).toBe(1_510_500);
  });

  it("sets up for 982,200 kr. per municipality, 47,500 kr. per child", () => {
    const r = computeInvestment(t.model);
    expect(r.years[0].municipality.costs).toBe(EVALUATION_SETUP + 1_510_500);
    expect(hundreds(r.setupCostPerChild!)).toBe(47_500);
  });

  it("costs 100,700 kr. per child at 15 children, 60,400 at 25 and 73,100 at 20.67 (figure 7-3's note)", () => {
    const at = (n: number) => computeInvestment({ ...t.model, childrenPerYear: n }).runningCostPerChildPerYear!;
    expect(hundreds(at(15))).toBe(100_700);
    expect(at(15)).toBe(100_700);
    expect(hundreds(at(25))).toBe(60_400);
    expect(hundreds(at(20.67))).toBe(73_100);
  });

  it("has no gains of its own: only costs, no IRR and no payback", () => {
    const r = computeInvestment(t.model);
    expect(r.totals.municipality.gains).toBe(0);
    expect(r.irr).toBeNull();
    expect(r.paybackYear).toBeNull();
    expect(r.npv).toBeLessThan(0);
  });
});

describe("the SØM archetypes (002 §7.2)", () => {
  it("A: the school saves (4,941 − 1,477) × 40 = 138,560 kr. a year; net +65,460, which the source rounds down to 65,400", () => {
    const r = computeInvestment(template("soem-a").model);
    expect(r.gainPerSuccessfulChildPerYear).toEqual([138_560]);
    expect(r.netPerChildPerYear).toBeCloseTo(65_460, 6);
    // the source writes 138,560 as "ca. 138.500" and 65,460 as 65,400: rounded down to whole hundreds
    expect(Math.floor(138_560 / 100) * 100).toBe(138_500);
    expect(Math.floor(r.netPerChildPerYear! / 100) * 100).toBe(65_400);
    expect(r.years.every((y) => y.parties.skole.net === 65_460)).toBe(true);
  });

  it("B: special education in a mainstream class costs more than a special class: net −94,300 kr. with the running cost 73,100", () => {
    const r = computeInvestment(template("soem-b").model);
    expect(r.gainPerSuccessfulChildPerYear).toEqual([(4_411 - 4_941) * 40]);
    expect(r.netPerChildPerYear).toBeCloseTo(-94_300, 6);
    expect(r.costPerChildPerYear).toBeCloseTo(73_100 + 21_200, 6);
  });

  it("C: from an internal school (307,909 kr. a year, Joanna's 2023 tariff) to a mainstream class with support is positive", () => {
    const r = computeInvestment(template("soem-c").model);
    expect(r.gainPerSuccessfulChildPerYear[0]).toBeCloseTo(307_909.14 - 4_941 * 40, 6);
    expect(r.netPerChildPerYear).toBeCloseTo(307_909.14 - 197_640 - 73_100, 6);
    expect(r.netPerChildPerYear!).toBeGreaterThan(0);
    expect(r.paybackYear).toBe(1);
  });

  it("scales with the success rate: at 50 % archetype A's gain halves", () => {
    const m = template("soem-a").model;
    const r = computeInvestment({ ...m, successRate: 0.5 });
    expect(r.netPerChildPerYear).toBeCloseTo(138_560 / 2 - 73_100, 6);
  });
});

describe("Hørsholm's social impact bond (000)", () => {
  const t = template("hoersholm-sib");
  const r = computeInvestment(t.model);

  it("has 16 children over 8 years, a 14-year horizon, 0.6 m kr. invested, 0.8 m kr. repaid", () => {
    expect(t.model.childrenPerYear * t.model.effortYears).toBe(16);
    expect(t.model.horizonYears).toBe(14);
    // with nobody passing FSA nothing is repaid: what is left is the investment
    const invested = computeInvestment({ ...t.model, successRate: 0 }).totals.parties.investor.net;
    expect(invested).toBe(-600_000);
    expect(r.totals.parties.investor.net - invested).toBe(800_000);
    expect(r.totals.parties.investor.net).toBe(200_000);
  });

  it("counts the investor's money in and the repayments out of the municipality, gross", () => {
    expect(r.externalFinancing).toEqual({ in: 600_000, out: 800_000 });
    expect(computeInvestment({ ...t.model, successRate: 0.75 }).externalFinancing).toEqual({ in: 600_000, out: 600_000 });
  });

  it("puts 20 % of the costs in the investment", () => {
    expect(r.totals.parties.social.costs).toBe(3_000_000);
    expect(600_000 / r.totals.parties.social.costs).toBe(HOERSHOLM.investorShare);
  });

  it("gives the investor an IRR of 6.6 %", () => {
    expect(r.partyIrr.investor).not.toBeNull();
    expect(Math.round(r.partyIrr.investor! * 1000) / 10).toBe(6.6);
    expect(
      npv(
        r.partyIrr.investor!,
        r.years.map((y) => y.parties.investor.net),
      ),
    ).toBeCloseTo(0, 3);
  });

  it("the schedule: each cohort pays 37,500 in its first two years, and 100,000 comes back five years after it starts", () => {
    // cohorts start in years 1–8; repayments fall in years 6–13 (year 14 closes the horizon)
    expect(r.years.map((y) => y.parties.investor.net)).toEqual([
      -37_500, -75_000, -75_000, -75_000, -75_000, 25_000, 25_000, 25_000, 62_500, 100_000, 100_000, 100_000, 100_000, 0,
    ]);
  });

  it("pays back less when fewer pass FSA", () => {
    const half = computeInvestment({ ...t.model, successRate: 0.5 });
    expect(half.totals.parties.investor.net).toBe(-200_000);
    expect(half.partyIrr.investor!).toBeLessThan(0);
  });
});

describe("the finance conventions", () => {
  it("does not discount year 1 and discounts year t by (1 + r)^(t − 1)", () => {
    expect(npv(0.1, [100, 110, 121])).toBeCloseTo(300, 9);
  });

  it("has no IRR without a sign change", () => {
    expect(irr([-1, -2, -3])).toBeNull();
    expect(irr([1, 2])).toBeNull();
    expect(irr([0, 0])).toBeNull();
  });

  it("finds the IRR of a simple loan", () => {
    expect(irr([-100, 110])).toBeCloseTo(0.1, 9);
  });

  it("pays back in the year the discounted cumulative net turns and stays non-negative", () => {
    expect(paybackYear([-100, 50, 60], 0)).toBe(3);
    expect(paybackYear([-100, 200, -500], 0)).toBeNull();
    expect(paybackYear([10, 10], 0.05)).toBe(1);
  });

  it("builds a sensitivity table over children and success rates", () => {
    const table = sensitivity(template("soem-a").model, [1, 2, 3], [0.5, 1]);
    expect(table).toHaveLength(3);
    expect(table[2][1].childrenPerYear).toBe(3);
    expect(table[2][1].netPerChildPerYear).toBeCloseTo(65_460, 6);
    expect(table[0][0].netPerChildPerYear).toBeCloseTo(138_560 / 2 - 73_100, 6);
    expect(table[2][1].npv).toBeCloseTo(3 * table[0][1].npv, 6);
  });

  it("sensitivity for the learning-environment model gives the evaluation's 100,700 / 73,100 / 60,400", () => {
    const table = sensitivity(template("laeringsmiljoe").model, [15, 20.67, 25], [1]);
    // cost per child-year includes the set-up spread over the five years
    const running = [15, 20.67, 25].map((n) =>
      hundreds(computeInvestment({ ...template("laeringsmiljoe").model, childrenPerYear: n }).runningCostPerChildPerYear!),
    );
    expect(running).toEqual([100_700, 73_100, 60_400]);
    [15, 20.67, 25].forEach((n, i) => expect(table[i][0].costPerChildPerYear!).toBeCloseTo((982_200 + 5 * 1_510_500) / (5 * n), 6));
  });
});

// a conventional investment: the outlay in year 1, then returns (some years may be zero)
const conventional = fc
  .tuple(fc.integer({ min: 1, max: 5_000_000 }), fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 14 }))
  .filter(([, gains]) => gains.some((g) => g > 0))
  .map(([cost, gains]) => [-cost, ...gains]);
// costs spread over several years, then gains: one sign change, but a higher rate can raise its NPV
const spread = fc
  .tuple(
    fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 1, maxLength: 5 }),
    fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 1, maxLength: 12 }),
  )
  .map(([costs, gains]) => [...costs.map((c) => -c), ...gains]);

describe("properties", () => {
  it("the NPV at the IRR is zero", () => {
    fc.assert(
      fc.property(fc.oneof(conventional, spread), (flows) => {
        const r = irr(flows);
        if (r === null) {
          // only when the root is outside −99 %…1,000 %: gains tiny next to the costs, or the reverse
          return npv(-0.99, flows) < 0 || npv(10, flows) > 0;
        }
        return Math.abs(npv(r, flows)) <= discountedScale(r, flows) * 1e-7;
      }),
      { numRuns: 500 },
    );
  });

  it("the NPV falls as the discount rate rises, for a conventional cash flow", () => {
    fc.assert(
      fc.property(
        conventional,
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        (flows, r, step) => {
          expect(isConventional(flows)).toBe(true);
          return npv(r + step, flows) < npv(r, flows);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("any case: the municipality's net is the sum of its departments', and transfers sum to zero across parties", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom("laeringsmiljoe", "soem-a", "soem-b", "soem-c", "hoersholm-sib" as const),
        (n, s, key) => {
          const r = computeInvestment({ ...template(key).model, childrenPerYear: n, successRate: s });
          for (const y of r.years) {
            expect(y.municipality.net).toBeCloseTo(y.parties.skole.net + y.parties.social.net, 4);
            expect(y.parties.skole.financing + y.parties.social.financing + y.parties.investor.financing).toBeCloseTo(0, 4);
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("Danish numbers in the forms", () => {
  it("reads a decimal comma and points between thousands, and refuses the ambiguous", async () => {
    const { parseDanishNumber } = await import("~/domain/investments/numbers");
    expect(parseDanishNumber("1.510.500")).toBe(1_510_500);
    expect(parseDanishNumber("20,67")).toBe(20.67);
    expect(parseDanishNumber(" 4.941,5 ")).toBe(4941.5);
    expect(parseDanishNumber("−94.300")).toBe(-94_300);
    expect(parseDanishNumber("1 510 500")).toBe(1_510_500);
    for (const bad of ["3.5", "1.5000", "1,5,0", "", "abc", "1e5", ",5", "12.34,5"]) expect(parseDanishNumber(bad), bad).toBeNull();
  });

  it("reads back every number the form shows", async () => {
    const { formatDanishInput, parseDanishNumber } = await import("~/domain/investments/numbers");
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        const shown = Math.round(x * 100) / 100;
        return parseDanishNumber(formatDanishInput(shown)) === shown;
      }),
      { numRuns: 500 },
    );
  });
});
