/**
 * Computes the disclosure pattern (which municipal cells are withheld) for the whole database
 * and stores it on the observations. It runs after every data change, so every page, export
 * and API response reads one and the same pattern: combining two screens reveals nothing that
 * one screen hides.
 */
import type { Db } from "../../db/connection";
import { measureOf, type Measure } from "../domain/catalogue";
import { combine, type RawFigures } from "../domain/figures";
import { cellId, standardRelations, suppressDetailed, type DisclosureCell, type Withholding } from "../domain/disclosure";
import { listIndicators, listMunicipalities, type Indicator } from "./catalogue.server";
import { disclosureConfig } from "./config.server";

type Row = RawFigures & { id: number; municipalityCode: string; targetGroup: string; breakdown: string };

/** Cells of one indicator whose withholding forces the same cell of another (same municipality, period, group). */
const LINKED: { from: string; to: string }[] = [
  // the grade average's n is the number of participants, the numerator of the participation rate
  { from: "fp9-deltagelse", to: "fp9-karakter" },
];
const FAMILY_SITES = ["familiepleje", "netvaerkspleje", "kommunal-plejefamilie"];
const PLACEMENTS = "anbragte-type";
const FAMILY_SHARE = "familiepleje-andel";

const key = (m: string, g: string, b: string) => `${m}|${g}|${b}`;

export type DisclosureSummary = { tables: number; cells: number; primary: number; secondary: number; exposed: string[]; ms: number };

export function recomputeDisclosure(db: Db): DisclosureSummary {
  const started = performance.now();
  const cfg = disclosureConfig();
  const municipalities = listMunicipalities(db);
  const regionOf = new Map(municipalities.map((m) => [m.code, m.regionCode]));
  const indicators = listIndicators(db);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const select = db.$client.prepare(
    "select id, municipality_code as municipalityCode, target_group as targetGroup, breakdown, numerator, denominator, value from observations where indicator_code = ? and period = ?",
  );
  const periodsOf = db.$client.prepare("select distinct period from observations where indicator_code = ? order by period_key");
  const update = db.$client.prepare("update observations set withheld = ? where id = ?");
  const summary: DisclosureSummary = { tables: 0, cells: 0, primary: 0, secondary: 0, exposed: [], ms: 0 };
  const exposed = new Set<string>();

  /** Suppresses one (indicator, period) table; `linked` are municipal cell keys withheld from outside. */
  function table(indicator: Indicator, rows: Row[], linked: Set<string>): Map<string, Withholding> {
    const measure: Measure = measureOf(indicator.unit);
    const cells: DisclosureCell[] = [];
    const groups = new Map<string, RawFigures[]>();
    for (const r of rows) {
      cells.push({
        id: cellId({ scope: "municipality", code: r.municipalityCode, targetGroup: r.targetGroup, breakdown: r.breakdown }),
        measure,
        numerator: r.numerator,
        denominator: r.denominator,
        value: r.value,
        linked: linked.has(key(r.municipalityCode, r.targetGroup, r.breakdown)),
      });
      for (const scope of [`region|${regionOf.get(r.municipalityCode)}`, "nation|"]) {
        const k = `${scope}|${r.targetGroup}|${r.breakdown}`;
        groups.set(k, [...(groups.get(k) ?? []), r]);
      }
    }
    // aggregates come from raw counts and are always shown, so they are protected
    for (const [k, parts] of groups) {
      const [scope, code, targetGroup, breakdown] = k.split("|");
      cells.push({ id: cellId({ scope: scope as "region" | "nation", code, targetGroup, breakdown }), measure, ...combine(measure, parts), protected: true });
    }
    const relations = standardRelations({ municipalities, targetGroups: indicator.targetGroups, breakdowns: indicator.breakdowns });
    const result = suppressDetailed(cells, relations, cfg);
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

  function write(rows: Row[], withheld: Map<string, Withholding>) {
    summary.tables++;
    for (const r of rows) {
      const w = withheld.get(key(r.municipalityCode, r.targetGroup, r.breakdown)) ?? null;
      update.run(w, r.id);
      summary.cells++;
      if (w === "primary") summary.primary++;
      if (w === "secondary") summary.secondary++;
    }
  }

  const done = new Set<string>();
  const linkedInto = new Map<string, Set<string>>(); // "indicator|period" → municipal keys forced

  function suppressIndicator(indicator: Indicator) {
    for (const { period } of periodsOf.all(indicator.code) as { period: string }[]) {
      const rows = select.all(indicator.code, period) as Row[];
      const withheld = table(indicator, rows, linkedInto.get(`${indicator.code}|${period}`) ?? new Set());
      write(rows, withheld);
      for (const link of LINKED.filter((l) => l.from === indicator.code)) {
        const target = linkedInto.get(`${link.to}|${period}`) ?? new Set<string>();
        for (const k of withheld.keys()) target.add(k);
        linkedInto.set(`${link.to}|${period}`, target);
      }
    }
    done.add(indicator.code);
  }

  db.$client.transaction(() => {
    const placements = byCode.get(PLACEMENTS);
    const share = byCode.get(FAMILY_SHARE);
    if (placements && share) suppressPlacementsJointly(placements, share);
    // link sources first, so their targets know what they must withhold
    const ordered = [...indicators].sort((a, b) => Number(LINKED.some((l) => l.to === a.code)) - Number(LINKED.some((l) => l.to === b.code)));
    for (const indicator of ordered) if (!done.has(indicator.code)) suppressIndicator(indicator);
  })();

  /**
   * The share in family care is Σ family sites / the total of the placements breakdown, so the
   * two tables are suppressed together until neither reveals what the other withholds.
   */
  function suppressPlacementsJointly(placements: Indicator, share: Indicator) {
    const sharePeriods = new Set((periodsOf.all(share.code) as { period: string }[]).map((p) => p.period));
    for (const { period } of periodsOf.all(placements.code) as { period: string }[]) {
      const siteRows = select.all(placements.code, period) as Row[];
      const shareRows = sharePeriods.has(period) ? (select.all(share.code, period) as Row[]) : [];
      const forcedSites = new Set<string>();
      const forcedShare = new Set<string>();
      let sites = new Map<string, Withholding>();
      let shares = new Map<string, Withholding>();
      for (let round = 0; round < 10; round++) {
        const before = forcedSites.size + forcedShare.size;
        sites = table(placements, siteRows, forcedSites);
        for (const m of municipalities) {
          const group = "anbragte";
          const isWithheld = (b: string) => sites.has(key(m.code, group, b));
          const family = FAMILY_SITES.filter(isWithheld).length;
          const other = placements.breakdowns.filter((b) => !FAMILY_SITES.includes(b) && isWithheld(b)).length;
          // the share shows Σ family (numerator) and the total (denominator): one hidden site in either sum would be revealed
          if (isWithheld("") || family === 1 || other === 1) forcedShare.add(key(m.code, group, ""));
        }
        shares = table(share, shareRows, forcedShare);
        for (const m of municipalities) {
          const group = "anbragte";
          if (!shares.has(key(m.code, group, "")) || sites.has(key(m.code, group, ""))) continue;
          // a withheld share with its total shown: both the family and the other sites must keep a hidden cell
          for (const side of [FAMILY_SITES, placements.breakdowns.filter((b) => !FAMILY_SITES.includes(b))]) {
            if (side.some((b) => sites.has(key(m.code, group, b)))) continue;
            const smallest = siteRows
              .filter((r) => r.municipalityCode === m.code && side.includes(r.breakdown) && (r.numerator ?? 0) > 0)
              .sort((a, b) => (a.numerator ?? 0) - (b.numerator ?? 0) || a.breakdown.localeCompare(b.breakdown))[0];
            if (smallest) forcedSites.add(key(m.code, group, smallest.breakdown));
          }
        }
        if (forcedSites.size + forcedShare.size === before) break;
      }
      write(siteRows, sites);
      write(shareRows, shares);
    }
    done.add(placements.code);
    done.add(share.code);
  }

  summary.exposed = [...exposed].sort();
  summary.ms = Math.round(performance.now() - started);
  return summary;
}
