/**
 * The one read path for indicator figures. Every page, chart, table, export and API response
 * gets its numbers from `readFigures`; nothing else reads the observations table for display.
 * Disclosure control is applied here: municipal cells carry the stored pattern (see
 * disclosure.server.ts); aggregates are computed from raw counts and withheld only if they are
 * themselves about fewer than k children.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { municipalities, observations } from "../../db/schema";
import { measureOf } from "../domain/catalogue";
import { isPrimaryWithheld } from "../domain/disclosure";
import { combine, toFigure, type Figure, type RawFigures } from "../domain/figures";
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

const o = observations;
const sumNumerator = sql<number | null>`sum(${o.numerator})`;
const sumDenominator = sql<number | null>`sum(${o.denominator})`;
// Weighted mean for grades and amounts; rates and counts ignore it.
const weightedValue = sql<number | null>`sum(${o.value} * ${o.denominator}) / nullif(sum(case when ${o.value} is not null then ${o.denominator} end), 0)`;

export function readFigures(db: Db, req: FigureRequest): Figure[] {
  const { indicator } = req;
  const conditions: SQL[] = [
    eq(o.indicatorCode, indicator.code),
    inArray(o.targetGroup, req.targetGroups ?? indicator.targetGroups),
    inArray(o.breakdown, req.breakdowns ?? [""]),
  ];
  if (req.periods) conditions.push(inArray(o.period, req.periods));
  const base = and(...conditions);
  const out: Figure[] = [];
  const measure = measureOf(indicator.unit);
  const cfg = disclosureConfig();
  const aggregateWithheld = (raw: RawFigures) => (isPrimaryWithheld(measure, raw, cfg) ? ("primary" as const) : null);

  if (req.municipalities) {
    const where = req.municipalities === "all" ? base : and(base, inArray(o.municipalityCode, req.municipalities));
    const rows = db
      .select({
        code: o.municipalityCode,
        period: o.period,
        periodKey: o.periodKey,
        targetGroup: o.targetGroup,
        breakdown: o.breakdown,
        numerator: o.numerator,
        denominator: o.denominator,
        value: o.value,
        withheld: o.withheld,
      })
      .from(o)
      .where(where)
      .all();
    for (const r of rows) {
      const { code, ...rest } = r;
      out.push(toFigure(indicator.unit, { indicatorCode: indicator.code, ...rest, scope: { kind: "municipality", code } }));
    }
  }

  if (req.regions) {
    const where = req.regions === "all" ? base : and(base, inArray(municipalities.regionCode, req.regions));
    const rows = db
      .select({
        code: municipalities.regionCode,
        period: o.period,
        periodKey: o.periodKey,
        targetGroup: o.targetGroup,
        breakdown: o.breakdown,
        numerator: sumNumerator,
        denominator: sumDenominator,
        value: weightedValue,
      })
      .from(o)
      .innerJoin(municipalities, eq(municipalities.code, o.municipalityCode))
      .where(where)
      .groupBy(municipalities.regionCode, o.period, o.periodKey, o.targetGroup, o.breakdown)
      .all();
    for (const r of rows) {
      const { code, ...rest } = r;
      out.push(toFigure(indicator.unit, { indicatorCode: indicator.code, ...rest, withheld: aggregateWithheld(rest), scope: { kind: "region", code } }));
    }
  }

  if (req.nation) {
    const rows = db
      .select({
        period: o.period,
        periodKey: o.periodKey,
        targetGroup: o.targetGroup,
        breakdown: o.breakdown,
        numerator: sumNumerator,
        denominator: sumDenominator,
        value: weightedValue,
      })
      .from(o)
      .where(base)
      .groupBy(o.period, o.periodKey, o.targetGroup, o.breakdown)
      .all();
    for (const r of rows) out.push(toFigure(indicator.unit, { indicatorCode: indicator.code, ...r, withheld: aggregateWithheld(r), scope: { kind: "nation" } }));
  }

  if (req.groups?.length) {
    // Only from members' shown cells: a group is an arbitrary set that the stored pattern does
    // not protect, so summing a withheld cell in would let anyone subtract it back out.
    const all = [...new Set(req.groups.flatMap((g) => g.members))];
    const cells = readFigures(db, { ...req, municipalities: all, regions: undefined, nation: false, groups: undefined });
    const byKey = new Map<string, Figure[]>();
    for (const f of cells) {
      const key = `${f.period}|${f.targetGroup}|${f.breakdown}`;
      byKey.set(key, [...(byKey.get(key) ?? []), f]);
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
