/**
 * The one read path for indicator figures. Every page, chart, table, export and API response
 * gets its numbers from `readFigures`; nothing else reads the observations table for display.
 * Disclosure control is applied here: municipal cells carry the stored pattern (see
 * disclosure.server.ts); aggregates are sums of raw counts, kept in `figure_aggregates`, and
 * withheld only if they are themselves about fewer than k children.
 */
import { prepared, type Db } from "../../db/connection";
import { measureOf } from "../domain/catalogue";
import { ownWithholding } from "../domain/disclosure";
import { combine, toFigure, type Figure, type RawFigures } from "../domain/figures";
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

type Row = RawFigures & { code: string; period: string; periodKey: number; targetGroup: string; breakdown: string };

/** A stored row as a figure, by named fields rather than spreads: this runs for every cell of every page. */
function fromRow(indicator: FigureRequest["indicator"], r: Row, withheld: Figure["withheld"], scope: Figure["scope"]): Figure {
  return toFigure(indicator.unit, {
    indicatorCode: indicator.code,
    period: r.period,
    periodKey: r.periodKey,
    targetGroup: r.targetGroup,
    breakdown: r.breakdown,
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
    withheld,
    scope,
  });
}

export function readFigures(db: Db, req: FigureRequest): Figure[] {
  const { indicator } = req;
  const targetGroups = req.targetGroups ?? indicator.targetGroups;
  const breakdowns = req.breakdowns ?? [""];
  const out: Figure[] = [];
  if (targetGroups.length === 0 || breakdowns.length === 0 || req.periods?.length === 0) return out;
  // the conditions every query shares, in the order of the indexes' columns
  // periods by their key, the indexes' last column; the text as well, in case two cadences share a key
  const where = (table: string) =>
    `${table}.indicator_code = ? and ${table}.target_group in ${list(targetGroups)} and ${table}.breakdown in ${list(breakdowns)}${
      req.periods ? ` and ${table}.period_key in ${list(req.periods)} and ${table}.period in ${list(req.periods)}` : ""
    }`;
  const params = [indicator.code, ...targetGroups, ...breakdowns, ...(req.periods ? [...req.periods.map(keyOf), ...req.periods] : [])];
  const measure = measureOf(indicator.unit);
  const cfg = disclosureConfig();
  // an aggregate is withheld only on its own account: too few children, or a whole small group sharing one outcome
  const aggregateWithheld = (raw: RawFigures) => ownWithholding(measure, raw, cfg);

  if (req.municipalities && req.municipalities.length > 0) {
    const codes = req.municipalities === "all" ? [] : req.municipalities;
    const rows = prepared(
      db,
      `select municipality_code as code, period, period_key as periodKey, target_group as targetGroup, breakdown, numerator, denominator, value, withheld
       from observations o where ${where("o")}${codes.length ? ` and o.municipality_code in ${list(codes)}` : ""}`,
    ).all(...params, ...codes) as (Row & { withheld: Figure["withheld"] })[];
    for (const r of rows) out.push(fromRow(indicator, r, r.withheld, { kind: "municipality", code: r.code }));
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
      `select scope, scope_code as code, period, period_key as periodKey, target_group as targetGroup, breakdown, numerator, denominator, value
       from figure_aggregates a where ${where("a")} and (${scopes.join(" or ")})
       order by a.scope = 'nation'`,
    ).all(...params, ...(regions === "all" ? [] : regions)) as (Row & { scope: "region" | "nation" })[];
    for (const r of rows) out.push(fromRow(indicator, r, aggregateWithheld(r), r.scope === "nation" ? { kind: "nation" } : { kind: "region", code: r.code }));
  }

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
        out.push({
          ...toFigure(indicator.unit, {
            indicatorCode: indicator.code,
            period: first.period,
            periodKey: first.periodKey,
            targetGroup: first.targetGroup,
            breakdown: first.breakdown,
            ...raw,
            withheld: shown.length === 0 ? null : aggregateWithheld(raw),
            scope: { kind: "group", code: g.code },
          }),
          ...(shown.length === 0 ? { shown: null, n: null } : {}),
          members: { used: shown.length, of: g.members.length },
        });
      }
    }
  }

  return out.sort((a, b) => a.periodKey - b.periodKey);
}
