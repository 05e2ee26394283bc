/** Reads the reference data (municipalities, regions, challenges, indicators) from the database. */
import { CHALLENGE_TEXT_EN } from "../i18n/catalogue.en";
import type { Locale } from "../i18n/i18n";
import { asc, sql } from "drizzle-orm";
import { prepared, untilChanged, type Db } from "../../db/connection";
import * as t from "../../db/schema";
import type { IndicatorDef } from "../domain/catalogue";

export type Municipality = { code: string; name: string; regionCode: string; regionName: string; lat: number; lon: number; population: number };
export type Challenge = { number: number; shortTitle: string; title: string; description: string };
/** An indicator as the database holds it: the domain's definition, with its lists as read back. */
export type Indicator = Pick<IndicatorDef, "code" | "nameDa" | "nameEn" | "unit" | "polarity" | "department" | "cadence" | "source" | "definition"> & {
  targetGroups: string[];
  breakdowns: string[];
  challenges: number[];
  /** Per challenge number: why the indicator belongs there, in the sources' words. */
  reasons: Record<number, string>;
};

// The catalogue is read several times on every page: raw statements, kept until the database changes.
export function listMunicipalities(db: Db): Municipality[] {
  return [...untilChanged(db, "municipalities", () => readMunicipalities(db))];
}

function readMunicipalities(db: Db): Municipality[] {
  return prepared(
    db,
    `select m.code, m.name, m.region_code as regionCode, r.name as regionName, m.lat, m.lon, m.population_approx as population
     from municipalities m join regions r on r.code = m.region_code order by m.name`,
  ).all() as Municipality[];
}

export function findMunicipality(db: Db, code: string): Municipality | undefined {
  return listMunicipalities(db).find((m) => m.code === code);
}

/** The eight challenges, in the page's language (the database holds the Danish; English comes from app/i18n). */
export function listChallenges(db: Db, locale: Locale = "da"): Challenge[] {
  const rows = untilChanged(db, "challenges", () => db.select().from(t.challenges).orderBy(asc(t.challenges.number)).all());
  return locale === "en" ? rows.map((c) => ({ ...c, ...CHALLENGE_TEXT_EN[c.number] })) : [...rows];
}

export function listIndicators(db: Db): Indicator[] {
  return [...untilChanged(db, "indicators", () => readIndicators(db))];
}

function readIndicators(db: Db): Indicator[] {
  const links = prepared(db, "select indicator_code as indicatorCode, challenge_number as challengeNumber, reason from indicator_challenges order by challenge_number").all() as {
    indicatorCode: string;
    challengeNumber: number;
    reason: string;
  }[];
  const rows = prepared(
    db,
    `select code, name_da as nameDa, name_en as nameEn, unit, polarity, department, cadence, source, definition, target_groups as targetGroups, breakdowns
     from indicators order by sort_order`,
  ).all() as (Omit<Indicator, "targetGroups" | "breakdowns" | "challenges" | "reasons"> & { targetGroups: string; breakdowns: string })[];
  return rows.map((i) => ({
    ...i,
    targetGroups: JSON.parse(i.targetGroups) as string[],
    breakdowns: JSON.parse(i.breakdowns) as string[],
    challenges: links.filter((l) => l.indicatorCode === i.code).map((l) => l.challengeNumber),
    reasons: Object.fromEntries(links.filter((l) => l.indicatorCode === i.code).map((l) => [l.challengeNumber, l.reason])),
  }));
}

export function findIndicator(db: Db, code: string): Indicator | undefined {
  return listIndicators(db).find((i) => i.code === code);
}

/** Writes one app_meta value (the data's load date, the pinned demo quarter…). */
export function setMeta(db: Db, key: string, value: string): void {
  db.insert(t.appMeta)
    .values({ key, value })
    .onConflictDoUpdate({ target: t.appMeta.key, set: { value, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%SZ','now'))` } })
    .run();
}

export function readMeta(db: Db): Record<string, string> {
  // on every page (the root loader): a kept statement, not a query built each time
  return Object.fromEntries((prepared(db, "select key, value from app_meta").all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
}

/** What a target form offers: the challenges and indicators to choose from, named. */
export function targetFormChoices(db: Db, locale: Locale = "da") {
  return {
    challenges: listChallenges(db, locale).map(({ number, shortTitle }) => ({ number, shortTitle })),
    indicators: listIndicators(db).map(({ code, nameDa, nameEn }) => ({ code, nameDa, nameEn })),
  };
}
