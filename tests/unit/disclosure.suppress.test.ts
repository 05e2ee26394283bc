import { describe, expect, it } from "vitest";
import {
  cellId,
  findDetermined,
  standardRelations,
  suppress,
  suppressDetailed,
  unionCohorts,
  type DisclosureCell,
  type Relation,
} from "~/domain/disclosure";

const count = (id: string, n: number | null, isProtected = false): DisclosureCell => ({
  id,
  measure: "count",
  numerator: n,
  denominator: null,
  value: null,
  protected: isProtected || undefined,
});
const rate = (id: string, t: number, n: number, isProtected = false): DisclosureCell => ({
  id,
  measure: "rate",
  numerator: t,
  denominator: n,
  value: null,
  protected: isProtected || undefined,
});
const mean = (id: string, n: number, value: number): DisclosureCell => ({ id, measure: "mean", numerator: null, denominator: n, value });
const entries = (m: Map<string, string>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));

/** Deterministic shuffle (mulberry32), so a failure can be replayed. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("secondary suppression: examples", () => {
  it("withholds another site when one site of a breakdown is small", () => {
    const cells = [
      count("total", 40),
      count("familiepleje", 20),
      count("netvaerkspleje", 10),
      count("doegninstitution", 3),
      count("opholdssted", 7),
      count("andet", 0),
    ];
    const relations: Relation[] = [
      { total: "total", parts: ["familiepleje", "netvaerkspleje", "doegninstitution", "opholdssted", "andet"] },
    ];
    const result = suppress(cells, relations);
    // the zero site is passed over: a withheld 0 would leave "doegninstitution ≤ 3" in plain sight
    expect(entries(result)).toEqual([
      ["doegninstitution", "primary"],
      ["opholdssted", "secondary"],
    ]);
    expect(findDetermined(cells, relations, result)).toEqual([]);
  });

  it("udsatte is the union of anbragte and forebyggende: a withheld anbragte takes forebyggende with it, a withheld udsatte takes both", () => {
    const municipalities = [{ code: "101", regionCode: "1084" }];
    const shape = { municipalities, targetGroups: ["anbragte", "forebyggende", "udsatte", "oevrige", "alle"], breakdowns: [] };
    const relations = standardRelations(shape).filter((r) => r.total.startsWith("municipality/"));
    const cohorts = unionCohorts(shape);
    const id = (g: string) => cellId({ scope: "municipality", code: "101", targetGroup: g, breakdown: "" });
    // 3 placed, 30 preventive, 2 of them in both: udsatte 31. Shown udsatte and forebyggende would bound anbragte ≥ 1
    const counts = [
      count(id("anbragte"), 3),
      count(id("forebyggende"), 30),
      count(id("udsatte"), 31),
      count(id("oevrige"), 400),
      count(id("alle"), 431),
    ];
    // udsatte stays: with both withheld, a ≤ u, f ≤ u and a + f ≥ u bound neither
    expect(entries(suppress(counts, relations, undefined, cohorts))).toEqual([
      [id("anbragte"), "primary"],
      [id("forebyggende"), "secondary"],
    ]);
    const rates = [
      rate(id("anbragte"), 2, 4),
      rate(id("forebyggende"), 20, 40),
      rate(id("udsatte"), 21, 42),
      rate(id("oevrige"), 300, 400),
      rate(id("alle"), 321, 442),
    ];
    expect(entries(suppress(rates, relations, undefined, cohorts)).map(([c]) => c)).toEqual([id("anbragte"), id("forebyggende")]);
    // a withheld udsatte (here: no placed children, so udsatte = forebyggende would be pinned) takes both with it
    const none = [
      count(id("anbragte"), 0),
      count(id("forebyggende"), 30),
      count(id("udsatte"), 30),
      count(id("oevrige"), 3),
      count(id("alle"), 33),
    ];
    expect(entries(suppress(none, relations, undefined, cohorts))).toEqual([
      [id("anbragte"), "secondary"],
      [id("forebyggende"), "secondary"],
      [id("oevrige"), "primary"],
      [id("udsatte"), "secondary"],
    ]);
    // nothing small: nothing withheld, though udsatte ≠ anbragte + forebyggende
    const clear = [
      count(id("anbragte"), 30),
      count(id("forebyggende"), 60),
      count(id("udsatte"), 75),
      count(id("oevrige"), 400),
      count(id("alle"), 475),
    ];
    expect(suppress(clear, relations, undefined, cohorts).size).toBe(0);
  });

  it("means: weights are the children covered", () => {
    const relations: Relation[] = [{ total: "udsatte", parts: ["anbragte", "forebyggende"] }];
    const cells = [mean("anbragte", 3, 4.1), mean("forebyggende", 12, 6.0), mean("udsatte", 15, 5.62)];
    expect(entries(suppress(cells, relations))).toEqual([
      ["anbragte", "primary"],
      ["forebyggende", "secondary"],
    ]);
  });

  it("a region of 3 municipalities with one small: the next smallest municipality is withheld, the region is shown", () => {
    const cells = [count("R", 55, true), count("A", 3), count("B", 12), count("C", 40)];
    const relations: Relation[] = [{ total: "R", parts: ["C", "A", "B"] }];
    const result = suppress(cells, relations);
    expect(entries(result)).toEqual([
      ["A", "primary"],
      ["B", "secondary"],
    ]);
    expect(result.has("R")).toBe(false);
  });

  it("never chooses a protected cell, even the smallest one", () => {
    const cells = [count("T", 100), count("A", 2), count("P", 6, true), count("B", 92)];
    const relations: Relation[] = [{ total: "T", parts: ["A", "P", "B"] }];
    expect(entries(suppress(cells, relations))).toEqual([
      ["A", "primary"],
      ["B", "secondary"],
    ]);
  });

  it("a small protected aggregate is still withheld (primary) and reported when nothing can hide it", () => {
    const cells = [count("N", 63, true), count("R1", 3, true), count("R2", 10, true), count("R3", 50, true)];
    const relations: Relation[] = [{ total: "N", parts: ["R1", "R2", "R3"] }];
    const { withheld, exposed } = suppressDetailed(cells, relations);
    expect(entries(withheld)).toEqual([["R1", "primary"]]);
    expect(exposed).toEqual(["R1"]);
    expect(findDetermined(cells, relations, withheld)).toEqual(["R1"]);
  });

  it("uses k from the configuration", () => {
    const cells = [count("R", 58, true), count("A", 4), count("B", 14), count("C", 40)];
    const relations: Relation[] = [{ total: "R", parts: ["A", "B", "C"] }];
    expect(suppress(cells, relations, { k: 3 }).size).toBe(0);
    expect(entries(suppress(cells, relations, { k: 5 }))).toEqual([
      ["A", "primary"],
      ["B", "secondary"],
    ]);
    expect(entries(suppress(cells, relations, { k: 15 }))).toEqual([
      ["A", "primary"],
      ["B", "primary"],
    ]);
  });

  it("cells without data are shown as missing: never complements, and known to add nothing", () => {
    const cells = [count("T", 50), count("A", 3), count("Z", null), count("B", 47)];
    const relations: Relation[] = [{ total: "T", parts: ["A", "Z", "B"] }];
    expect(entries(suppress(cells, relations))).toEqual([
      ["A", "primary"],
      ["B", "secondary"],
    ]);
    const rates = [rate("T", 25, 50), rate("A", 1, 3), { ...rate("Z", 0, 0) }, rate("B", 24, 47)];
    expect(entries(suppress(rates, relations))).toEqual([
      ["A", "primary"],
      ["B", "secondary"],
    ]);
  });

  it("withholds nothing when nothing is small", () => {
    const cells = [count("R", 60, true), count("A", 0), count("B", 20), count("C", 40)];
    expect(suppress(cells, [{ total: "R", parts: ["A", "B", "C"] }]).size).toBe(0);
  });

  it("treats ids missing from the cells like cells without data: known to add nothing", () => {
    // a municipality without a row adds nothing to an aggregate computed from the rows present,
    // so R − B would still give A away
    const cells = [count("R", 23, true), count("A", 3), count("B", 20)];
    const relations: Relation[] = [{ total: "R", parts: ["A", "B", "M"] }];
    const result = suppress(cells, relations);
    expect(entries(result)).toEqual([
      ["A", "primary"],
      ["B", "secondary"],
    ]);
    expect(findDetermined(cells, relations, result)).toEqual([]);
    expect(findDetermined(cells, relations, ["A"])).toEqual(["A"]);
  });

  it("finds what the single-unknown loop misses: a withheld cell pinned by row and column totals together", () => {
    // 4×4 table with row, column and grand totals (all protected). The nine small cells form two
    // 2×2 blocks joined by r2c3: every row and column has ≥ 2 withheld cells, yet
    // (r1 + r2) − (c1 + c2) = r2c3.
    const small = new Set(["r1c1", "r1c2", "r2c1", "r2c2", "r2c3", "r3c3", "r3c4", "r4c3", "r4c4"]);
    const value = (i: number, j: number) => (small.has(`r${i}c${j}`) ? 1 + ((i + j) % 4) : 10 * i + j);
    const cells: DisclosureCell[] = [];
    const relations: Relation[] = [];
    const rows = [1, 2, 3, 4];
    for (const i of rows) for (const j of rows) cells.push(count(`r${i}c${j}`, value(i, j)));
    for (const i of rows) {
      cells.push(
        count(
          `r${i}`,
          rows.reduce((s, j) => s + value(i, j), 0),
          true,
        ),
      );
      relations.push({ total: `r${i}`, parts: rows.map((j) => `r${i}c${j}`) });
      cells.push(
        count(
          `c${i}`,
          rows.reduce((s, j) => s + value(j, i), 0),
          true,
        ),
      );
      relations.push({ total: `c${i}`, parts: rows.map((j) => `r${j}c${i}`) });
    }
    const grand = rows.reduce((s, i) => s + rows.reduce((t, j) => t + value(i, j), 0), 0);
    cells.push(count("g", grand, true));
    relations.push({ total: "g", parts: rows.map((i) => `r${i}`) }, { total: "g", parts: rows.map((i) => `c${i}`) });

    expect(findDetermined(cells, relations, small)).toEqual(["r2c3"]);
    const result = suppress(cells, relations);
    for (const id of small) expect(result.get(id)).toBe("primary");
    expect(result.size).toBeGreaterThan(small.size);
    expect([...result.values()].filter((v) => v === "secondary").length).toBeGreaterThan(0);
    expect(findDetermined(cells, relations, result)).toEqual([]);
  });

  it("rejects duplicate ids and relations that mix measures", () => {
    expect(() => suppress([count("A", 1), count("A", 2)], [])).toThrow(/twice/);
    expect(() => suppress([count("T", 10), rate("A", 1, 5)], [{ total: "T", parts: ["A"] }])).toThrow(/mixes measures/);
  });
});

describe("standard relations and determinism on a municipal table", () => {
  const municipalities = [
    { code: "101", regionCode: "1084" },
    { code: "147", regionCode: "1084" },
    { code: "151", regionCode: "1084" },
    { code: "825", regionCode: "1081" },
    { code: "851", regionCode: "1081" },
  ];
  const groups = ["anbragte", "forebyggende", "udsatte", "oevrige", "alle"];

  it("builds ids that are stable and distinct", () => {
    expect(cellId({ scope: "municipality", code: "101", targetGroup: "anbragte", breakdown: "" })).toBe("municipality/101/anbragte/");
    expect(cellId({ scope: "nation", code: "", targetGroup: "alle", breakdown: "familiepleje" })).toBe("nation//alle/familiepleje");
  });

  it("relates groups, breakdowns, regions and the nation", () => {
    const rel = standardRelations({ municipalities, targetGroups: groups, breakdowns: ["a", "b"] });
    const has = (total: string, parts: string[]) =>
      rel.some((r) => r.total === total && [...r.parts].sort().join() === [...parts].sort().join());
    const m = (code: string, g: string, b = "") => cellId({ scope: "municipality", code, targetGroup: g, breakdown: b });
    const r = (code: string, g: string, b = "") => cellId({ scope: "region", code, targetGroup: g, breakdown: b });
    const n = (g: string, b = "") => cellId({ scope: "nation", code: "", targetGroup: g, breakdown: b });
    // udsatte is a union, not a sum: no relation adds anbragte and forebyggende
    expect(rel.some((x) => x.total.includes("/udsatte/") && x.parts.some((p) => p.includes("/anbragte/")))).toBe(false);
    expect(has(m("101", "alle", "a"), [m("101", "udsatte", "a"), m("101", "oevrige", "a")])).toBe(true);
    expect(has(m("825", "oevrige"), [m("825", "oevrige", "a"), m("825", "oevrige", "b")])).toBe(true);
    expect(has(r("1081", "anbragte", "b"), [m("825", "anbragte", "b"), m("851", "anbragte", "b")])).toBe(true);
    expect(has(n("alle"), [r("1081", "alle"), r("1084", "alle")])).toBe(true);
    expect(
      has(
        n("alle"),
        municipalities.map((x) => m(x.code, "alle")),
      ),
    ).toBe(true);
    expect(has(n("anbragte"), [n("anbragte", "a"), n("anbragte", "b")])).toBe(true);
    // 8 scopes × 3 breakdown values × 1 group sum + 8 × 5 breakdown sums + 5 × 3 × (2 regions + 2 nation)
    expect(rel).toHaveLength(8 * 3 * 1 + 8 * 5 + 5 * 3 * 4);
    // the union's bounds: one cohort per municipality and breakdown
    const cohorts = unionCohorts({ municipalities, targetGroups: groups, breakdowns: ["a", "b"] });
    expect(cohorts).toContainEqual({ id: m("101", "udsatte", "a"), with: [m("101", "anbragte", "a"), m("101", "forebyggende", "a")] });
    expect(cohorts).toContainEqual({ id: m("101", "anbragte", "a"), with: [m("101", "forebyggende", "a")] });
    expect(cohorts).toHaveLength(5 * 3 * 3);
  });

  it("skips group sums whose groups are not all in the table", () => {
    const rel = standardRelations({ municipalities, targetGroups: ["anbragte", "forebyggende", "udsatte"], breakdowns: [] });
    expect(rel.some((r) => r.total.endsWith("/alle/"))).toBe(false);
    expect(rel.filter((r) => r.total.includes("/udsatte/") && r.parts.some((p) => p.includes("/anbragte/")))).toHaveLength(0);
    expect(standardRelations({ municipalities, targetGroups: ["anbragte"], breakdowns: [] })).toHaveLength(2 + 2);
  });

  /** A count table over `municipalities` from (anbragte, forebyggende, oevrige) per municipality. */
  function countTable(values: Record<string, [number, number, number]>) {
    const raw = new Map<string, number>();
    const key = (scope: "municipality" | "region" | "nation", code: string, g: string) =>
      cellId({ scope, code, targetGroup: g, breakdown: "" });
    for (const m of municipalities) {
      const [anb, fore, oev] = values[m.code];
      raw.set(key("municipality", m.code, "anbragte"), anb);
      raw.set(key("municipality", m.code, "forebyggende"), fore);
      // about half the placed children also have a preventive measure: udsatte is the union
      raw.set(key("municipality", m.code, "udsatte"), anb + fore - Math.floor(Math.min(anb, fore) / 2));
      raw.set(key("municipality", m.code, "oevrige"), oev);
      raw.set(key("municipality", m.code, "alle"), raw.get(key("municipality", m.code, "udsatte"))! + oev);
    }
    const cells: DisclosureCell[] = [...raw].map(([id, n]) => count(id, n));
    for (const g of groups) {
      const sum = (ms: typeof municipalities) => ms.reduce((s, m) => s + raw.get(key("municipality", m.code, g))!, 0);
      for (const region of ["1081", "1084"])
        cells.push(count(key("region", region, g), sum(municipalities.filter((m) => m.regionCode === region)), true));
      cells.push(count(key("nation", "", g), sum(municipalities), true));
    }
    const shape = { municipalities, targetGroups: groups, breakdowns: [] };
    return { cells, relations: standardRelations(shape), cohorts: unionCohorts(shape) };
  }

  it("keeps complements local: a small municipality is paired within its region, not with the smallest in the country", () => {
    const { cells, relations, cohorts } = countTable({
      "101": [40, 90, 900],
      "147": [20, 60, 700],
      "151": [3, 25, 500],
      "825": [6, 9, 80],
      "851": [30, 70, 800],
    });
    const m = (code: string, g: string) => cellId({ scope: "municipality", code, targetGroup: g, breakdown: "" });
    // the smallest closed pattern: two municipalities × the pair anbragte, forebyggende
    expect(entries(suppress(cells, relations, undefined, cohorts))).toEqual(
      [
        [m("147", "anbragte"), "secondary"],
        [m("147", "forebyggende"), "secondary"],
        [m("151", "anbragte"), "primary"],
        [m("151", "forebyggende"), "secondary"],
      ].sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  });

  it("gives the same withheld set whatever the order of cells, relations and parts", () => {
    const { cells, relations, cohorts } = countTable({
      "101": [3, 40, 102],
      "147": [17, 9, 101],
      "151": [25, 60, 104],
      "825": [8, 0, 112],
      "851": [30, 5, 101],
    });
    const reference = suppress(cells, relations, undefined, cohorts);
    expect([...reference.values()].filter((v) => v === "secondary").length).toBeGreaterThan(0);
    expect(findDetermined(cells, relations, reference)).toEqual([]);
    for (let seed = 1; seed <= 20; seed++) {
      const rel = shuffled(relations, seed).map((r) => ({ total: r.total, parts: shuffled(r.parts, seed + 100) }));
      expect(
        entries(
          suppress(
            shuffled(cells, seed),
            rel,
            undefined,
            shuffled(cohorts, seed).map((c) => ({ id: c.id, with: shuffled(c.with, seed) })),
          ),
        ),
      ).toEqual(entries(reference));
    }
  });
});

describe("cells linked to another indicator", () => {
  it("withholds a linked cell and protects it with a complement like any withheld cell", async () => {
    const { suppress } = await import("~/domain/disclosure");
    const cell = (id: string, n: number, extra: object = {}) => ({
      id,
      measure: "mean" as const,
      numerator: null,
      denominator: n,
      value: 6,
      ...extra,
    });
    const withheld = suppress(
      [cell("total", 100, { protected: true }), cell("a", 40, { linked: true }), cell("b", 30), cell("c", 30)],
      [{ total: "total", parts: ["a", "b", "c"] }],
    );
    expect(withheld.get("a")).toBe("secondary");
    expect(withheld.size).toBe(2); // a, and one complement so a cannot be worked out
    expect(withheld.has("total")).toBe(false);
  });
});
