/** Reads the reference data (municipalities, regions, challenges, indicators) from the database. */
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import type { Cadence } from "../domain/periods";
import type { Department, Polarity, Unit } from "../domain/catalogue";

export type Municipality = { code: string; name: string; regionCode: string; regionName: string; lat: number; lon: number; population: number };
export type Challenge = { number: number; shortTitle: string; title: string; description: string };
export type Indicator = {
  code: string;
  nameDa: string;
  nameEn: string;
  unit: Unit;
  polarity: Polarity;
  department: Department;
  cadence: Cadence;
  source: string;
  definition: string;
  targetGroups: string[];
  breakdowns: string[];
  challenges: number[];
};

export function listMunicipalities(db: Db): Municipality[] {
  return db
    .select({
      code: t.municipalities.code,
      name: t.municipalities.name,
      regionCode: t.municipalities.regionCode,
      regionName: t.regions.name,
      lat: t.municipalities.lat,
      lon: t.municipalities.lon,
      population: t.municipalities.populationApprox,
    })
    .from(t.municipalities)
    .innerJoin(t.regions, eq(t.regions.code, t.municipalities.regionCode))
    .orderBy(asc(t.municipalities.name))
    .all();
}

export function findMunicipality(db: Db, code: string): Municipality | undefined {
  return listMunicipalities(db).find((m) => m.code === code);
}

export function listChallenges(db: Db): Challenge[] {
  return db.select().from(t.challenges).orderBy(asc(t.challenges.number)).all();
}

export function listIndicators(db: Db): Indicator[] {
  const links = db.select().from(t.indicatorChallenges).all();
  return db
    .select()
    .from(t.indicators)
    .orderBy(asc(t.indicators.sortOrder))
    .all()
    .map(({ sortOrder: _sortOrder, ...i }) => ({
      ...i,
      challenges: links
        .filter((l) => l.indicatorCode === i.code)
        .map((l) => l.challengeNumber)
        .sort((a, b) => a - b),
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
  return Object.fromEntries(db.select().from(t.appMeta).all().map((r) => [r.key, r.value]));
}

/** What a target form offers: the challenges and indicators to choose from, named. */
export function targetFormChoices(db: Db) {
  return {
    challenges: listChallenges(db).map(({ number, shortTitle }) => ({ number, shortTitle })),
    indicators: listIndicators(db).map(({ code, nameDa }) => ({ code, nameDa })),
  };
}
