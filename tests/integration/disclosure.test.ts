import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listIndicators, listMunicipalities, type Indicator } from "~/data/catalogue.server";
import { readFigures } from "~/data/figures.server";
import { measureOf } from "~/domain/catalogue";
import { cellId, findDetermined, isPrimaryWithheld, standardRelations, DEFAULT_DISCLOSURE, type DisclosureCell } from "~/domain/disclosure";
import type { Figure } from "~/domain/figures";
import type { Db } from "../../db/connection";
import { createTestDatabase } from "../support/database";

let db: Db;
let cleanup: () => void;
let file: string;
beforeAll(() => ({ db, cleanup, file } = createTestDatabase()));
afterAll(() => cleanup());

/** Everything a person can see of one indicator: all municipalities, regions and the nation, every group and breakdown. */
function everythingShown(indicator: Indicator): Figure[] {
  return readFigures(db, { indicator, breakdowns: ["", ...indicator.breakdowns], municipalities: "all", regions: "all", nation: true });
}

const idOf = (f: Figure) =>
  cellId({
    scope: f.scope.kind as Exclude<Figure["scope"]["kind"], "group">,
    code: f.scope.kind === "nation" ? "" : f.scope.code,
    targetGroup: f.targetGroup,
    breakdown: f.breakdown,
  });

describe("disclosure control over the full demo data", () => {
  it("shows no figure about fewer than k children", () => {
    for (const indicator of listIndicators(db)) {
      for (const f of everythingShown(indicator)) {
        if (f.withheld) continue;
        expect(isPrimaryWithheld(measureOf(indicator.unit), f, DEFAULT_DISCLOSURE), `${indicator.code} ${idOf(f)} ${f.period}`).toBe(false);
      }
    }
  });

  it("lets no withheld municipal figure be worked out from the municipalities, regions and nation shown, in any group", () => {
    const municipalities = listMunicipalities(db);
    let tables = 0;
    let withheldCells = 0;
    for (const indicator of listIndicators(db)) {
      const measure = measureOf(indicator.unit);
      const figures = everythingShown(indicator);
      const relations = standardRelations({ municipalities, targetGroups: indicator.targetGroups, breakdowns: indicator.breakdowns });
      for (const period of new Set(figures.map((f) => f.period))) {
        const inPeriod = figures.filter((f) => f.period === period);
        // the attacker's view: shown cells carry their figures, withheld ones carry none
        const cells: DisclosureCell[] = inPeriod.map((f) => ({
          id: idOf(f),
          measure,
          numerator: f.numerator,
          denominator: f.denominator,
          value: f.value,
        }));
        const withheld = inPeriod.filter((f) => f.withheld).map(idOf);
        withheldCells += withheld.length;
        expect(findDetermined(cells, relations, withheld), `${indicator.code} ${period}`).toEqual([]);
        tables++;
      }
    }
    expect(tables).toBe(355); // 333 before cases per caseworker (11 yearly tables, ADR 31), 344 before boys among the placed (11 more)
    expect(withheldCells).toBeGreaterThan(1000);
  });

  it("withholds a grade average whenever the participation it counts is withheld", () => {
    const [deltagelse, karakter] = ["fp9-deltagelse", "fp9-karakter"].map((c) => listIndicators(db).find((i) => i.code === c)!);
    const hidden = new Set(
      readFigures(db, { indicator: deltagelse, municipalities: "all" })
        .filter((f) => f.withheld)
        .map((f) => `${idOf(f)}@${f.period}`),
    );
    const grades = readFigures(db, { indicator: karakter, municipalities: "all" });
    // hidden includes grade cells with no average: even n = 0 would reveal a participation of 0
    const leaks = grades.filter((f) => hidden.has(`${idOf(f)}@${f.period}`) && !f.withheld).map((f) => `${idOf(f)}@${f.period} n=${f.n}`);
    expect(hidden.size).toBeGreaterThan(100);
    expect(leaks).toEqual([]);
  });

  it("keeps the family-care share from revealing a hidden placement site, and the sites from revealing a hidden share", () => {
    const indicators = listIndicators(db);
    const placements = indicators.find((i) => i.code === "anbragte-type")!;
    const share = indicators.find((i) => i.code === "familiepleje-andel")!;
    const family = ["familiepleje", "netvaerkspleje", "kommunal-plejefamilie"];
    const sites = readFigures(db, { indicator: placements, breakdowns: ["", ...placements.breakdowns], municipalities: "all" });
    const shares = readFigures(db, { indicator: share, municipalities: "all" });
    const problems: string[] = [];
    const byCell = new Map<string, Figure[]>();
    for (const f of sites) {
      const k = `${(f.scope as { code: string }).code}@${f.period}`;
      byCell.set(k, [...(byCell.get(k) ?? []), f]);
    }
    for (const s of shares) {
      const code = (s.scope as { code: string }).code;
      const mine = byCell.get(`${code}@${s.period}`) ?? [];
      const total = mine.find((f) => f.breakdown === "")!;
      const hiddenFamily = mine.filter((f) => family.includes(f.breakdown) && f.withheld).length;
      const hiddenOther = mine.filter((f) => f.breakdown !== "" && !family.includes(f.breakdown) && f.withheld).length;
      if (!s.withheld && (total.withheld || hiddenFamily === 1 || hiddenOther === 1))
        problems.push(`share shown, reveals a site: ${code} ${s.period}`);
      if (s.withheld && !total.withheld && (hiddenFamily === 0 || hiddenOther === 0))
        problems.push(`share hidden, but sites reveal it: ${code} ${s.period}`);
    }
    expect(problems).toEqual([]);
  });

  it("keeps where pupils are taught from revealing a withheld special-education share, and the share from revealing a withheld site", () => {
    const indicators = listIndicators(db);
    const teaching = indicators.find((i) => i.code === "undervisningssted")!;
    const share = indicators.find((i) => i.code === "specialundervisning-andel")!;
    const special = teaching.breakdowns.filter((b) => b !== "almen-uden-stoette");
    const municipalities = listMunicipalities(db);
    const relations = standardRelations({ municipalities, targetGroups: teaching.targetGroups, breakdowns: teaching.breakdowns });
    const sp = (scope: "municipality" | "region" | "nation", code: string, g: string) =>
      cellId({ scope, code, targetGroup: g, breakdown: "=special" });
    const regions = [...new Set(municipalities.map((m) => m.regionCode))];
    for (const g of teaching.targetGroups) {
      const scopes = [
        ...municipalities.map((m) => ["municipality", m.code] as const),
        ...regions.map((r) => ["region", r] as const),
        ["nation", ""] as const,
      ];
      for (const [scope, code] of scopes)
        relations.push({ total: sp(scope, code, g), parts: special.map((b) => cellId({ scope, code, targetGroup: g, breakdown: b })) });
    }
    const sites = everythingShown(teaching);
    const shares = everythingShown(share);
    let hiddenShares = 0;
    for (const period of new Set(sites.map((f) => f.period))) {
      // the attacker's view of both tables: the share's numerator is the sum of the special sites
      const cells: DisclosureCell[] = sites
        .filter((f) => f.period === period)
        .map((f) => ({ id: idOf(f), measure: "count", numerator: f.numerator, denominator: null, value: null }));
      const withheld = sites.filter((f) => f.period === period && f.withheld).map(idOf);
      for (const f of shares.filter((x) => x.period === period)) {
        const id = sp(
          f.scope.kind as "municipality" | "region" | "nation",
          f.scope.kind === "nation" ? "" : (f.scope as { code: string }).code,
          f.targetGroup,
        );
        cells.push({ id, measure: "count", numerator: f.numerator, denominator: null, value: null });
        if (f.withheld) {
          withheld.push(id);
          hiddenShares++;
        }
      }
      expect(findDetermined(cells, relations, withheld), period).toEqual([]);
    }
    expect(hiddenShares).toBeGreaterThan(10);
  });

  it("computes the same pattern again from the same data (deterministic)", async () => {
    const before = db.$client.prepare("select id, withheld from observations order by id").all();
    const { recomputeDisclosure } = await import("~/data/disclosure.server");
    const summary = recomputeDisclosure(db);
    expect(summary.exposed).toEqual([]);
    expect(db.$client.prepare("select id, withheld from observations order by id").all()).toEqual(before);
    expect(file).toContain(".sqlite");
  });
});

describe("recomputing only the tables a data change touched", () => {
  const pattern = () => db.$client.prepare("select id, withheld from observations order by id").all();
  const sums = () =>
    db.$client.prepare("select * from figure_aggregates order by indicator_code, scope, target_group, breakdown, scope_code, period").all();

  it("gives the same withheld cells and sums as recomputing everything, linked tables included", async () => {
    const { recomputeDisclosure } = await import("~/data/disclosure.server");
    // make small counts in one participation table and one placements table; both have linked tables
    const shrink = db.$client.prepare(
      "update observations set numerator = min(numerator, 2), denominator = min(denominator, 3) where indicator_code = ? and period = ? and municipality_code in ('849', '167', '580', '101') and breakdown = ''",
    );
    shrink.run("fp9-deltagelse", "2021/22");
    db.$client
      .prepare(
        "update observations set numerator = 1 where indicator_code = 'anbragte-type' and period = '2020' and municipality_code = '849' and breakdown = 'opholdssted'",
      )
      .run();
    const summary = recomputeDisclosure(db, [
      { indicatorCode: "fp9-deltagelse", period: "2021/22" },
      { indicatorCode: "anbragte-type", period: "2020" },
    ]);
    // the links pulled in the grade average, the family-care share and the two other ninth-grade rates (FSA and at least 2; ADR 0029) of the same periods
    expect(summary.tables).toBe(6);
    const partial = { pattern: pattern(), sums: sums() };
    recomputeDisclosure(db);
    expect(pattern()).toEqual(partial.pattern);
    expect(sums()).toEqual(partial.sums);

    // and the national figure is the sum of the new raw counts at once
    const indicator = listIndicators(db).find((i) => i.code === "fp9-deltagelse")!;
    const nation = readFigures(db, { indicator, targetGroups: ["anbragte"], periods: ["2021/22"], nation: true })[0];
    const raw = db.$client
      .prepare(
        "select sum(numerator) as n, sum(denominator) as d from observations where indicator_code = 'fp9-deltagelse' and period = '2021/22' and target_group = 'anbragte' and breakdown = ''",
      )
      .get() as { n: number; d: number };
    expect([nation.numerator, nation.denominator]).toEqual([raw.n, raw.d]);
  });
});
