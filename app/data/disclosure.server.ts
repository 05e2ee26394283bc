/**
 * Computes the disclosure pattern (which municipal cells are withheld) and stores it on the
 * observations, and recomputes the regional and national sums in `figure_aggregates`. It runs
 * after every data change, in the same transaction, so every page, export and API response
 * reads one and the same pattern (combining two screens reveals nothing that one screen hides)
 * and the new figures at once.
 *
 * The unit of work is one indicator × period table: its pattern depends only on its own cells
 * and its linked tables for the same period. An import recomputes the tables it touched.
 */
import type { Db } from "../../db/connection";
import { TEACHING_SITES, findIndicatorDef, measureOf, type Measure } from "../domain/catalogue";
import { aggregateOf, combine, type RawFigures } from "../domain/figures";
import { cellId, standardRelations, suppressDetailed, unionCohorts, type Cohort, type DisclosureCell, type ModelCache, type Withholding } from "../domain/disclosure";
import { periodKeyOf } from "../domain/periods";
import { familyDenominatorCells, protectFamily, type FamilyTable, type Population } from "../domain/disclosure/families";
import { lpSolver } from "../domain/disclosure/lp";
import { listIndicators, listMunicipalities, type Indicator } from "./catalogue.server";
import { disclosureConfig } from "./config.server";

type Row = RawFigures & { id: number; municipalityCode: string; targetGroup: string; breakdown: string; withheld: Withholding | null };

/** Cells of one indicator whose withholding forces the same cell of another (same municipality, period, group). */
const LINKED: { from: string; to: string }[] = [
  // the grade average's n is the number of participants, the numerator of the participation rate
  { from: "fp9-deltagelse", to: "fp9-karakter" },
];
const FAMILY_SITES = ["familiepleje", "netvaerkspleje", "kommunal-plejefamilie"];
/**
 * Where pupils are taught counts the pupils of the special-education share: its four special
 * sites add up to that share's numerator, its total is the denominator. The breakdown is
 * suppressed after the share, with the share's numerator as an extra cell tied to the special
 * sites: known where the share is shown, withheld (linked) where it is not, so neither table
 * gives away what the other withholds.
 */
const TEACHING = "undervisningssted";
const SPECIAL_SHARE = "specialundervisning-andel";
const SPECIAL_SITES = TEACHING_SITES.filter((s) => s !== "almen-uden-stoette");
const SPECIAL_CELL = "=specialundervisning";
const PLACEMENTS = "anbragte-type";
const FAMILY_SHARE = "familiepleje-andel";

const key = (m: string, g: string, b: string) => `${m}|${g}|${b}`;

export type DisclosureSummary = {
  tables: number;
  cells: number;
  primary: number;
  secondary: number;
  attribute: number;
  exposed: string[];
  /** The linked families' interval audit (ADR 0029): family × period units, complements it added, its time. */
  audit: { families: number; added: number; ms: number };
  ms: number;
};

/** The population an indicator's rate counts, when other indicators count the same children (ADR 0029). */
const populationOf = (code: string): Population | undefined => findIndicatorDef(code)?.population;

/** One indicator × period table; omitted: every table in the database. */
export type TableRef = { indicatorCode: string; period: string };

export function recomputeDisclosure(db: Db, only?: Iterable<TableRef>): DisclosureSummary {
  const started = performance.now();
  const cfg = disclosureConfig();
  const municipalities = listMunicipalities(db);
  const regionOf = new Map(municipalities.map((m) => [m.code, m.regionCode]));
  const indicators = listIndicators(db);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const c = db.$client;
  // as arrays: better-sqlite3 builds an object per row at about twice the cost of the literal below
  const select = c
    .prepare("select id, municipality_code, target_group, breakdown, numerator, denominator, value, withheld from observations where indicator_code = ? and period_key = ? and period = ?")
    .raw(true);
  const periodsOf = c.prepare("select distinct period from observations where indicator_code = ? order by period_key");
  const update = c.prepare("update observations set withheld = ? where id = ?");
  const clearSums = c.prepare("delete from figure_aggregates where indicator_code = ? and period = ?");
  // summed here from the rows the pattern is computed from: two GROUP BY statements per table read them again
  const insertSum = c.prepare(
    `insert into figure_aggregates (indicator_code, scope, scope_code, period, period_key, target_group, breakdown, numerator, denominator, value)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const summary: DisclosureSummary = { tables: 0, cells: 0, primary: 0, secondary: 0, attribute: 0, exposed: [], audit: { families: 0, added: 0, ms: 0 }, ms: 0 };
  const exposed = new Set<string>();

  // the same for every period of an indicator, and so is the model's structure when the cells are
  const relationsOf = new Map<string, { relations: ReturnType<typeof standardRelations>; cohorts: Cohort[]; cache: ModelCache }>();
  const rowsOf = (indicatorCode: string, period: string): Row[] =>
    (select.all(indicatorCode, periodKeyOf(period), period) as [number, string, string, string, number | null, number | null, number | null, Withholding | null][]).map(
      (r) => ({ id: r[0], municipalityCode: r[1], targetGroup: r[2], breakdown: r[3], numerator: r[4], denominator: r[5], value: r[6], withheld: r[7] }),
    );

  type Aggregate = { scope: "region" | "nation"; code: string; targetGroup: string; breakdown: string; parts: RawFigures[] };
  /** A table's rows by region and for the whole nation, per target group and breakdown. */
  function aggregatesOf(rows: readonly Row[]): Aggregate[] {
    const groups = new Map<string, Aggregate>();
    for (const r of rows) {
      const region = regionOf.get(r.municipalityCode);
      for (const [scope, code] of region === undefined ? ([["nation", ""]] as const) : ([["region", region], ["nation", ""]] as const)) {
        const k = `${scope}|${code}|${r.targetGroup}|${r.breakdown}`;
        const group = groups.get(k);
        if (group) group.parts.push(r);
        else groups.set(k, { scope, code, targetGroup: r.targetGroup, breakdown: r.breakdown, parts: [r] });
      }
    }
    return [...groups.values()];
  }

  /** Suppresses one (indicator, period) table; `linked` are municipal cell keys withheld from outside; `extra` cells are another table's, tied in by relations. */
  function table(indicator: Indicator, rows: Row[], linked: Set<string>, extra: DisclosureCell[] = []): Map<string, Withholding> {
    const measure: Measure = measureOf(indicator.unit);
    const cells: DisclosureCell[] = [];
    for (const r of rows) {
      cells.push({
        id: cellId({ scope: "municipality", code: r.municipalityCode, targetGroup: r.targetGroup, breakdown: r.breakdown }),
        measure,
        numerator: r.numerator,
        denominator: r.denominator,
        value: r.value,
        linked: linked.has(key(r.municipalityCode, r.targetGroup, r.breakdown)),
        outcomeShown: indicator.code === FAMILY_SHARE,
      });
    }
    // aggregates come from raw counts and are always shown, so they are protected
    for (const a of aggregatesOf(rows)) {
      cells.push({
        id: cellId({ scope: a.scope, code: a.code, targetGroup: a.targetGroup, breakdown: a.breakdown }),
        measure,
        ...combine(measure, a.parts),
        protected: true,
        outcomeShown: indicator.code === FAMILY_SHARE,
      });
    }
    cells.push(...extra);
    let relations = relationsOf.get(indicator.code);
    if (!relations) {
      const shape = { municipalities, targetGroups: indicator.targetGroups, breakdowns: indicator.breakdowns };
      const own = standardRelations(shape);
      if (indicator.code === TEACHING) own.push(...specialRelations(indicator.targetGroups));
      relationsOf.set(indicator.code, (relations = { relations: own, cohorts: unionCohorts(shape), cache: {} }));
    }
    const result = suppressDetailed(cells, relations.relations, cfg, relations.cache, relations.cohorts);
    for (const id of result.exposed) exposed.add(`${indicator.code}:${id}`);
    const out = new Map<string, Withholding>();
    for (const r of rows) {
      const k = key(r.municipalityCode, r.targetGroup, r.breakdown);
      const w = result.withheld.get(cellId({ scope: "municipality", code: r.municipalityCode, targetGroup: r.targetGroup, breakdown: r.breakdown }));
      // a linked cell is hidden even without a figure: its n alone (0 graded) would reveal the other indicator's cell
      if (w) out.set(k, w);
      else if (linked.has(k)) out.set(k, "secondary");
    }
    return out;
  }

  /** The share's numerator = Σ the special sites, in every scope and group. */
  function specialRelations(targetGroups: readonly string[]) {
    const regions = [...new Set(municipalities.map((m) => m.regionCode))];
    const scopes = [
      ...municipalities.map((m) => ({ scope: "municipality" as const, code: m.code })),
      ...regions.map((code) => ({ scope: "region" as const, code })),
      { scope: "nation" as const, code: "" },
    ];
    return scopes.flatMap((s) =>
      targetGroups.map((targetGroup) => ({
        total: cellId({ ...s, targetGroup, breakdown: SPECIAL_CELL }),
        parts: SPECIAL_SITES.map((breakdown) => cellId({ ...s, targetGroup, breakdown })),
      })),
    );
  }

  /** The share's numerators as count cells of the breakdown's table: shown ones known, withheld ones linked, aggregates protected. */
  function specialCells(period: string, shareWithheld: ReadonlyMap<string, Withholding>): DisclosureCell[] {
    const rows = rowsOf(SPECIAL_SHARE, period).filter((r) => r.breakdown === "");
    const cells: DisclosureCell[] = rows.map((r) => ({
      id: cellId({ scope: "municipality", code: r.municipalityCode, targetGroup: r.targetGroup, breakdown: SPECIAL_CELL }),
      measure: "count",
      numerator: r.numerator,
      denominator: null,
      value: null,
      // shown in the share's table: a known constant here, never a complement
      ...(shareWithheld.has(key(r.municipalityCode, r.targetGroup, "")) ? { linked: true } : { protected: true }),
    }));
    for (const a of aggregatesOf(rows)) {
      cells.push({ id: cellId({ scope: a.scope, code: a.code, targetGroup: a.targetGroup, breakdown: SPECIAL_CELL }), measure: "count", ...combine("count", a.parts.map((p) => ({ numerator: p.numerator, denominator: null, value: null }))), protected: true });
    }
    return cells;
  }

  function write(indicatorCode: string, period: string, rows: Row[], withheld: Map<string, Withholding>) {
    summary.tables++;
    const periodKey = periodKeyOf(period);
    clearSums.run(indicatorCode, period);
    for (const a of aggregatesOf(rows)) {
      const f = aggregateOf(a.parts);
      insertSum.run(indicatorCode, a.scope, a.code, period, periodKey, a.targetGroup, a.breakdown, f.numerator, f.denominator, f.value);
    }
    for (const r of rows) {
      const w = withheld.get(key(r.municipalityCode, r.targetGroup, r.breakdown)) ?? null;
      if (w !== r.withheld) update.run(w, r.id);
      summary.cells++;
      if (w === "primary") summary.primary++;
      if (w === "secondary") summary.secondary++;
      if (w === "attribute") summary.attribute++;
    }
  }

  // the tables to recompute, per indicator, closed over the links between tables
  const wanted = new Map<string, Set<string>>();
  const want = (code: string, period: string) => {
    if (!byCode.has(code)) return;
    const periods = wanted.get(code);
    if (periods) periods.add(period);
    else wanted.set(code, new Set([period]));
  };
  if (only) {
    for (const { indicatorCode, period } of only) {
      want(indicatorCode, period);
      for (const l of LINKED) if (l.from === indicatorCode || l.to === indicatorCode) {
          want(l.from, period);
          want(l.to, period);
        }
      if (indicatorCode === PLACEMENTS || indicatorCode === FAMILY_SHARE) {
        want(PLACEMENTS, period);
        want(FAMILY_SHARE, period);
      }
      if (indicatorCode === TEACHING || indicatorCode === SPECIAL_SHARE) {
        want(TEACHING, period);
        want(SPECIAL_SHARE, period);
      }
      // a table of a linked family is protected with all the others of its period
      const population = populationOf(indicatorCode);
      if (population) for (const i of indicators) if (populationOf(i.code) === population) want(i.code, period);
    }
  } else {
    for (const i of indicators) for (const { period } of periodsOf.all(i.code) as { period: string }[]) want(i.code, period);
  }
  const periodsWanted = (code: string) => [...(wanted.get(code) ?? [])].sort((a, b) => periodKeyOf(a) - periodKeyOf(b));

  const linkedInto = new Map<string, Set<string>>(); // "indicator|period" → municipal keys forced
  const specialWithheld = new Map<string, Map<string, Withholding>>(); // period → the share's withheld cells

  /** The stored pattern of a table not recomputed in this run. */
  function readWithheld(indicatorCode: string, period: string): Map<string, Withholding> {
    const out = new Map<string, Withholding>();
    for (const r of rowsOf(indicatorCode, period)) if (r.withheld) out.set(key(r.municipalityCode, r.targetGroup, r.breakdown), r.withheld);
    return out;
  }

  function propagateLinks(indicatorCode: string, period: string, withheld: Map<string, Withholding>) {
    for (const link of LINKED.filter((l) => l.from === indicatorCode)) {
      const target = linkedInto.get(`${link.to}|${period}`) ?? new Set<string>();
      for (const k of withheld.keys()) target.add(k);
      linkedInto.set(`${link.to}|${period}`, target);
    }
  }

  function suppressIndicator(indicator: Indicator) {
    for (const period of periodsWanted(indicator.code)) {
      const rows = rowsOf(indicator.code, period);
      const extra = indicator.code === TEACHING ? specialCells(period, specialWithheld.get(period) ?? readWithheld(SPECIAL_SHARE, period)) : [];
      const withheld = rows.length ? table(indicator, rows, linkedInto.get(`${indicator.code}|${period}`) ?? new Set(), extra) : new Map<string, Withholding>();
      write(indicator.code, period, rows, withheld);
      if (indicator.code === SPECIAL_SHARE) specialWithheld.set(period, withheld);
      propagateLinks(indicator.code, period, withheld);
    }
  }

  /**
   * The tables of one population and period together (ADR 0029): one pattern for the shared
   * denominators, each table's own rules on top, then the interval audit adds complements until
   * every cell withheld on its own account keeps an interval at least k wide.
   */
  function suppressFamily(members: Indicator[]) {
    const started = performance.now();
    const periods = [...new Set(members.flatMap((m) => periodsWanted(m.code)))].sort((a, b) => periodKeyOf(a) - periodKeyOf(b));
    for (const period of periods) {
      const rowsBy = new Map(members.map((m) => [m.code, rowsOf(m.code, period)]));
      // the family's tables have no breakdown; rows with one (the benchmark's scale copies) are families of their own
      const breakdowns = [...new Set([...rowsBy.values()].flat().map((r) => r.breakdown))].sort();
      const asTables = (breakdown: string, withheldOf: (code: string, r: Row) => Withholding | null): FamilyTable[] =>
        members.map((m) => ({
          indicatorCode: m.code,
          cells: rowsBy
            .get(m.code)!
            .filter((r) => r.breakdown === breakdown)
            .map((r) => ({ municipalityCode: r.municipalityCode, targetGroup: r.targetGroup, numerator: r.numerator, denominator: r.denominator, withheld: withheldOf(m.code, r) })),
        }));
      const groups = [...new Set(members.flatMap((m) => m.targetGroups))];
      const shared = new Set<string>();
      for (const b of breakdowns) {
        const denominators = suppressDetailed(
          familyDenominatorCells({ municipalities, tables: asTables(b, () => null) }),
          standardRelations({ municipalities, targetGroups: groups, breakdowns: [] }),
          cfg,
        );
        for (const id of denominators.withheld.keys()) {
          const [scope, code, group] = id.split("/");
          if (scope === "municipality") shared.add(key(code, group, b));
        }
      }
      const patterns = new Map(members.map((m) => [m.code, rowsBy.get(m.code)!.length ? table(m, rowsBy.get(m.code)!, shared) : new Map<string, Withholding>()]));
      const withheldBy = new Map(members.map((m) => [m.code, new Map<string, Withholding>()]));
      for (const b of breakdowns) {
        const tables = asTables(b, (code, r) => patterns.get(code)!.get(key(r.municipalityCode, r.targetGroup, r.breakdown)) ?? null);
        const report = protectFamily({ municipalities, tables, cfg }, lpSolver());
        summary.audit.families++;
        summary.audit.added += report.added.length;
        for (const a of report.exposed) exposed.add(`${a.indicatorCode}:${cellId({ scope: "municipality", code: a.municipalityCode, targetGroup: a.targetGroup, breakdown: b })}`);
        for (const t of tables) for (const c of t.cells) if (c.withheld) withheldBy.get(t.indicatorCode)!.set(key(c.municipalityCode, c.targetGroup, b), c.withheld);
      }
      for (const m of members) {
        write(m.code, period, rowsBy.get(m.code)!, withheldBy.get(m.code)!);
        // the teaching breakdown is checked against the special-education share's pattern
        if (m.code === SPECIAL_SHARE) specialWithheld.set(period, withheldBy.get(m.code)!);
        propagateLinks(m.code, period, withheldBy.get(m.code)!);
      }
    }
    summary.audit.ms += Math.round(performance.now() - started);
  }

  db.$client.transaction(() => {
    if (!only) c.exec("delete from figure_aggregates");
    const placements = byCode.get(PLACEMENTS);
    const share = byCode.get(FAMILY_SHARE);
    if (placements && share) suppressPlacementsJointly(placements, share);
    // families first: they are link sources too
    const families = new Map<Population, Indicator[]>();
    for (const i of indicators) {
      const population = populationOf(i.code);
      if (population && measureOf(i.unit) === "rate") families.set(population, [...(families.get(population) ?? []), i]);
    }
    for (const members of families.values()) suppressFamily(members);
    const inFamily = new Set([...families.values()].flat());
    // link sources first, so their targets know what they must withhold; the teaching breakdown after the share
    const after = (i: Indicator) => Number(LINKED.some((l) => l.to === i.code) || i.code === TEACHING);
    const ordered = indicators.filter((i) => i !== placements && i !== share && !inFamily.has(i)).sort((a, b) => after(a) - after(b));
    for (const indicator of ordered) suppressIndicator(indicator);
  })();

  /**
   * The share in family care is Σ family sites / the total of the placements breakdown, so the
   * two tables are suppressed together until neither reveals what the other withholds.
   */
  function suppressPlacementsJointly(placements: Indicator, share: Indicator) {
    const periods = [...new Set([...periodsWanted(placements.code), ...periodsWanted(share.code)])].sort((a, b) => periodKeyOf(a) - periodKeyOf(b));
    const otherSites = placements.breakdowns.filter((b) => !FAMILY_SITES.includes(b));
    for (const period of periods) {
      const siteRows = rowsOf(placements.code, period);
      const shareRows = rowsOf(share.code, period);
      const sitesOf = new Map<string, Row[]>();
      for (const r of siteRows) {
        const own = sitesOf.get(r.municipalityCode);
        if (own) own.push(r);
        else sitesOf.set(r.municipalityCode, [r]);
      }
      const forcedSites = new Set<string>();
      const forcedShare = new Set<string>();
      let sites = new Map<string, Withholding>();
      let shares = new Map<string, Withholding>();
      for (let round = 0; round < 10; round++) {
        const before = forcedSites.size + forcedShare.size;
        sites = siteRows.length ? table(placements, siteRows, forcedSites) : new Map();
        for (const m of municipalities) {
          const group = "anbragte";
          const isWithheld = (b: string) => sites.has(key(m.code, group, b));
          const family = FAMILY_SITES.filter(isWithheld).length;
          const other = otherSites.filter(isWithheld).length;
          // the share shows Σ family (numerator) and the total (denominator): one hidden site in either sum would be revealed
          if (isWithheld("") || family === 1 || other === 1) forcedShare.add(key(m.code, group, ""));
        }
        shares = shareRows.length ? table(share, shareRows, forcedShare) : new Map();
        for (const m of municipalities) {
          const group = "anbragte";
          if (!shares.has(key(m.code, group, "")) || sites.has(key(m.code, group, ""))) continue;
          // a withheld share with its total shown: both the family and the other sites must keep a hidden cell
          for (const side of [FAMILY_SITES, otherSites]) {
            if (side.some((b) => sites.has(key(m.code, group, b)))) continue;
            const smallest = (sitesOf.get(m.code) ?? [])
              .filter((r) => r.targetGroup === group && side.includes(r.breakdown) && (r.numerator ?? 0) > 0)
              .sort((a, b) => (a.numerator ?? 0) - (b.numerator ?? 0) || a.breakdown.localeCompare(b.breakdown))[0];
            if (smallest) forcedSites.add(key(m.code, group, smallest.breakdown));
          }
        }
        if (forcedSites.size + forcedShare.size === before) break;
      }
      write(placements.code, period, siteRows, sites);
      write(share.code, period, shareRows, shares);
    }
  }

  summary.exposed = [...exposed].sort();
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

/** The families of linked tables (ADR 0029): population → its rate indicators, from the catalogue. */
export function linkedFamilies(db: Db): Map<Population, Indicator[]> {
  const families = new Map<Population, Indicator[]>();
  for (const i of listIndicators(db)) {
    const population = populationOf(i.code);
    if (population && measureOf(i.unit) === "rate") families.set(population, [...(families.get(population) ?? []), i]);
  }
  return families;
}

/** One family's tables for one period with the stored pattern, as the interval audit reads them. */
export function storedFamily(db: Db, members: readonly Indicator[], period: string): FamilyTable[] {
  const select = db.$client.prepare(
    "select municipality_code as municipalityCode, target_group as targetGroup, numerator, denominator, withheld from observations where indicator_code = ? and period_key = ? and period = ? and breakdown = ''",
  );
  return members.map((m) => ({ indicatorCode: m.code, cells: select.all(m.code, periodKeyOf(period), period) as FamilyTable["cells"] }));
}
