/**
 * Assembles what the municipality overview and the indicator page show. Both read through
 * `readFigures`, so the pages and the API show the same numbers.
 */
import type { Locale } from "../i18n/i18n";
import type { Db } from "../../db/connection";
import { changeBetween, type Figure } from "../domain/figures";
import { effectiveTargetGroup } from "../domain/catalogue";
import { listChallenges, listIndicators, type Indicator, type Municipality } from "./catalogue.server";
import { comparisonGroupOf } from "./comparison.server";
import { readFigures, readFiguresOfIndicators } from "./figures.server";

/** `members`: for a comparison group, how many of its municipalities the figure is from; `why`: the reason a figure is withheld. */
export type Point = { period: string; value: number | null; n: number | null; withheld: boolean; why: Figure["withheld"]; members?: { used: number; of: number } };

export type IndicatorCard = Pick<Indicator, "code" | "nameDa" | "nameEn" | "unit" | "polarity"> & {
  targetGroup: string;
  latest: Point | null;
  previous: Point | null;
  change: number | null;
  nation: Point | null;
  region: Point | null;
  series: Point[];
};

function point(f: Figure | undefined, period: string): Point {
  const p: Point = { period, value: f?.shown ?? null, n: f?.n ?? null, withheld: Boolean(f?.withheld), why: f?.withheld ?? null };
  if (f?.members) p.members = f.members;
  return p;
}

function bySeries(figures: Figure[], kind: Figure["scope"]["kind"]): Map<string, Figure> {
  return new Map(figures.filter((f) => f.scope.kind === kind).map((f) => [f.period, f]));
}

/** A card from one indicator's figures for the municipality, its region and the nation. */
function cardOf(indicator: Indicator, targetGroup: string, figures: Figure[]): IndicatorCard {
  const nation = bySeries(figures, "nation");
  const region = bySeries(figures, "region");
  const own = bySeries(figures, "municipality");
  const periods = [...nation.keys()]; // sorted by period key in readFigures
  const series = periods.map((p) => point(own.get(p), p));
  const last = periods.at(-1);
  const prev = periods.at(-2);
  return {
    code: indicator.code,
    nameDa: indicator.nameDa,
    nameEn: indicator.nameEn,
    unit: indicator.unit,
    polarity: indicator.polarity,
    targetGroup,
    latest: last ? point(own.get(last), last) : null,
    previous: prev ? point(own.get(prev), prev) : null,
    change: last && prev ? changeBetween(own.get(last), own.get(prev)) : null,
    nation: last ? point(nation.get(last), last) : null,
    region: last ? point(region.get(last), last) : null,
    series,
  };
}

export type MunicipalityOverview = {
  challenges: { number: number; shortTitle: string; title: string; cards: IndicatorCard[] }[];
};

export function municipalityOverview(db: Db, municipality: Municipality, chosenGroup: string, locale: Locale = "da"): MunicipalityOverview {
  const indicators = listIndicators(db);
  const asked = indicators.map((indicator) => ({ indicator, targetGroups: [effectiveTargetGroup(indicator, chosenGroup)] }));
  // every card's figures in one read, not a query per indicator
  const figures = readFiguresOfIndicators(db, { indicators: asked, municipalities: [municipality.code], regions: [municipality.regionCode], nation: true });
  const cards = new Map(asked.map(({ indicator, targetGroups: [group] }) => [indicator.code, cardOf(indicator, group, figures.get(indicator.code)!)]));
  return {
    challenges: listChallenges(db, locale).map((c) => ({
      number: c.number,
      shortTitle: c.shortTitle,
      title: c.title,
      cards: indicators.filter((i) => i.challenges.includes(c.number)).map((i) => cards.get(i.code)!),
    })),
  };
}

/** `group`: the municipality's comparison group (sammenlignelige kommuner), from its members' shown figures. */
export type TrendRow = { period: string; municipality: Point; region: Point; nation: Point; group: Point };
export type GroupRow = { targetGroup: string; municipality: Point; region: Point; nation: Point; group: Point };
export type BreakdownRow = { period: string; total: Point; sites: Record<string, Point> };

export type IndicatorDetail = {
  targetGroup: string;
  trend: TrendRow[];
  latestPeriod: string | null;
  groups: GroupRow[];
  breakdown: BreakdownRow[] | null;
};

export function indicatorDetail(db: Db, indicator: Indicator, municipality: Municipality, chosenGroup: string): IndicatorDetail {
  const targetGroup = effectiveTargetGroup(indicator, chosenGroup);
  const figures = readFigures(db, {
    indicator,
    municipalities: [municipality.code],
    regions: [municipality.regionCode],
    nation: true,
    groups: [{ code: municipality.code, members: comparisonGroupOf(db, municipality.code) }],
  });
  const pick = (kind: Figure["scope"]["kind"], group: string, period: string) =>
    point(figures.find((f) => f.scope.kind === kind && f.targetGroup === group && f.period === period), period);

  const periods = [...new Set(figures.filter((f) => f.scope.kind === "nation").map((f) => f.period))];
  const latestPeriod = periods.at(-1) ?? null;
  const trend = periods.map((period) => ({
    period,
    municipality: pick("municipality", targetGroup, period),
    region: pick("region", targetGroup, period),
    nation: pick("nation", targetGroup, period),
    group: pick("group", targetGroup, period),
  }));
  const groups = latestPeriod
    ? indicator.targetGroups.map((g) => ({
        targetGroup: g,
        municipality: pick("municipality", g, latestPeriod),
        region: pick("region", g, latestPeriod),
        nation: pick("nation", g, latestPeriod),
        group: pick("group", g, latestPeriod),
      }))
    : [];

  let breakdown: BreakdownRow[] | null = null;
  if (indicator.breakdowns.length > 0) {
    const parts = readFigures(db, {
      indicator,
      targetGroups: [targetGroup],
      breakdowns: ["", ...indicator.breakdowns],
      municipalities: [municipality.code],
    });
    breakdown = periods.map((period) => {
      const inPeriod = parts.filter((f) => f.period === period);
      return {
        period,
        total: point(inPeriod.find((f) => f.breakdown === ""), period),
        sites: Object.fromEntries(indicator.breakdowns.map((b) => [b, point(inPeriod.find((f) => f.breakdown === b), period)])),
      };
    });
  }
  return { targetGroup, trend, latestPeriod, groups, breakdown };
}
