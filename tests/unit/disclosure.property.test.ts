/**
 * Properties of suppression over random small tables with their totals and hierarchies:
 * 2–3 regions × 2–5 municipalities, target groups derived additively (udsatte = anbragte +
 * forebyggende, alle = udsatte + oevrige), optionally 2–4 sites with a breakdown total, and
 * protected region and nation aggregates computed from the raw figures.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Measure } from "~/domain/catalogue";
import { combine, type RawFigures } from "~/domain/figures";
import {
  DEFAULT_DISCLOSURE,
  cellId,
  findDetermined,
  isPrimaryWithheld,
  standardRelations,
  suppressDetailed,
  unionCohorts,
  type Cohort,
  type DisclosureCell,
  type Relation,
} from "~/domain/disclosure";

type Table = { cells: DisclosureCell[]; relations: Relation[]; cohorts: Cohort[]; k: number };

const GROUP_SETS = [
  ["anbragte", "forebyggende", "udsatte", "oevrige", "alle"],
  ["anbragte", "forebyggende", "udsatte"],
  ["anbragte"],
] as const;
/** Disjoint parts: placed only, placed and preventive, preventive only, all others. udsatte is the union of the first three. */
const PARTS = ["a0", "ab", "f0", "o"] as const;
const GROUP_PARTS: Record<string, readonly string[]> = {
  anbragte: ["a0", "ab"],
  forebyggende: ["ab", "f0"],
  udsatte: ["a0", "ab", "f0"],
  oevrige: ["o"],
  alle: PARTS,
};

/**
 * Children per leaf cell. "sparse" tables are mostly tiny (many small aggregates, some of which
 * nothing can protect); "mixed" tables are mostly large with a sprinkling of small cells, the
 * usual municipal picture.
 */
const sizeArb = {
  sparse: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 60 })),
  mixed: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 6 }), weight: 1 }, { arbitrary: fc.integer({ min: 5, max: 90 }), weight: 4 }),
};

function rawArb(measure: Measure, profile: keyof typeof sizeArb): fc.Arbitrary<RawFigures> {
  const size = sizeArb[profile];
  switch (measure) {
    case "count":
      return size.map((n) => ({ numerator: n, denominator: null, value: null }));
    case "rate":
      return fc
        .tuple(size, fc.integer({ min: 0, max: 100 }))
        .map(([n, p]) => ({ numerator: Math.round((n * p) / 100), denominator: n, value: null }));
    case "mean":
      return fc.tuple(size, fc.integer({ min: -3, max: 12 })).map(([n, v]) => ({ numerator: null, denominator: n, value: n ? v : null }));
  }
}

const tableArb: fc.Arbitrary<Table> = fc
  .record({
    measure: fc.constantFrom<Measure>("count", "rate", "mean"),
    profile: fc.constantFrom<keyof typeof sizeArb>("sparse", "mixed", "mixed"),
    perRegion: fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 2, maxLength: 3 }),
    sites: fc.oneof(fc.constant(0), fc.integer({ min: 2, max: 4 })),
    groupSet: fc.integer({ min: 0, max: GROUP_SETS.length - 1 }),
    k: fc.constantFrom(3, DEFAULT_DISCLOSURE.k, DEFAULT_DISCLOSURE.k, 10),
  })
  .chain((shape) => {
    const municipalities = shape.perRegion.flatMap((n, r) =>
      Array.from({ length: n }, (_, i) => ({ code: `${r + 1}${String(i).padStart(2, "0")}`, regionCode: `R${r + 1}` })),
    );
    const sites = Array.from({ length: shape.sites }, (_, i) => `site${i + 1}`);
    const leaves = municipalities.length * PARTS.length * Math.max(1, sites.length);
    return fc
      .array(rawArb(shape.measure, shape.profile), { minLength: leaves, maxLength: leaves })
      .map((values) => buildTable(shape.measure, municipalities, [...GROUP_SETS[shape.groupSet]], sites, values, shape.k));
  });

function buildTable(
  measure: Measure,
  municipalities: { code: string; regionCode: string }[],
  groups: string[],
  sites: string[],
  values: RawFigures[],
  k: number,
): Table {
  const raw = new Map<string, RawFigures>();
  const id = (scope: "municipality" | "region" | "nation", code: string, targetGroup: string, breakdown: string) =>
    cellId({ scope, code, targetGroup, breakdown });
  const leafBreakdowns = sites.length ? sites : [""];
  let next = 0;
  for (const m of municipalities) {
    for (const b of leafBreakdowns) {
      const part = new Map(PARTS.map((p) => [p, values[next++]]));
      for (const [g, ps] of Object.entries(GROUP_PARTS))
        raw.set(
          id("municipality", m.code, g, b),
          combine(
            measure,
            ps.map((p) => part.get(p as (typeof PARTS)[number])!),
          ),
        );
    }
    if (sites.length) {
      for (const g of Object.keys(GROUP_PARTS)) {
        raw.set(
          id("municipality", m.code, g, ""),
          combine(
            measure,
            sites.map((s) => raw.get(id("municipality", m.code, g, s))!),
          ),
        );
      }
    }
  }
  const cells: DisclosureCell[] = [];
  const regions = [...new Set(municipalities.map((m) => m.regionCode))];
  for (const g of groups) {
    for (const b of ["", ...sites]) {
      const of = (ms: typeof municipalities) => ms.map((m) => raw.get(id("municipality", m.code, g, b))!);
      for (const m of municipalities)
        cells.push({ id: id("municipality", m.code, g, b), measure, ...raw.get(id("municipality", m.code, g, b))! });
      for (const r of regions) {
        cells.push({
          id: id("region", r, g, b),
          measure,
          ...combine(measure, of(municipalities.filter((m) => m.regionCode === r))),
          protected: true,
        });
      }
      cells.push({ id: id("nation", "", g, b), measure, ...combine(measure, of(municipalities)), protected: true });
    }
  }
  const shape = { municipalities, targetGroups: groups, breakdowns: sites };
  return { cells, relations: standardRelations(shape), cohorts: unionCohorts(shape), k };
}

/** Shuffles cells, relations and the parts of each relation (seeded mulberry32, replayable). */
function shuffleTable(t: Table, seed: number): Table {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), a | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return {
    cells: shuffle(t.cells).map((c) => ({ ...c })),
    relations: shuffle(t.relations).map((r) => ({ total: r.total, parts: shuffle(r.parts) })),
    cohorts: shuffle(t.cohorts).map((c) => ({ id: c.id, with: shuffle(c.with) })),
    k: t.k,
  };
}

const hasData = (c: DisclosureCell): boolean =>
  c.measure === "count"
    ? c.numerator !== null
    : c.denominator !== null && c.denominator > 0 && (c.measure === "rate" ? c.numerator !== null : c.value !== null);

describe("suppression properties on random tables", () => {
  it("respects the primary rule, protects every withheld cell it can, and never picks protected cells", () => {
    fc.assert(
      fc.property(tableArb, ({ cells, relations, cohorts, k }) => {
        const { withheld, exposed } = suppressDetailed(cells, relations, { k }, undefined, cohorts);

        // (e) the union's bounds: a withheld anbragte or forebyggende takes the other with it, a withheld udsatte both
        const byId = new Map(cells.map((c) => [c.id, c]));
        for (const cohort of cohorts) {
          if (!withheld.has(cohort.id)) continue;
          for (const other of cohort.with) if (byId.has(other) && hasData(byId.get(other)!)) expect(withheld.has(other), other).toBe(true);
        }

        for (const c of cells) {
          const primary = isPrimaryWithheld(c.measure, c, { k });
          // (a) nothing shown breaks the primary rule; primary cells are labelled as such
          if (primary) expect(withheld.get(c.id)).toBe("primary");
          // (d) protected aggregates are never chosen as complements
          if (c.protected && withheld.has(c.id)) expect(["primary", "attribute"]).toContain(withheld.get(c.id));
          // complements always have a figure to hide
          if (withheld.get(c.id) === "secondary") expect(hasData(c)).toBe(true);
        }

        // (b) exact linear algebra determines no withheld cell, except the ones reported as
        // exposed, and those stay determined even if every non-protected cell were withheld
        const determined = findDetermined(cells, relations, withheld);
        expect(determined).toEqual(exposed);
        if (exposed.length > 0) {
          const everything = new Set([...withheld.keys(), ...cells.filter((c) => !c.protected && hasData(c)).map((c) => c.id)]);
          const stillDetermined = new Set(findDetermined(cells, relations, everything));
          for (const id of exposed) expect(stillDetermined.has(id)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic: the same table in any order gives the same withheld set", () => {
    fc.assert(
      fc.property(tableArb, fc.integer(), (table, seed) => {
        const a = suppressDetailed(table.cells, table.relations, { k: table.k }, undefined, table.cohorts);
        const t = shuffleTable(table, seed);
        const b = suppressDetailed(t.cells, t.relations, { k: t.k }, undefined, t.cohorts);
        const sorted = (m: Map<string, string>) => [...m].sort(([x], [y]) => (x < y ? -1 : 1));
        expect(sorted(b.withheld)).toEqual(sorted(a.withheld));
        expect(b.exposed).toEqual(a.exposed);
      }),
      { numRuns: 100 },
    );
  });

  it("gives the same result with a model cache, whether the next table has the same cells or not", () => {
    // an import runs the periods of one indicator through one cache: same relations, cells that
    // usually repeat, now and then a cell more or less, and new figures each time
    fc.assert(
      fc.property(
        tableArb,
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 1_000 }), fc.integer()), { minLength: 2, maxLength: 5 }),
        (table, steps) => {
          const cache = {};
          for (const [dropOne, drop, seed] of steps) {
            const t = shuffleTable(table, seed);
            const municipal = t.cells.filter((c) => !c.protected);
            const gone = dropOne ? municipal[drop % municipal.length].id : null;
            // new figures: the counts scaled, so primary and secondary cells move
            const cells = t.cells
              .filter((c) => c.id !== gone)
              .map((c) => ({ ...c, numerator: c.numerator === null ? null : (c.numerator * (1 + (seed & 3))) % 97 }));
            const cached = suppressDetailed(cells, table.relations, { k: table.k }, cache, table.cohorts);
            const fresh = suppressDetailed(cells, table.relations, { k: table.k }, undefined, table.cohorts);
            expect([...cached.withheld].sort()).toEqual([...fresh.withheld].sort());
            expect(cached.exposed).toEqual(fresh.exposed);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The checker itself, against an independent dense computation: x is determined by A·x = b
// exactly when removing x's column lowers the rank of the withheld columns of A.

function rank(matrix: bigint[][]): number {
  const m = matrix.map((r) => [...r]);
  let r = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p], m[r]];
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i][c] === 0n) continue;
      const a = m[r][c];
      const b = m[i][c];
      m[i] = m[i].map((v, j) => a * v - b * m[r][j]);
    }
    r++;
  }
  return r;
}

describe("findDetermined agrees with a dense rank computation", () => {
  const system = fc
    .record({ cells: fc.integer({ min: 2, max: 8 }), relations: fc.integer({ min: 1, max: 5 }) })
    .chain(({ cells, relations }) =>
      fc.record({
        cells: fc.constant(cells),
        relations: fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: cells - 1 }),
            fc.uniqueArray(fc.integer({ min: 0, max: cells - 1 }), { minLength: 1, maxLength: cells }),
          ),
          { minLength: relations, maxLength: relations },
        ),
        withheld: fc.uniqueArray(fc.integer({ min: 0, max: cells - 1 }), { maxLength: cells }),
      }),
    );

  it("on random small systems", () => {
    fc.assert(
      fc.property(system, (s) => {
        const ids = Array.from({ length: s.cells }, (_, i) => `x${i}`);
        const cells: DisclosureCell[] = ids.map((id) => ({ id, measure: "count", numerator: 10, denominator: null, value: null }));
        const relations: Relation[] = s.relations
          .map(([t, ps]) => ({ total: ids[t], parts: ps.filter((p) => p !== t).map((p) => ids[p]) }))
          .filter((r) => r.parts.length > 0);
        const withheld = s.withheld.map((i) => ids[i]);

        const matrix = (cols: string[]) =>
          relations.map((r) => cols.map((c) => (c === r.total ? 1n : 0n) - (r.parts.includes(c) ? 1n : 0n)));
        const full = rank(matrix(withheld));
        const expected = withheld.filter((x) => rank(matrix(withheld.filter((y) => y !== x))) === full - 1).sort();
        expect(findDetermined(cells, relations, withheld)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});
