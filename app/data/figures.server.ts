/**
 * The one read path for indicator figures. Every page, chart, table, export and API response
 * gets its numbers from `readFigures`; nothing else reads the observations table for display.
 * Disclosure control is applied here: municipal cells carry the stored pattern (see
 * disclosure.server.ts); aggregates are sums of raw counts, kept in `figure_aggregates`, and
 * withheld only if they are themselves about fewer than k children.
 */
import { prepared, untilChanged, type Db } from "../../db/connection";
import { measureOf } from "../domain/catalogue";
import { ownWithholding } from "../domain/disclosure";
import { combine, toFigure, type Figure, type RawFigures } from "../domain/figures";
import { groupFigureShown } from "../domain/comparison";
import { parsePeriod, periodKey } from "../domain/periods";
import { disclosureConfig } from "./config.server";
import type { Indicator } from "./catalogue.server";

export type FigureRequest = {
  indicator: Pick<Indicator, "code" | "unit" | "targetGroups">;
  /** Default: every target group of the indicator. */
  targetGroups?: string[];
  /** Default: every period with data. */
  periods?: string[];
  /** Default: the total only (''). */
  breakdowns?: string[];
  /** Municipality-level figures: a list of codes, or "all". Omitted: none. */
  municipalities?: string[] | "all";
  /** Regional aggregates: a list of region codes, or "all". Omitted: none. */
  regions?: string[] | "all";
  /** The national aggregate. */
  nation?: boolean;
  /** Comparison-group aggregates, each over its member municipalities. */
  groups?: { code: string; members: string[] }[];
};


// a period that is not one matches nothing, as before
const keyOf = (text: string) => {
  const p = parsePeriod(text);
  return p ? periodKey(p) : -1;
};
const list = (values: readonly unknown[]) => `(${values.map(() => "?").join(", ")})`;

/** A stored row as the read path selects it: indicator, place, period, period key, group, breakdown, numerator, denominator, value, and last the withholding (municipalities) or the scope (aggregates). */
type StoredRow<Last> = [string, string, string, number, string, string, number | null, number | null, number | null, Last];

/** A stored row as a figure, by position rather than by name: this runs for every cell of every page that reads. */
function fromStored(indicator: FigureRequest["indicator"], r: StoredRow<unknown>, withheld: Figure["withheld"], scope: Figure["scope"]): Figure {
  return toFigure(indicator.unit, {
    indicatorCode: indicator.code,
    period: r[2],
    periodKey: r[3],
    targetGroup: r[4],
    breakdown: r[5],
    numerator: r[6],
    denominator: r[7],
    value: r[8],
    withheld,
    scope,
  });
}

/** Several indicators' figures for the same places and periods, each with its own target groups. */
export type FiguresOfIndicatorsRequest = Pick<FigureRequest, "periods" | "breakdowns" | "municipalities" | "regions" | "nation"> & {
  indicators: { indicator: FigureRequest["indicator"]; targetGroups?: string[] }[];
};

/**
 * Reads the stored figures of many indicators in one statement per table (a page of cards does
 * not pay a query per indicator), and returns each indicator's figures in the order of
 * `readFigures`: sorted by period, municipalities before regions before the nation.
 */
export function readFiguresOfIndicators(db: Db, req: FiguresOfIndicatorsRequest): Map<string, Figure[]> {
  // Kept until the data change (ADR 35): figures change only when data are loaded, and several
  // pages (overview, challenges, comparison) read the same ones on every visit.
  const key = JSON.stringify([
    disclosureConfig().k,
    req.indicators.map(({ indicator, targetGroups }) => [indicator.code, indicator.unit, targetGroups ?? indicator.targetGroups]),
    req.periods ?? null,
    req.breakdowns ?? null,
    req.municipalities ?? null,
    req.regions ?? null,
    req.nation ?? false,
  ]);
  const kept = untilChanged(
    db,
    `figures|${key}`,
    () => readStoredFigures(db, req),
    (m) => [...m.values()].reduce((n, figures) => n + figures.length + 1, 1),
  );
  // the caller's own lists; the figures themselves are frozen
  return new Map([...kept].map(([code, figures]) => [code, [...figures]]));
}

function readStoredFigures(db: Db, req: FiguresOfIndicatorsRequest): Map<string, Figure[]> {
  const out = new Map<string, Figure[]>();
  const asked = new Map<string, { indicator: FigureRequest["indicator"]; groups: Set<string>; figures: Figure[] }>();
  for (const { indicator, targetGroups = indicator.targetGroups } of req.indicators) {
    const figures: Figure[] = [];
    out.set(indicator.code, figures);
    if (targetGroups.length > 0) asked.set(indicator.code, { indicator, groups: new Set(targetGroups), figures });
  }
  const breakdowns = req.breakdowns ?? [""];
  if (asked.size === 0 || breakdowns.length === 0 || req.periods?.length === 0) return out;
  // The pairs of indicator and target group asked for, as a row value the indexes' first columns
  // answer: a list of indicators and a list of groups would also read each indicator's other groups.
  const pairs = [...asked.values()].flatMap((a) => [...a.groups].map((g) => [a.indicator.code, g]));
  // the conditions every query shares, in the order of the indexes' columns
  // periods by their key, the indexes' last column; the text as well, in case two cadences share a key
  const where = (table: string) =>
    `(${table}.indicator_code, ${table}.target_group) in (values ${pairs.map(() => "(?, ?)").join(", ")}) and ${table}.breakdown in ${list(breakdowns)}${
      req.periods ? ` and ${table}.period_key in ${list(req.periods)} and ${table}.period in ${list(req.periods)}` : ""
    }`;
  const params = [...pairs.flat(), ...breakdowns, ...(req.periods ? [...req.periods.map(keyOf), ...req.periods] : [])];
  const cfg = disclosureConfig();

  if (req.municipalities && req.municipalities.length > 0) {
    const places = req.municipalities === "all" ? [] : req.municipalities;
    // as arrays: better-sqlite3 builds an object per row at about one and a half times the cost
    const rows = prepared(
      db,
      `select indicator_code, municipality_code, period, period_key, target_group, breakdown, numerator, denominator, value, withheld
       from observations o where ${where("o")}${places.length ? ` and o.municipality_code in ${list(places)}` : ""}`,
    )
      .raw(true)
      .all(...params, ...places) as StoredRow<Figure["withheld"]>[];
    for (const r of rows) {
      const a = asked.get(r[0]);
      if (a) a.figures.push(fromStored(a.indicator, r, r[9], { kind: "municipality", code: r[1] }));
    }
  }

  const regions = req.regions === "all" ? "all" : (req.regions ?? []);
  if (regions.length > 0 || req.nation) {
    // regional and national sums are precomputed on every data change (disclosure.server.ts)
    const scopes = [
      ...(regions === "all" ? ["a.scope = 'region'"] : regions.length ? [`(a.scope = 'region' and a.scope_code in ${list(regions)})`] : []),
      ...(req.nation ? ["a.scope = 'nation'"] : []),
    ];
    const rows = prepared(
      db,
      `select indicator_code, scope_code, period, period_key, target_group, breakdown, numerator, denominator, value, scope
       from figure_aggregates a where ${where("a")} and (${scopes.join(" or ")})
       order by a.scope = 'nation'`,
    )
      .raw(true)
      .all(...params, ...(regions === "all" ? [] : regions)) as StoredRow<"region" | "nation">[];
    for (const r of rows) {
      const a = asked.get(r[0]);
      if (!a) continue;
      // an aggregate is withheld only on its own account: too few children, or a whole small group sharing one outcome
      const withheld = ownWithholding(measureOf(a.indicator.unit), { numerator: r[6], denominator: r[7], value: r[8] }, cfg);
      a.figures.push(fromStored(a.indicator, r, withheld, r[9] === "nation" ? { kind: "nation" } : { kind: "region", code: r[1] }));
    }
  }
  for (const figures of out.values()) {
    figures.sort((a, b) => a.periodKey - b.periodKey);
    for (const f of figures) Object.freeze(f);
  }
  return out;
}

export function readFigures(db: Db, req: FigureRequest): Figure[] {
  const { indicator } = req;
  const targetGroups = req.targetGroups ?? indicator.targetGroups;
  const breakdowns = req.breakdowns ?? [""];
  if (targetGroups.length === 0 || breakdowns.length === 0 || req.periods?.length === 0) return [];
  const out = readFiguresOfIndicators(db, { ...req, indicators: [{ indicator, targetGroups }] }).get(indicator.code)!;
  const measure = measureOf(indicator.unit);
  const cfg = disclosureConfig();
  const aggregateWithheld = (raw: RawFigures) => ownWithholding(measure, raw, cfg);

  if (req.groups?.length) {
    // Only from members' shown cells: a group is an arbitrary set that the stored pattern does
    // not protect, so summing a withheld cell in would let anyone subtract it back out.
    const all = [...new Set(req.groups.flatMap((g) => g.members))];
    const cells = readFigures(db, { ...req, municipalities: all, regions: undefined, nation: false, groups: undefined });
    const byKey = new Map<string, Figure[]>();
    for (const f of cells) {
      const key = `${f.period}|${f.targetGroup}|${f.breakdown}`;
      const inKey = byKey.get(key);
      if (inKey) inKey.push(f);
      else byKey.set(key, [f]);
    }
    for (const g of req.groups) {
      const members = new Set(g.members);
      for (const inKey of byKey.values()) {
        const own = inKey.filter((f) => f.scope.kind === "municipality" && members.has(f.scope.code));
        const shown = own.filter((f) => !f.withheld && f.shown !== null);
        const first = inKey[0];
        const raw = combine(measure, shown);
        const counted = { used: shown.length, of: g.members.length };
        // from fewer than half its members a group's figure says more about those few than the group
        const enough = groupFigureShown(counted);
        out.push({
          ...toFigure(indicator.unit, {
            indicatorCode: indicator.code,
            period: first.period,
            periodKey: first.periodKey,
            targetGroup: first.targetGroup,
            breakdown: first.breakdown,
            ...raw,
            // too few shown because members are withheld: ".."; no member with data at all: "–"
            withheld: enough ? aggregateWithheld(raw) : own.some((f) => f.withheld) ? "secondary" : null,
            scope: { kind: "group", code: g.code },
          }),
          ...(enough ? {} : { shown: null, n: null }),
          members: counted,
        });
      }
    }
  }

  return out.sort((a, b) => a.periodKey - b.periodKey);
}
