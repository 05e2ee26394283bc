import { describe, expect, it } from "vitest";
import { differenceIndex, distanceKm, leastSquares, nearestNeighbours, populationWithin, rankAndBand } from "~/domain/comparison";
import { settingsSchema } from "~/domain/comparison-settings";

const values = (entries: [string, number | null][]) => new Map(entries);

describe("ranks and thirds (Kolada's colours)", () => {
  it("ranks best first by polarity and splits the ranked into thirds", () => {
    const v = values([
      ["a", 90],
      ["b", 80],
      ["c", 70],
      ["d", 60],
      ["e", 50],
      ["f", 40],
      ["g", null], // prettier-ignore
    ]);
    const higher = rankAndBand(v, "higher");
    expect(["a", "b", "c", "d", "e", "f"].map((c) => higher.get(c)!.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(["a", "b", "c", "d", "e", "f"].map((c) => higher.get(c)!.band)).toEqual(["best", "best", "middle", "middle", "worst", "worst"]);
    expect(higher.get("g")).toEqual({ rank: null, band: null });

    const lower = rankAndBand(v, "lower");
    expect(lower.get("f")).toEqual({ rank: 1, band: "best" });
    expect(lower.get("a")).toEqual({ rank: 6, band: "worst" });
  });

  it("gives ties the same rank and the same band", () => {
    const r = rankAndBand(values([["a", 10], ["b", 5], ["c", 5], ["d", 5], ["e", 1], ["f", 0]]), "higher"); // prettier-ignore
    expect(["a", "b", "c", "d", "e", "f"].map((c) => r.get(c)!.rank)).toEqual([1, 2, 2, 2, 5, 6]);
    expect(new Set(["b", "c", "d"].map((c) => r.get(c)!.band))).toEqual(new Set(["best"]));
  });

  it("ranks a neutral indicator highest first with no colour", () => {
    const r = rankAndBand(values([["a", 1], ["b", 3]]), "neutral"); // prettier-ignore
    expect(r.get("b")).toEqual({ rank: 1, band: null });
    expect(r.get("a")).toEqual({ rank: 2, band: null });
  });
});

describe("similar municipalities", () => {
  const vectors = new Map<string, (number | null)[]>([
    ["own", [10, 1]],
    ["twin", [10, 1]],
    ["near", [11, 1.2]],
    ["far", [40, 9]],
    ["half", [null, 1]],
    ["none", [null, null]],
  ]);

  it("finds the nearest on standardised variables, never itself, with index 0 for a twin", () => {
    const n = nearestNeighbours(vectors, "own", 3);
    // "half" matches on the one variable it has, so it ties with the twin at 0
    expect(
      n
        .slice(0, 2)
        .map((x) => x.code)
        .sort(),
    ).toEqual(["half", "twin"]);
    expect(n[2].code).toBe("near");
    expect(n[0].index).toBe(0);
    expect(n.every((x) => x.code !== "own")).toBe(true);
  });

  it("compares on shared variables only and skips a pair sharing fewer than half", () => {
    expect(differenceIndex([1, 2], [null, 2])).toBe(0);
    expect(differenceIndex([1, 2, 3], [null, null, 3])).toBeNull();
    expect(nearestNeighbours(vectors, "own", 10).map((x) => x.code)).not.toContain("none");
  });

  it("is in standard deviations: two variables one sd apart each give 1", () => {
    const z = new Map<string, number[]>([
      ["a", [0, 0]],
      ["b", [2, 2]],
    ]);
    // mean 1, population sd 1 → a is (−1, −1), b is (1, 1): 2 sd apart on each
    expect(nearestNeighbours(z, "a", 1)[0].index).toBeCloseTo(2, 10);
  });

  it("measures urbanity as the population within 30 km", () => {
    expect(distanceKm({ lat: 55.676, lon: 12.568 }, { lat: 56.157, lon: 10.211 })).toBeGreaterThan(150); // København–Aarhus
    const within = populationWithin([
      { code: "city", lat: 55.68, lon: 12.57, population: 600000 },
      { code: "suburb", lat: 55.63, lon: 12.47, population: 50000 },
      { code: "island", lat: 57.3, lon: 11.0, population: 2000 },
    ]);
    expect(within.get("suburb")).toBe(650000);
    expect(within.get("island")).toBe(2000);
  });

  it("refuses settings with fewer than two variables or a group size out of range", () => {
    expect(settingsSchema.safeParse({ variables: ["boern"], groupSize: "7" }).success).toBe(false);
    expect(settingsSchema.safeParse({ variables: ["boern", "urbanitet"], groupSize: "2" }).success).toBe(false);
    expect(settingsSchema.safeParse({ variables: ["boern", "urbanitet"], groupSize: "21" }).success).toBe(false);
    expect(settingsSchema.safeParse({ variables: ["boern", "nonsense"], groupSize: "7" }).success).toBe(false);
    expect(settingsSchema.parse({ variables: ["urbanitet", "boern"], groupSize: "5" })).toEqual({
      variables: ["boern", "urbanitet"],
      groupSize: 5,
    });
  });
});

describe("scatter plot helpers", () => {
  it("fits an exact line and reports r² = 1", () => {
    const fit = leastSquares([1, 2, 3, 4].map((x) => ({ x, y: 3 - 2 * x })))!;
    expect(fit.slope).toBeCloseTo(-2, 10);
    expect(fit.intercept).toBeCloseTo(3, 10);
    expect(fit.r2).toBeCloseTo(1, 10);
  });

  it("gives no line below three points or without spread", () => {
    expect(leastSquares([{ x: 1, y: 1 }, { x: 2, y: 2 }])).toBeNull(); // prettier-ignore
    expect(leastSquares([{ x: 1, y: 1 }, { x: 1, y: 2 }, { x: 1, y: 3 }])).toBeNull(); // prettier-ignore
  });
});
