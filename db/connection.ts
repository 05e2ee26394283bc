/**
 * Opens the embedded SQLite file and brings it to the latest committed migration.
 * Used by the server, the seed and import CLIs, tests and benchmarks alike.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { LRUCache } from "lru-cache";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const here = path.dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_FOLDER = path.resolve(here, "migrations");

export const DEFAULT_DATABASE_PATH = path.resolve(here, "..", "data", "faelles-retning.sqlite");

export function databasePath(): string {
  return process.env.DATABASE_PATH ? path.resolve(process.env.DATABASE_PATH) : DEFAULT_DATABASE_PATH;
}

export function openDatabase(
  file: string = databasePath(),
  opts: { migrate?: boolean; migrationsFolder?: string; trace?: (sql: string) => void } = {},
): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  // `trace` receives every statement with its parameters filled in (the benchmark replays them)
  const sqlite = new Database(file, opts.trace ? { verbose: (sql) => opts.trace!(String(sql)) } : {});
  sqlite.pragma("busy_timeout = 5000"); // first: with several server processes, another may hold the lock
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  // deleted rows are overwritten, so a discarded import preview leaves nothing in the file's free pages
  sqlite.pragma("secure_delete = ON");
  const db = drizzle(sqlite, { schema }) as Db;
  if (opts.migrate !== false) migrate(db, { migrationsFolder: opts.migrationsFolder ?? MIGRATIONS_FOLDER });
  return db;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement, kept per connection and SQL text. The hot read paths run dozens of
 * small queries per page; preparing (or building with the query builder) cost more than running them.
 */
export function prepared(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db.$client);
  if (!cache) statements.set(db.$client, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) {
    if (cache.size > 500) cache.clear(); // IN lists come in many lengths; keep the cache bounded
    cache.set(sql, (st = db.$client.prepare(sql)));
  }
  return st;
}

type Kept = { stamp: string; value: unknown; weight: number };
const memos = new WeakMap<Database.Database, LRUCache<string, Kept>>();

/** The most kept per connection, in the weights `untilChanged` is given (figures for the read path; 1 for others). */
export const KEPT_WEIGHT_LIMIT = 50_000;

/**
 * A value derived from the database, kept until the database changes: by this connection
 * (total_changes) or by any other (data_version). Never stale, so safe for the reference data
 * every page reads several times and for the read path's figures. Bounded: past
 * KEPT_WEIGHT_LIMIT the least recently used values go first, and a value heavier than a quarter
 * of it is not kept.
 */
export function untilChanged<T>(db: Db, key: string, compute: () => T, weigh: (value: T) => number = () => 1): T {
  // inside a transaction the data may yet be rolled back, and total_changes would not go back with them
  if (db.$client.inTransaction) return compute();
  const { changes, version } = prepared(
    db,
    "select total_changes() as changes, (select data_version from pragma_data_version) as version",
  ).get() as {
    changes: number;
    version: number;
  };
  const stamp = `${changes}|${version}`;
  let memo = memos.get(db.$client);
  if (!memo) {
    memo = new LRUCache<string, Kept>({
      maxSize: KEPT_WEIGHT_LIMIT,
      maxEntrySize: KEPT_WEIGHT_LIMIT / 4,
      sizeCalculation: (kept) => kept.weight,
    });
    memos.set(db.$client, memo);
  }
  const hit = memo.get(key);
  if (hit && hit.stamp === stamp) return hit.value as T;
  const value = compute();
  // the cache counts sizes in whole units of at least one
  memo.set(key, { stamp, value, weight: Math.max(1, Math.ceil(weigh(value))) });
  return value;
}
