import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listIndicators } from "~/data/catalogue.server";
import { readFiguresOfIndicators } from "~/data/figures.server";
import { KEPT_WEIGHT_LIMIT, openDatabase, untilChanged, type Db } from "../../db/connection";
import { createTestDatabase } from "../support/database";

/**
 * The read path keeps what it read until the data change (ADR 35). A kept figure must never be
 * older than the database: not after a change by this connection, not after one by another
 * (a second server process, the import command), not after a rolled-back transaction.
 */
let cleanup: () => void;
let file: string;
let app: Db;
let statements: string[] | null = null;
beforeAll(() => {
  const test = createTestDatabase();
  cleanup = test.cleanup;
  file = test.file;
  app = openDatabase(file, { trace: (sql) => statements?.push(sql) });
});
afterAll(() => {
  app.$client.close();
  cleanup();
});

const fp9 = () => listIndicators(app).find((i) => i.code === "fp9-deltagelse")!;
const nationIn = (period: string) => {
  const figures = readFiguresOfIndicators(app, { indicators: [{ indicator: fp9(), targetGroups: ["alle"] }], nation: true }).get(
    "fp9-deltagelse",
  )!;
  return figures.find((f) => f.period === period)!;
};
const reads = (run: () => void) => {
  statements = [];
  run();
  const ran = statements.filter((s) => /\bfrom (observations|figure_aggregates)\b/i.test(s));
  statements = null;
  return ran.length;
};
const NATION_2024 =
  "update figure_aggregates set denominator = denominator + ? where indicator_code = 'fp9-deltagelse' and scope = 'nation' and target_group = 'alle' and breakdown = '' and period = '2024/25'";

describe("the read path's kept figures", () => {
  it("reads the same figures once until the data change, then again", () => {
    const ask = () =>
      readFiguresOfIndicators(app, {
        indicators: listIndicators(app).map((indicator) => ({ indicator })),
        municipalities: ["849"],
        regions: ["1081"],
        nation: true,
      });
    ask();
    expect(reads(ask)).toBe(0);
    app.$client.prepare("update app_meta set value = value where key = 'demo'").run();
    expect(reads(ask)).toBe(2);
  });

  it("shows a change made by another connection at once", () => {
    const before = nationIn("2024/25").n!;
    const other = openDatabase(file);
    try {
      other.$client.prepare(NATION_2024).run(7);
      expect(nationIn("2024/25").n).toBe(before + 7);
      other.$client.prepare(NATION_2024).run(-7);
      expect(nationIn("2024/25").n).toBe(before);
    } finally {
      other.$client.close();
    }
  });

  it("keeps nothing read inside a transaction that is rolled back", () => {
    const before = nationIn("2024/25").n!;
    const inside = app.$client.transaction(() => {
      app.$client.prepare(NATION_2024).run(11);
      const n = nationIn("2024/25").n;
      throw Object.assign(new Error("rolled back"), { n });
    });
    let seenInside: number | null = null;
    try {
      inside();
    } catch (e) {
      seenInside = (e as { n: number }).n;
    }
    expect(seenInside).toBe(before + 11);
    expect(nationIn("2024/25").n).toBe(before);
  });

  it("hands each caller its own lists of frozen figures", () => {
    const ask = () =>
      readFiguresOfIndicators(app, { indicators: [{ indicator: fp9(), targetGroups: ["alle"] }], nation: true }).get("fp9-deltagelse")!;
    const first = ask();
    const length = first.length;
    first.push(first[0]!);
    first.reverse();
    expect(ask()).toHaveLength(length);
    expect(ask()[0]!.periodKey).toBeLessThan(ask().at(-1)!.periodKey);
    expect(Object.isFrozen(first[0])).toBe(true);
    expect(() => {
      (first[0] as { shown: number | null }).shown = 1;
    }).toThrow(TypeError);
  });
});

describe("untilChanged", () => {
  it("keeps at most its weight limit, the least recently used going first", () => {
    let computed = 0;
    const heavy = (key: string) =>
      untilChanged(
        app,
        `test-heavy|${key}`,
        () => ++computed,
        () => KEPT_WEIGHT_LIMIT / 4,
      );
    for (const key of ["a", "b", "c", "d"]) heavy(key);
    expect(computed).toBe(4);
    heavy("a"); // a is now the most recently used
    expect(computed).toBe(4);
    heavy("e"); // past the limit: b, the least recently used, goes
    expect(computed).toBe(5);
    heavy("a");
    expect(computed).toBe(5);
    heavy("b");
    expect(computed).toBe(6);
  });

  it("does not keep a value heavier than a quarter of the limit", () => {
    let computed = 0;
    const huge = () =>
      untilChanged(
        app,
        "test-huge",
        () => ++computed,
        () => KEPT_WEIGHT_LIMIT,
      );
    huge();
    huge();
    expect(computed).toBe(2);
  });
});
