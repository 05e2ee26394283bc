import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { INDICATORS, PLACEMENT_SITES, TEACHING_SITES, measureOf } from "~/domain/catalogue";
import {
  CALIBRATION_TARGETS,
  DEMO_PERIODS,
  DEMO_SEED,
  generateDemoObservations,
  iterateDemoObservations,
  type ObservationSeed,
} from "../../seeds/generator";
import { readMunicipalities } from "../../seeds/municipalities";
import { checkTargets, formatTargetTable, nationalFigures } from "../../seeds/report";

const munis = readMunicipalities();
const started = performance.now();
const rows = generateDemoObservations(munis);
const elapsedMs = performance.now() - started;

const sha = (rs: ObservationSeed[]) => createHash("sha256").update(JSON.stringify(rs)).digest("hex");
const key = (ind: string, muni: string, period: string, group: string, breakdown = "") => `${ind}|${muni}|${period}|${group}|${breakdown}`;
const byKey = new Map(rows.map((r) => [key(r.indicatorCode, r.municipalityCode, r.period, r.targetGroup, r.breakdown), r]));
const get = (ind: string, muni: string, period: string, group: string, breakdown = ""): ObservationSeed => {
  const r = byKey.get(key(ind, muni, period, group, breakdown));
  if (!r) throw new Error(`missing ${key(ind, muni, period, group, breakdown)}`);
  return r;
};
const round1 = (x: number) => Math.round(x * 10) / 10;

describe("municipalities", () => {
  it("reads all 98 with three-digit codes and positive populations", () => {
    expect(munis).toHaveLength(98);
    expect(new Set(munis.map((m) => m.code)).size).toBe(98);
    for (const m of munis) {
      expect(m.code).toMatch(/^\d{3}$/);
      expect(m.populationApprox).toBeGreaterThan(0);
      expect(m.regionCode).toMatch(/^\d{4}$/);
    }
    expect(munis.find((m) => m.code === "849")?.name).toBe("Jammerbugt");
  });
});

describe("demo generator", () => {
  it("is fast enough for scale 1", () => {
    expect(rows.length).toBeGreaterThan(100_000);
    // the budget grew with the catalogue (about 114,000 rows, twice the first one's), and the
    // suite runs on 2 shared cores
    expect(elapsedMs).toBeLessThan(4000);
  });

  it("is deterministic for a seed and differs between seeds", () => {
    const again = generateDemoObservations(munis, { seed: DEMO_SEED });
    expect(sha(again)).toBe(sha(rows));
    expect(sha(generateDemoObservations(munis, { seed: DEMO_SEED + 1 }))).not.toBe(sha(rows));
  });

  it("covers every municipality × indicator × group × period exactly once", () => {
    let expected = 0;
    for (const ind of INDICATORS) {
      expected += munis.length * ind.targetGroups.length * DEMO_PERIODS[ind.cadence].length * (1 + (ind.breakdowns?.length ?? 0));
    }
    expect(rows).toHaveLength(expected);
    expect(byKey.size).toBe(rows.length);
    for (const ind of INDICATORS)
      for (const m of munis)
        for (const g of ind.targetGroups)
          for (const p of DEMO_PERIODS[ind.cadence]) {
            get(ind.code, m.code, p, g);
            for (const b of ind.breakdowns ?? []) get(ind.code, m.code, p, g, b);
          }
    expect(DEMO_PERIODS.school_year[0]).toBe("2015/16");
    expect(DEMO_PERIODS.school_year.at(-1)).toBe("2024/25");
    expect(DEMO_PERIODS.year).toHaveLength(11);
    expect(DEMO_PERIODS.quarter[0]).toBe("2023K1");
    expect(DEMO_PERIODS.quarter.at(-1)).toBe("2025K4");
  });

  it("stores raw figures of the right shape: non-negative integers, numerator ≤ denominator", () => {
    const measure = new Map(INDICATORS.map((i) => [i.code, measureOf(i.unit)]));
    const isCount = (x: number | null) => x !== null && Number.isInteger(x) && x >= 0;
    for (const r of rows) {
      switch (measure.get(r.indicatorCode)) {
        case "rate":
          if (!isCount(r.numerator) || !isCount(r.denominator) || r.value !== null) throw new Error(JSON.stringify(r));
          if (r.numerator! > r.denominator!) throw new Error(`numerator > denominator: ${JSON.stringify(r)}`);
          break;
        case "count":
          if (!isCount(r.numerator) || r.denominator !== null || r.value !== null) throw new Error(JSON.stringify(r));
          break;
        case "mean":
          if (r.numerator !== null || !isCount(r.denominator)) throw new Error(JSON.stringify(r));
          if (r.denominator! > 0 !== (r.value !== null)) throw new Error(`value iff children: ${JSON.stringify(r)}`);
          if (r.value !== null && r.indicatorCode === "fp9-karakter") {
            if (r.value < -3 || r.value > 12 || round1(r.value) !== r.value) throw new Error(JSON.stringify(r));
          }
          if (r.value !== null && r.indicatorCode.startsWith("udgift") && !Number.isInteger(r.value)) throw new Error(JSON.stringify(r));
          break;
        default:
          throw new Error(`unknown indicator ${r.indicatorCode}`);
      }
    }
  });

  it("reproduces every calibration target nationally", () => {
    const checks = checkTargets(nationalFigures(rows));
    const failed = checks.filter((c) => !c.ok);
    expect(failed, formatTargetTable(failed)).toEqual([]);
    expect(checks).toHaveLength(CALIBRATION_TARGETS.length);
  });

  it("udsatte is the union of anbragte and forebyggende: max(a, f) ≤ u ≤ a + f, and alle = udsatte + øvrige exactly", () => {
    let checked = 0;
    let overlapping = 0;
    for (const ind of INDICATORS) {
      const groups = new Set<string>(ind.targetGroups);
      const measure = measureOf(ind.unit);
      if (!groups.has("udsatte")) continue;
      for (const m of munis)
        for (const p of DEMO_PERIODS[ind.cadence]) {
          const a = get(ind.code, m.code, p, "anbragte");
          const f = get(ind.code, m.code, p, "forebyggende");
          const u = get(ind.code, m.code, p, "udsatte");
          const within = (x: number | null, y: number | null, z: number | null) => z! >= Math.max(x!, y!) && z! <= x! + y!;
          // the children counted: a count's number, a rate's or a mean's n
          const n = (r: ObservationSeed) => (measure === "count" ? r.numerator : r.denominator);
          if (!within(n(a), n(f), n(u))) throw new Error(`${ind.code} ${m.code} ${p}: n`);
          if (measure === "rate" && !within(a.numerator, f.numerator, u.numerator))
            throw new Error(`${ind.code} ${m.code} ${p}: numerator`);
          if (n(u)! < n(a)! + n(f)!) overlapping++;
          if (groups.has("alle")) {
            const o = get(ind.code, m.code, p, "oevrige");
            const all = get(ind.code, m.code, p, "alle");
            expect(n(all)).toBe(n(u)! + n(o)!);
            if (measure === "rate") expect(all.numerator).toBe(u.numerator! + o.numerator!);
          }
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(5000);
    // children with both a placement and a preventive measure are counted once in udsatte
    expect(overlapping).toBeGreaterThan(checked / 2);
  });

  it("reproduces seed 000's national 2023/24 exam participation (56 % of 5,520, 48 % of 1,227, 57 % of 4,930, 92 % of 64,185)", () => {
    const national = new Map(
      nationalFigures(rows.filter((r) => r.indicatorCode === "fp9-deltagelse" && r.period === "2023/24")).map((f) => [f.targetGroup, f]),
    );
    const expected: [string, number, number][] = [
      ["udsatte", 56, 5520],
      ["anbragte", 48, 1227],
      ["forebyggende", 57, 4930],
      ["oevrige", 92, 64185],
    ];
    for (const [g, pct, n] of expected) {
      const f = national.get(g)!;
      expect(Math.abs(f.value! - pct), g).toBeLessThanOrEqual(1);
      expect(Math.abs(f.denominator! - n) / n, g).toBeLessThanOrEqual(0.02);
    }
    expect(national.get("udsatte")!.denominator!).toBeLessThan(
      national.get("anbragte")!.denominator! + national.get("forebyggende")!.denominator!,
    );
  });

  it("labels every calibration target with its real source: a seed file, a named publisher, or antaget", () => {
    for (const t of CALIBRATION_TARGETS)
      expect(t.source, `${t.indicatorCode} ${t.period} ${t.targetGroup}`).toMatch(/^(seed 00[0-4]|Danmarks Statistik|SBST|KL|antaget)/);
    const seedSourced = (code: string) => CALIBRATION_TARGETS.filter((t) => t.indicatorCode === code && t.source.startsWith("seed"));
    // 001's FSA completion (50/63/93 %) is its own measure, not exam participation
    expect(
      seedSourced("fsa-gennemfoert")
        .map((t) => t.expected)
        .sort(),
    ).toEqual([50, 63, 93]);
    expect(seedSourced("fp9-deltagelse").every((t) => t.period === "2023/24")).toBe(true);
    // 002: foster care incl. network care was 55 % of placements in 2019
    expect(
      CALIBRATION_TARGETS.some(
        (t) => t.indicatorCode === "familiepleje-andel" && t.period === "2019" && t.expected === 55 && t.source.startsWith("seed 002"),
      ),
    ).toBe(true);
  });

  it("keeps linked indicators consistent", () => {
    for (const m of munis) {
      for (const p of DEMO_PERIODS.year) {
        const total = get("anbragte-type", m.code, p, "anbragte").numerator!;
        const site = (s: string) => get("anbragte-type", m.code, p, "anbragte", s).numerator!;
        expect(PLACEMENT_SITES.reduce((s, b) => s + site(b), 0)).toBe(total);
        const share = get("familiepleje-andel", m.code, p, "anbragte");
        expect(share.denominator).toBe(total);
        expect(share.numerator).toBe(site("familiepleje") + site("netvaerkspleje") + site("kommunal-plejefamilie"));
        // gender (seed 002 splits the placed children by it): boys among the same placed children
        expect(get("anbragte-drenge", m.code, p, "anbragte").denominator).toBe(total);
      }
      for (const p of DEMO_PERIODS.school_year)
        for (const g of ["anbragte", "forebyggende", "oevrige"]) {
          const part = get("fp9-deltagelse", m.code, p, g);
          const min2 = get("fp9-min2", m.code, p, g);
          expect(min2.denominator).toBe(part.denominator);
          expect(min2.numerator!).toBeLessThanOrEqual(part.numerator!);
          expect(get("fp9-karakter", m.code, p, g).denominator).toBe(part.numerator);
          expect(get("fravaer", m.code, p, g).denominator).toBe(get("specialundervisning-andel", m.code, p, g).denominator);
        }
      // where pupils are taught: the special-education share follows from the breakdown
      for (const p of DEMO_PERIODS.school_year)
        for (const g of ["anbragte", "udsatte", "alle"]) {
          const share = get("specialundervisning-andel", m.code, p, g);
          const sites = TEACHING_SITES.map((b) => get("undervisningssted", m.code, p, g, b).numerator!);
          expect(get("undervisningssted", m.code, p, g).numerator).toBe(share.denominator);
          expect(sites.reduce((t, x) => t + x, 0)).toBe(share.denominator);
          expect(sites.slice(1).reduce((t, x) => t + x, 0)).toBe(share.numerator);
        }
      for (const p of DEMO_PERIODS.quarter)
        expect(get("opfoelgning-rettidig", m.code, p, "anbragte").denominator).toBe(
          get("handleplan-skolemaal", m.code, p, "anbragte").denominator,
        );
    }
  });

  it("gives small municipalities small cells, including 1–4 and some zeros", () => {
    for (const code of ["825", "741", "563", "492"]) {
      const own = rows.filter((r) => r.municipalityCode === code && r.numerator !== null);
      const small = own.filter((r) => {
        const t = r.numerator!;
        const rest = r.denominator === null ? null : r.denominator - t;
        return (t >= 1 && t <= 4) || (rest !== null && rest >= 1 && rest <= 4);
      });
      expect(small.length, code).toBeGreaterThan(20);
      expect(
        own.some((r) => r.numerator === 0),
        code,
      ).toBe(true);
    }
  });

  it("scale 2 appends one skala-2 copy and leaves the scale-1 rows unchanged", () => {
    const twice = generateDemoObservations(munis, { scale: 2 });
    expect(twice).toHaveLength(2 * rows.length);
    expect(sha(twice.slice(0, rows.length))).toBe(sha(rows));
    const extra = twice.slice(rows.length);
    extra.forEach((r, i) => {
      const base = rows[i]!;
      const label = base.breakdown === "" ? "skala-2" : `skala-2/${base.breakdown}`;
      if (
        r.breakdown !== label ||
        r.indicatorCode !== base.indicatorCode ||
        r.municipalityCode !== base.municipalityCode ||
        r.period !== base.period ||
        r.targetGroup !== base.targetGroup ||
        (r.numerator === null) !== (base.numerator === null) ||
        (r.denominator === null) !== (base.denominator === null)
      ) {
        throw new Error(`scale row ${i} does not mirror ${JSON.stringify(base)}: ${JSON.stringify(r)}`);
      }
    });
    expect(sha(extra.map((r) => ({ ...r, breakdown: r.breakdown.replace(/^skala-2\/?/, "") })))).not.toBe(sha(rows));
    expect(new Set(twice.map((r) => key(r.indicatorCode, r.municipalityCode, r.period, r.targetGroup, r.breakdown))).size).toBe(
      twice.length,
    );
  });

  it("streams the same rows as the array function", () => {
    let i = 0;
    for (const r of iterateDemoObservations(munis, { seed: DEMO_SEED })) {
      if (i < 1000 && JSON.stringify(r) !== JSON.stringify(rows[i])) throw new Error(`row ${i} differs`);
      i++;
    }
    expect(i).toBe(rows.length);
  });

  it("rejects an invalid scale", () => {
    expect(() => generateDemoObservations(munis, { scale: 0 })).toThrow(RangeError);
    expect(() => generateDemoObservations(munis, { scale: 1.5 })).toThrow(RangeError);
  });
});
