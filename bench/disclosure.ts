/**
 * Times suppress() on realistic tables: 98 municipalities × 5 target groups, without and with
 * the 7 placement sites (+ total), and on every (indicator, period) table of the demo data.
 * Run: npx tsx bench/disclosure.ts
 */
import { INDICATORS, PLACEMENT_SITES, TARGET_GROUPS, measureOf, type Measure } from "../app/domain/catalogue";
import { combine, type RawFigures } from "../app/domain/figures";
import { cellId, findDetermined, standardRelations, suppressDetailed, type DisclosureCell } from "../app/domain/disclosure";
import { generateDemoObservations } from "../seeds/generator";
import { readMunicipalities, type MunicipalitySeed } from "../seeds/municipalities";

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Poisson via inversion for small means, normal approximation for large ones. */
function poisson(rand: () => number, mean: number): number {
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gauss(rand)));
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rand();
  } while (p > l);
  return k - 1;
}
function gauss(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
}
function binomial(rand: () => number, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rand() < p) k++;
  return k;
}

// share of a cohort per raw group; udsatte and alle are sums
const GROUP_SHARE = { anbragte: 0.012, forebyggende: 0.03, oevrige: 0.958 } as const;

function buildTable(measure: Measure, breakdowns: readonly string[], seed: number) {
  const rand = mulberry32(seed);
  const munis = readMunicipalities();
  const cohortPerCapita = measure === "count" ? 0.2 : 0.012; // all 0–17-year-olds vs one school year
  const raw = new Map<string, RawFigures>();
  const put = (scope: "municipality" | "region" | "nation", code: string, g: string, b: string, r: RawFigures) =>
    raw.set(cellId({ scope, code, targetGroup: g, breakdown: b }), r);

  for (const m of munis) {
    for (const g of ["anbragte", "forebyggende", "oevrige"] as const) {
      const bs = breakdowns.length ? breakdowns : [""];
      const perSite: RawFigures[] = [];
      for (const b of bs) {
        const mean = (m.populationApprox * cohortPerCapita * GROUP_SHARE[g]) / bs.length;
        const n = poisson(rand, mean);
        const r: RawFigures =
          measure === "count"
            ? { numerator: n, denominator: null, value: null }
            : measure === "rate"
              ? { numerator: binomial(rand, n, g === "oevrige" ? 0.9 : 0.55), denominator: n, value: null }
              : { numerator: null, denominator: n, value: n ? Math.round((4 + 4 * rand()) * 10) / 10 : null };
        put("municipality", m.code, g, b, r);
        perSite.push(r);
      }
      if (breakdowns.length) put("municipality", m.code, g, "", combine(measure, perSite));
    }
    for (const b of ["", ...breakdowns]) {
      const get = (g: string) => raw.get(cellId({ scope: "municipality", code: m.code, targetGroup: g, breakdown: b }))!;
      const udsatte = combine(measure, [get("anbragte"), get("forebyggende")]);
      put("municipality", m.code, "udsatte", b, udsatte);
      put("municipality", m.code, "alle", b, combine(measure, [udsatte, get("oevrige")]));
    }
  }
  return tableFrom(measure, munis, [...TARGET_GROUPS], breakdowns, raw);
}

/** Adds region and nation aggregates (protected) to municipal raw figures; returns cells and relations. */
function tableFrom(
  measure: Measure,
  munis: MunicipalitySeed[],
  groups: string[],
  breakdowns: readonly string[],
  raw: Map<string, RawFigures>,
): { cells: DisclosureCell[]; relations: ReturnType<typeof standardRelations> } {
  const put = (scope: "region" | "nation", code: string, g: string, b: string, r: RawFigures) =>
    raw.set(cellId({ scope, code, targetGroup: g, breakdown: b }), r);
  const regions = [...new Set(munis.map((m) => m.regionCode))];
  for (const g of groups) {
    for (const b of ["", ...breakdowns]) {
      const muniRaw = (ms: typeof munis) =>
        ms.map((m) => raw.get(cellId({ scope: "municipality", code: m.code, targetGroup: g, breakdown: b }))!);
      for (const r of regions) put("region", r, g, b, combine(measure, muniRaw(munis.filter((m) => m.regionCode === r))));
      put("nation", "", g, b, combine(measure, muniRaw(munis)));
    }
  }
  const cells: DisclosureCell[] = [...raw].map(([id, r]) => ({
    id,
    measure,
    ...r,
    protected: !id.startsWith("municipality/"),
  }));
  const relations = standardRelations({ municipalities: munis, targetGroups: groups, breakdowns: [...breakdowns] });
  return { cells, relations };
}

/** Median of `reps` runs after a warm-up. */
function time<T>(f: () => T, reps: number): { ms: number; result: T } {
  let result = f();
  const runs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    result = f();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return { ms: runs[Math.floor(runs.length / 2)], result };
}

for (const breakdowns of [[], PLACEMENT_SITES]) {
  for (const measure of ["rate", "count", "mean"] as const) {
    const { cells, relations } = buildTable(measure, breakdowns, 20241);
    const { ms, result } = time(() => suppressDetailed(cells, relations), breakdowns.length ? 5 : 21);
    const values = [...result.withheld.values()];
    const primary = values.filter((v) => v === "primary").length;
    const check = time(() => findDetermined(cells, relations, result.withheld), breakdowns.length ? 3 : 11);
    console.log(
      `${measure.padEnd(5)} 98 kommuner × 5 grupper × ${breakdowns.length + 1} opdelinger: ${cells.length} celler, ${relations.length} relationer, ` +
        `${primary} primære + ${values.length - primary} sekundære: ${ms.toFixed(1)} ms` +
        ` (kontrol ${check.ms.toFixed(1)} ms, afslørede ${check.result.length}, ubeskyttelige ${result.exposed.length})`,
    );
  }
}

// every (indicator, period) table of the demo data, as the server would run it
{
  const munis = readMunicipalities();
  const t0 = performance.now();
  const observations = generateDemoObservations(munis);
  const tGen = performance.now() - t0;
  const tables = new Map<string, typeof observations>();
  for (const o of observations) {
    const key = `${o.indicatorCode}|${o.period}`;
    let list = tables.get(key);
    if (!list) tables.set(key, (list = []));
    list.push(o);
  }
  const prepared = [...tables].map(([key, obs]) => {
    const ind = INDICATORS.find((i) => i.code === key.split("|")[0])!;
    const raw = new Map<string, RawFigures>();
    for (const o of obs) {
      raw.set(cellId({ scope: "municipality", code: o.municipalityCode, targetGroup: o.targetGroup, breakdown: o.breakdown }), o);
    }
    return tableFrom(measureOf(ind.unit), munis, [...ind.targetGroups], ind.breakdowns ?? [], raw);
  });
  let withheld = 0;
  let exposed = 0;
  let slowest = 0;
  const t1 = performance.now();
  for (const { cells, relations } of prepared) {
    const s0 = performance.now();
    const r = suppressDetailed(cells, relations);
    slowest = Math.max(slowest, performance.now() - s0);
    withheld += r.withheld.size;
    exposed += r.exposed.length;
  }
  const total = performance.now() - t1;
  console.log(
    `demodata: ${prepared.length} tabeller (genereret på ${tGen.toFixed(0)} ms), suppress i alt ${total.toFixed(0)} ms, ` +
      `langsomste ${slowest.toFixed(1)} ms, ${withheld} tilbageholdte celler, ${exposed} ubeskyttelige`,
  );
}
