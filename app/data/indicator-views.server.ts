/**
 * Assembles what the municipality overview and the indicator page show. Both read through
 * `readFigures`, so the pages and the API show the same numbers.
 */
import type { Locale } from "../i18n/i18n";
import { untilChanged, type Db } from "../../db/connection";
import { changeBetween, forDrawing, type Figure } from "../domain/figures";
import { citeSources, effectiveTargetGroup, indicatorName, SWITCHABLE_TARGET_GROUPS } from "../domain/catalogue";
import { directionOf, judge, tally, type Verdict } from "../domain/verdict";
import { periodKeyOf } from "../domain/periods";
import { listChallenges, listIndicators, type Indicator, type Municipality } from "./catalogue.server";
import { comparisonGroupOf } from "./comparison.server";
import { readFigures, readFiguresOfIndicators } from "./figures.server";
import { currentQuarter, targetsByChallenge, today } from "./targets.server";

/** `members`: for a comparison group, how many of its municipalities the figure is from; `why`: the reason a figure is withheld. */
export type Point = { period: string; value: number | null; n: number | null; withheld: boolean; why: Figure["withheld"]; members?: { used: number; of: number } };

/** What a card shows and no more: the overview hydrates from it on every visit. */
export type IndicatorCard = Pick<Indicator, "code" | "unit"> & {
  /** In the page's language. */
  name: string;
  targetGroup: string;
  latest: Point | null;
  /** The period the change is measured from. */
  previousPeriod: string | null;
  change: number | null;
  nation: Point | null;
  region: Point | null;
  /** The municipality's values over the nation's periods, for the sparkline: the card needs no more of each point. */
  trend: { first: string | null; last: string | null; values: (number | null)[] };
  /** The challenges the indicator belongs to (tags on the card). */
  challenges: number[];
  /** The latest figure judged against the nation and the region (app/domain/verdict.ts). */
  verdict: { nation: Verdict; region: Verdict };
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
function cardOf(indicator: Indicator, targetGroup: string, figures: Figure[], locale: Locale): IndicatorCard {
  const nation = bySeries(figures, "nation");
  const region = bySeries(figures, "region");
  const own = bySeries(figures, "municipality");
  const periods = [...nation.keys()]; // sorted by period key in readFigures
  const series = periods.map((p) => point(own.get(p), p));
  const last = periods.at(-1);
  const prev = periods.at(-2);
  return {
    code: indicator.code,
    name: indicatorName(indicator, locale),
    unit: indicator.unit,
    targetGroup,
    latest: last ? point(own.get(last), last) : null,
    previousPeriod: prev ?? null,
    change: last && prev ? changeBetween(own.get(last), own.get(prev)) : null,
    nation: last ? point(nation.get(last), last) : null,
    region: last ? point(region.get(last), last) : null,
    trend: { first: periods[0] ?? null, last: last ?? null, values: series.map((p) => forDrawing(p.value)) },
    challenges: indicator.challenges,
    verdict: verdictOf(indicator, own.get(last ?? ""), nation.get(last ?? ""), region.get(last ?? "")),
  };
}

function verdictOf(indicator: Indicator, own: Figure | undefined, nation: Figure | undefined, region: Figure | undefined) {
  const judged = { value: own?.shown ?? null, n: own?.n ?? null, withheld: Boolean(own?.withheld) };
  return {
    nation: judge(indicator.polarity, indicator.unit, judged, nation?.shown ?? null),
    region: judge(indicator.polarity, indicator.unit, judged, region?.shown ?? null),
  };
}

export type MunicipalityOverview = {
  /** The target group shown: the chosen one, or by default the one with most shown figures. */
  targetGroup: string;
  challenges: { number: number; shortTitle: string; title: string }[];
  /** Each indicator once, in catalogue order. */
  cards: IndicatorCard[];
  summary: { nation: Record<Verdict, number>; region: Record<Verdict, number> };
};

/** `chosenGroup` null: the switchable target group whose cards have most shown latest figures. */
export function municipalityOverview(db: Db, municipality: Municipality, chosenGroup: string | null, locale: Locale = "da"): MunicipalityOverview {
  // the same for every visit until the data change (ADR 35); weighed by its figures
  return untilChanged(
    db,
    `overview|${municipality.code}|${chosenGroup ?? ""}|${locale}`,
    () => overviewNow(db, municipality, chosenGroup, locale),
    (o) => o.cards.length * 16,
  );
}

function overviewNow(db: Db, municipality: Municipality, chosenGroup: string | null, locale: Locale): MunicipalityOverview {
  const indicators = listIndicators(db);
  // Every card's figures in one read, not a query per indicator. Without a group asked for, that
  // one read takes every switchable group: it serves both the choice of group and its cards.
  const groups: readonly string[] = chosenGroup ? [chosenGroup] : SWITCHABLE_TARGET_GROUPS;
  const figures = readFiguresOfIndicators(db, {
    indicators: indicators.map((indicator) => ({ indicator, targetGroups: [...new Set(groups.map((g) => effectiveTargetGroup(indicator, g)))] })),
    municipalities: [municipality.code],
    regions: [municipality.regionCode],
    nation: true,
  });
  const targetGroup = chosenGroup ?? defaultGroup(indicators, figures);
  const best = indicators.map((indicator) => {
    const group = effectiveTargetGroup(indicator, targetGroup);
    return cardOf(indicator, group, figures.get(indicator.code)!.filter((f) => f.targetGroup === group), locale);
  });
  return {
    targetGroup,
    challenges: listChallenges(db, locale).map((c) => ({ number: c.number, shortTitle: c.shortTitle, title: c.title })),
    cards: best,
    summary: { nation: tally(best.map((c) => c.verdict.nation)), region: tally(best.map((c) => c.verdict.region)) },
  };
}

/** The switchable target group with most shown latest figures (at the nation's newest period); the first on a tie. */
function defaultGroup(indicators: Indicator[], figures: Map<string, Figure[]>): string {
  const candidates: readonly string[] = SWITCHABLE_TARGET_GROUPS;
  const shownLatest = (g: string) =>
    indicators.filter((indicator) => {
      const group = effectiveTargetGroup(indicator, g);
      const mine = figures.get(indicator.code)!.filter((f) => f.targetGroup === group);
      let last: Figure | undefined;
      for (const f of mine) if (f.scope.kind === "nation" && (!last || periodKeyOf(f.period) > periodKeyOf(last.period))) last = f;
      return last !== undefined && mine.some((f) => f.scope.kind === "municipality" && f.period === last!.period && f.shown !== null);
    }).length;
  let best = candidates[0]!;
  for (const g of candidates.slice(1)) if (shownLatest(g) > shownLatest(best)) best = g;
  return best;
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

/**
 * /udfordringer: per challenge, its indicators' national series for placed children (or the
 * indicator's own group) and how the municipalities' joint targets on it stand. Only what the
 * table shows: the page hydrates from it on every visit. Kept until the data change (ADR 35), and
 * within the quarter and the day it was made for: targets are judged as of the current quarter
 * (local time), and a milestone falls behind with the calendar (UTC day), not with the data.
 */
export function challengesAcrossPartnership(db: Db, locale: Locale) {
  const asOf = `${currentQuarter(db)}|${today()}`;
  return untilChanged(db, `challenges-across|${locale}|${asOf}`, () => {
    const asked = listIndicators(db).map((indicator) => ({ indicator, targetGroups: [effectiveTargetGroup(indicator, "anbragte")] }));
    // every indicator's national series in one read, not a query per indicator
    const figures = readFiguresOfIndicators(db, { indicators: asked, nation: true });
    const indicators = asked.map(({ indicator, targetGroups: [targetGroup] }) => {
      const series = figures.get(indicator.code)!;
      const known = series.filter((f) => f.shown !== null);
      const ends = known.length ? ([known[0]!, known.at(-1)!] as const) : null;
      return {
        code: indicator.code,
        name: indicatorName(indicator, locale),
        unit: indicator.unit,
        targetGroup: targetGroup!,
        reasons: indicator.reasons,
        first: ends ? { period: ends[0].period, value: ends[0].shown! } : null,
        last: ends ? { period: ends[1].period, value: ends[1].shown! } : null,
        direction: ends ? directionOf(indicator.polarity, ends[0].shown!, ends[1].shown!) : null,
        values: series.map((f) => forDrawing(f.shown)),
      };
    });
    const targets = new Map(targetsByChallenge(db).map((s) => [s.challenge, s]));
    return listChallenges(db, locale).map((c) => ({
      number: c.number,
      title: c.title,
      indicators: indicators
        .filter((i) => c.number in i.reasons)
        .map(({ reasons, ...i }) => ({ ...i, reason: citeSources(reasons[c.number] ?? "") })),
      targets: targets.get(c.number) ?? null,
    }));
  }, (challenges) => 16 * challenges.reduce((n, c) => n + c.indicators.length, 0));
}
