/**
 * Writes the reference data (regions, municipalities, challenges, indicators) and the
 * deterministic demo observations into a database. Reference data is upserted on every start,
 * demo observations only into an empty database.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../db/connection";
import * as t from "../db/schema";
import { CHALLENGES, INDICATORS } from "../app/domain/catalogue";
import { recomputeDisclosure } from "../app/data/disclosure.server";
import { setMeta } from "../app/data/catalogue.server";
import { periodKeyOf } from "../app/domain/periods";
import { iterateDemoObservations, DEMO_SEED } from "./generator";
import { readMunicipalities } from "./municipalities";

export function loadReferenceData(db: Db): void {
  const munis = readMunicipalities();
  db.transaction((tx) => {
    const regions = new Map(munis.map((m) => [m.regionCode, m.regionName]));
    for (const [code, name] of regions) {
      tx.insert(t.regions).values({ code, name }).onConflictDoUpdate({ target: t.regions.code, set: { name } }).run();
    }
    for (const m of munis) {
      const row = {
        code: m.code,
        name: m.name,
        regionCode: m.regionCode,
        lat: m.lat,
        lon: m.lon,
        populationApprox: m.populationApprox,
      };
      tx.insert(t.municipalities).values(row).onConflictDoUpdate({ target: t.municipalities.code, set: row }).run();
    }
    for (const c of CHALLENGES) {
      tx.insert(t.challenges).values(c).onConflictDoUpdate({ target: t.challenges.number, set: c }).run();
    }
    INDICATORS.forEach((i, sortOrder) => {
      const row = {
        code: i.code,
        nameDa: i.nameDa,
        nameEn: i.nameEn,
        unit: i.unit,
        polarity: i.polarity,
        department: i.department,
        cadence: i.cadence,
        source: i.source,
        definition: i.definition,
        targetGroups: [...i.targetGroups],
        breakdowns: [...(i.breakdowns ?? [])],
        sortOrder,
      };
      tx.insert(t.indicators).values(row).onConflictDoUpdate({ target: t.indicators.code, set: row }).run();
      tx.delete(t.indicatorChallenges)
        .where(sql`${t.indicatorChallenges.indicatorCode} = ${i.code}`)
        .run();
      for (const n of i.challenges)
        tx.insert(t.indicatorChallenges)
          .values({ indicatorCode: i.code, challengeNumber: n, reason: i.why[n] ?? "" })
          .run();
    });
  });
}

export function observationCount(db: Db): number {
  return (db.$client.prepare("select count(*) as n from observations").get() as { n: number }).n;
}

export { setMeta };

/** Loads the demo observations in one transaction; returns the number of rows written. */
export function loadDemoObservations(
  db: Db,
  opts: { seed?: number; scale?: number; onDisclosure?: (summary: ReturnType<typeof recomputeDisclosure>) => void } = {},
): number {
  const munis = readMunicipalities();
  // Prepared statement on the raw client: a few hundred thousand rows, so skip the query builder.
  const insert = db.$client.prepare(
    `insert into observations (indicator_code, municipality_code, period, period_key, target_group, breakdown, numerator, denominator, value)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const keys = new Map<string, number>();
  let rows = 0;
  // Into an empty table, the indexes are built once after the rows rather than kept up row by
  // row: at 100× (5 million rows) that is most of the load. Inside the transaction, so a crash
  // leaves the table as it was, indexes included.
  const indexes = db.$client
    .prepare("select name, sql from sqlite_master where type = 'index' and tbl_name = 'observations' and sql is not null")
    .all() as { name: string; sql: string }[];
  const empty = observationCount(db) === 0;
  db.$client.transaction(() => {
    if (empty) for (const i of indexes) db.$client.exec(`drop index "${i.name}"`);
    for (const r of iterateDemoObservations(munis, { seed: opts.seed ?? DEMO_SEED, scale: opts.scale ?? 1 })) {
      let key = keys.get(r.period);
      if (key === undefined) keys.set(r.period, (key = periodKeyOf(r.period)));
      insert.run(r.indicatorCode, r.municipalityCode, r.period, key, r.targetGroup, r.breakdown, r.numerator, r.denominator, r.value);
      rows++;
    }
    if (empty) for (const i of indexes) db.$client.exec(i.sql);
    setMeta(db, "demo", "1");
    setMeta(db, "data_loaded_at", new Date().toISOString());
  })();
  // every data change recomputes which cells are withheld, before anyone can read them
  const disclosure = recomputeDisclosure(db);
  opts.onDisclosure?.(disclosure);
  if (disclosure.exposed.length > 0)
    console.warn(`Diskretionering: ${disclosure.exposed.length} celler kan ikke beskyttes af sekundær undertrykkelse.`);
  return rows;
}

/** What `npm start` does on every start: reference data always, demo data when empty. */
export function ensureData(db: Db, opts: { demo: boolean }): { loadedDemoRows: number } {
  loadReferenceData(db);
  if (opts.demo && observationCount(db) === 0) return { loadedDemoRows: loadDemoObservations(db) };
  return { loadedDemoRows: 0 };
}
