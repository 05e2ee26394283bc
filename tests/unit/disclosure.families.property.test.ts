/**
 * Issue 23: properties of linked protection on random families of rate tables that count the
 * same children. The children are generated one category at a time (placed only, preventive
 * only, both, neither), so udsatte is a true union and every relation holds as in real data.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cellId,
  isPrimaryWithheld,
  ownWithholding,
  standardRelations,
  suppressDetailed,
  type DisclosureCell,
  type Withholding,
} from "~/domain/disclosure";
import { auditFamily, familyDenominatorCells, protectFamily, type FamilyTable } from "~/domain/disclosure/families";
import { lpSolver } from "~/domain/disclosure/lp";

const K = 5;
const cfg = { k: K };
const GROUPS = ["anbragte", "forebyggende", "udsatte", "oevrige", "alle"] as const;

type Category = "a" | "f" | "b" | "o"; // placed only, preventive only, both, neither
const size = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 }));
const municipalityArb = fc.record({ a: size, f: size, b: fc.integer({ min: 0, max: 4 }), o: fc.integer({ min: 20, max: 300 }) });

const familyArb = fc
  .record({
    municipalities: fc.array(municipalityArb, { minLength: 3, maxLength: 6 }),
    regions: fc.integer({ min: 1, max: 2 }),
    tables: fc.integer({ min: 2, max: 3 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .map(({ municipalities, regions, tables, seed }) => {
    let s = seed;
    const random = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    const places = municipalities.map((m, i) => ({ code: String(100 + i), regionCode: `r${i % regions}`, sizes: m }));
    // per table and category, how many children have the outcome
    const outcomes = Array.from({ length: tables }, () =>
      places.map(
        (p) =>
          Object.fromEntries((["a", "f", "b", "o"] as Category[]).map((c) => [c, Math.floor(random() * (p.sizes[c] + 1))])) as Record<
            Category,
            number
          >,
      ),
    );
    return { municipalities: places.map(({ code, regionCode }) => ({ code, regionCode })), places, outcomes };
  });

type Family = {
  municipalities: { code: string; regionCode: string }[];
  places: { code: string; regionCode: string; sizes: Record<Category, number> }[];
  outcomes: Record<Category, number>[][];
};

/** The tables as counts per group: the union of categories each group covers. */
function tablesOf(family: Family): FamilyTable[] {
  const members: Record<(typeof GROUPS)[number], Category[]> = {
    anbragte: ["a", "b"],
    forebyggende: ["f", "b"],
    udsatte: ["a", "f", "b"],
    oevrige: ["o"],
    alle: ["a", "f", "b", "o"],
  };
  return family.outcomes.map((perPlace, t) => ({
    indicatorCode: `t${t}`,
    cells: family.places.flatMap((p, i) =>
      GROUPS.map((g) => ({
        municipalityCode: p.code,
        targetGroup: g,
        numerator: members[g].reduce((s, c) => s + perPlace[i][c], 0),
        denominator: members[g].reduce((s, c) => s + p.sizes[c], 0),
        withheld: null as Withholding | null,
      })),
    ),
  }));
}

/** One table's ordinary suppression (suppress.ts) with the region and nation sums as protected cells. */
function suppressTable(table: FamilyTable, municipalities: Family["municipalities"], forced: Set<string>): void {
  const id = (scope: "municipality" | "region" | "nation", code: string, g: string) =>
    cellId({ scope, code, targetGroup: g, breakdown: "" });
  const cells: DisclosureCell[] = table.cells.map((c) => ({
    id: id("municipality", c.municipalityCode, c.targetGroup),
    measure: "rate",
    numerator: c.numerator,
    denominator: c.denominator,
    value: null,
    linked: forced.has(`${c.municipalityCode}|${c.targetGroup}`),
  }));
  const sums = new Map<string, { numerator: number; denominator: number }>();
  const regionOf = new Map(municipalities.map((m) => [m.code, m.regionCode]));
  for (const c of table.cells) {
    for (const k of [id("region", regionOf.get(c.municipalityCode)!, c.targetGroup), id("nation", "", c.targetGroup)]) {
      const s = sums.get(k) ?? { numerator: 0, denominator: 0 };
      s.numerator += c.numerator!;
      s.denominator += c.denominator!;
      sums.set(k, s);
    }
  }
  for (const [k, s] of sums) cells.push({ id: k, measure: "rate", ...s, value: null, protected: true });
  const { withheld } = suppressDetailed(cells, standardRelations({ municipalities, targetGroups: [...GROUPS], breakdowns: [] }), cfg);
  for (const c of table.cells) c.withheld = withheld.get(id("municipality", c.municipalityCode, c.targetGroup)) ?? null;
}

/** The product's linked protection: one denominator pattern for the family, each table on top, then the audit's complements. */
function protectLinked(family: Family): FamilyTable[] {
  const tables = tablesOf(family);
  const denominators = suppressDetailed(
    familyDenominatorCells({ municipalities: family.municipalities, tables }),
    standardRelations({ municipalities: family.municipalities, targetGroups: [...GROUPS], breakdowns: [] }),
    cfg,
  );
  const shared = new Set(
    [...denominators.withheld.keys()].filter((id) => id.startsWith("municipality/")).map((id) => id.split("/").slice(1, 3).join("|")),
  );
  for (const t of tables) suppressTable(t, family.municipalities, shared);
  protectFamily({ municipalities: family.municipalities, tables, cfg }, lpSolver());
  return tables;
}

/** Each table protected on its own, as before issue 23 (its own audit included). */
function protectAlone(family: Family): FamilyTable[] {
  const tables = tablesOf(family);
  for (const t of tables) {
    suppressTable(t, family.municipalities, new Set());
    protectFamily({ municipalities: family.municipalities, tables: [t], cfg }, lpSolver());
  }
  return tables;
}

const targetKey = (a: { indicatorCode: string; municipalityCode: string; targetGroup: string; quantity: string }) =>
  `${a.indicatorCode}|${a.municipalityCode}|${a.targetGroup}|${a.quantity}`;

/**
 * What the rule promises, checked by the audit over all tables of the family together. A cell
 * the always-shown region and nation sums pin even with every municipal cell withheld cannot be
 * protected by any pattern (the product reports it as exposed); it is left out.
 */
function check(family: Family, tables: FamilyTable[]) {
  for (const t of tables)
    for (const c of t.cells) {
      // no shown cell is small
      if (!c.withheld)
        expect(ownWithholding("rate", { ...c, value: null }, cfg), `${t.indicatorCode} ${c.municipalityCode} ${c.targetGroup}`).toBeNull();
    }
  const audited = auditFamily({ municipalities: family.municipalities, tables, cfg }, lpSolver());
  const everything = tables.map((t) => ({ ...t, cells: t.cells.map((c) => ({ ...c, withheld: c.withheld ?? ("secondary" as const) })) }));
  const unprotectable = new Set(
    auditFamily({ municipalities: family.municipalities, tables: everything, cfg }, lpSolver())
      .filter((a) => !a.passes)
      .map(targetKey),
  );
  expect(audited.filter((a) => !a.passes && !unprotectable.has(targetKey(a)))).toEqual([]);
}

describe("linked tables on random families (issue 23)", () => {
  it("with linked protection, no withheld cell's interval is narrower than the rule allows and no shown cell is small", () => {
    fc.assert(
      fc.property(familyArb, (family) => check(family, protectLinked(family))),
      {
        numRuns: 40,
        examples: [
          [
            {
              municipalities: [
                { code: "100", regionCode: "r0" },
                { code: "101", regionCode: "r0" },
                { code: "102", regionCode: "r0" },
                { code: "103", regionCode: "r0" },
                { code: "104", regionCode: "r0" },
                { code: "105", regionCode: "r0" },
              ],
              places: [
                { code: "100", regionCode: "r0", sizes: { a: 5, f: 0, b: 3, o: 233 } },
                { code: "101", regionCode: "r0", sizes: { a: 14, f: 5, b: 2, o: 61 } },
                { code: "102", regionCode: "r0", sizes: { a: 6, f: 19, b: 3, o: 41 } },
                { code: "103", regionCode: "r0", sizes: { a: 1, f: 0, b: 3, o: 219 } },
                { code: "104", regionCode: "r0", sizes: { a: 21, f: 27, b: 2, o: 124 } },
                { code: "105", regionCode: "r0", sizes: { a: 23, f: 4, b: 2, o: 24 } },
              ],
              outcomes: [
                [
                  { a: 0, f: 0, b: 2, o: 78 },
                  { a: 12, f: 2, b: 0, o: 56 },
                  { a: 3, f: 7, b: 2, o: 29 },
                  { a: 0, f: 0, b: 1, o: 190 },
                  { a: 9, f: 12, b: 0, o: 16 },
                  { a: 3, f: 1, b: 0, o: 2 },
                ],
                [
                  { a: 5, f: 0, b: 3, o: 212 },
                  { a: 2, f: 0, b: 1, o: 56 },
                  { a: 4, f: 19, b: 2, o: 1 },
                  { a: 1, f: 0, b: 0, o: 98 },
                  { a: 2, f: 27, b: 1, o: 101 },
                  { a: 15, f: 4, b: 0, o: 13 },
                ],
                [
                  { a: 1, f: 0, b: 2, o: 188 },
                  { a: 12, f: 0, b: 1, o: 25 },
                  { a: 5, f: 1, b: 2, o: 39 },
                  { a: 1, f: 0, b: 2, o: 92 },
                  { a: 15, f: 10, b: 1, o: 16 },
                  { a: 21, f: 1, b: 2, o: 13 },
                ],
              ],
            },
          ],
        ],
      },
    );
  }, 120_000);

  it("protecting each table of a family alone lets the tables together reveal a withheld cell", () => {
    expect(() =>
      fc.assert(
        fc.property(familyArb, (family) => check(family, protectAlone(family))),
        { numRuns: 100 },
      ),
    ).toThrow();
  }, 120_000);

  it("shows the primary rule's small cells nowhere", () => {
    fc.assert(
      fc.property(familyArb, (family) => {
        for (const t of protectLinked(family))
          for (const c of t.cells) if (isPrimaryWithheld("rate", { ...c, value: null }, cfg)) expect(c.withheld).toBe("primary");
      }),
      { numRuns: 30 },
    );
  });
});
