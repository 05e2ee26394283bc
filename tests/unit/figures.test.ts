import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateOf, changeBetween, combine, roundForOutput, toFigure, valueOf, type RawFigures } from "~/domain/figures";
import { searchMunicipalities } from "~/domain/search";

describe("figures from raw counts", () => {
  it("computes a rate as a percentage and guards against an empty denominator", () => {
    expect(valueOf("rate", { numerator: 589, denominator: 1227, value: null })).toBeCloseTo(48.0, 1);
    expect(valueOf("rate", { numerator: 0, denominator: 0, value: null })).toBeNull();
  });

  it("aggregates rates as Σnumerator/Σdenominator, not the mean of percentages", () => {
    const parts = [
      { numerator: 1, denominator: 2, value: null }, // 50 %
      { numerator: 90, denominator: 100, value: null }, // 90 %
    ];
    const whole = combine("rate", parts);
    expect(whole).toEqual({ numerator: 91, denominator: 102, value: null });
    expect(valueOf("rate", whole)).toBeCloseTo(89.2, 1); // not 70 %
  });

  it("aggregates means weighted by the children they cover", () => {
    const whole = combine("mean", [
      { numerator: null, denominator: 10, value: 4 },
      { numerator: null, denominator: 30, value: 8 },
    ]);
    expect(whole.denominator).toBe(40);
    expect(whole.value).toBe(7);
  });

  it("sums counts", () => {
    expect(
      combine("count", [
        { numerator: 3, denominator: null, value: null },
        { numerator: 4, denominator: null, value: null },
      ]).numerator,
    ).toBe(7);
  });

  it("knows how many children a figure is about", () => {
    const base = {
      indicatorCode: "x",
      period: "2024",
      periodKey: 20240,
      targetGroup: "alle",
      breakdown: "",
      withheld: null,
      scope: { kind: "nation" as const },
    };
    expect(toFigure("percent", { ...base, numerator: 5, denominator: 20, value: null }).n).toBe(20);
    expect(toFigure("count", { ...base, numerator: 7, denominator: null, value: null }).n).toBe(7);
    expect(toFigure("kr", { ...base, numerator: null, denominator: 900, value: 12000 }).n).toBe(900);
  });

  it("changes and output rounding", () => {
    const base = {
      indicatorCode: "x",
      period: "2024",
      periodKey: 20240,
      targetGroup: "alle",
      breakdown: "",
      withheld: null,
      scope: { kind: "nation" as const },
    };
    const a = toFigure("percent", { ...base, numerator: 48, denominator: 100, value: null });
    const b = toFigure("percent", { ...base, numerator: 50, denominator: 100, value: null });
    expect(changeBetween(b, a)).toBeCloseTo(2);
    expect(changeBetween(b, undefined)).toBeNull();
    expect(roundForOutput("percent", 47.96)).toBe(48.0);
    expect(roundForOutput("kr", 12345.6)).toBe(12346);
  });
});

describe("municipality search", () => {
  const list = [
    { code: "849", name: "Jammerbugt" },
    { code: "580", name: "Aabenraa" },
    { code: "751", name: "Aarhus" },
    { code: "860", name: "Hjørring" },
    { code: "825", name: "Læsø" },
  ];
  it("finds by name, code and Danish letters either way", () => {
    expect(searchMunicipalities(list, "jammer").map((m) => m.code)).toEqual(["849"]);
    expect(searchMunicipalities(list, "849").map((m) => m.code)).toEqual(["849"]);
    expect(searchMunicipalities(list, "Hjoerring").map((m) => m.code)).toEqual(["860"]);
    expect(searchMunicipalities(list, "læsø").map((m) => m.code)).toEqual(["825"]);
    expect(searchMunicipalities(list, "laesoe").map((m) => m.code)).toEqual(["825"]);
    expect(searchMunicipalities(list, "")).toHaveLength(5);
    expect(searchMunicipalities(list, "xyz")).toHaveLength(0);
  });
});

describe("a withheld figure", () => {
  it("carries no number at all, not even its n", () => {
    const f = toFigure("percent", {
      indicatorCode: "x",
      period: "2024",
      periodKey: 20240,
      targetGroup: "anbragte",
      breakdown: "",
      withheld: "primary",
      scope: { kind: "municipality", code: "825" },
      numerator: 3,
      denominator: 7,
      value: null,
    });
    expect(f).toMatchObject({ numerator: null, denominator: null, value: null, shown: null, n: null, withheld: "primary" });
  });
});

describe("a region's or the nation's stored sums", () => {
  // the SQL that computed figure_aggregates before aggregateOf: the stored figures must not move
  const sqlite = new Database(":memory:");
  sqlite.exec("create table parts (numerator integer, denominator integer, value real)");
  const insert = sqlite.prepare("insert into parts values (?, ?, ?)");
  const sums = sqlite.prepare(
    "select sum(numerator) as numerator, sum(denominator) as denominator, sum(value * denominator) / nullif(sum(case when value is not null then denominator end), 0) as value from parts",
  );
  const part: fc.Arbitrary<RawFigures> = fc.record({
    numerator: fc.option(fc.integer({ min: 0, max: 5_000 })),
    denominator: fc.option(fc.integer({ min: 0, max: 5_000 })),
    value: fc.option(fc.oneof(fc.double({ min: -3, max: 12, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }))),
  });

  it("are exactly what SQLite's sum() gives, to the last bit", () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 120 }), (parts) => {
        sqlite.exec("delete from parts");
        for (const p of parts) insert.run(p.numerator, p.denominator, p.value);
        const expected = sums.get() as RawFigures;
        const got = aggregateOf(parts);
        expect([got.numerator, got.denominator]).toEqual([expected.numerator, expected.denominator]);
        expect(Object.is(got.value, expected.value)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("weight a mean by n over the parts with a value, and count n over them all", () => {
    const got = aggregateOf([
      { numerator: null, denominator: 10, value: 7 },
      { numerator: null, denominator: 30, value: 3 },
      { numerator: null, denominator: 5, value: null },
    ]);
    expect(got).toEqual({ numerator: null, denominator: 45, value: 4 });
    expect(aggregateOf([])).toEqual({ numerator: null, denominator: null, value: null });
  });
});
