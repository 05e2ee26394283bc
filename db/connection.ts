/**
 * Opens the embedded SQLite file and brings it to the latest committed migration.
 * Used by the server, the seed and import CLIs, tests and benchmarks alike.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
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

export function openDatabase(file: string = databasePath(), opts: { migrate?: boolean; migrationsFolder?: string } = {}): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema }) as Db;
  if (opts.migrate !== false) migrate(db, { migrationsFolder: opts.migrationsFolder ?? MIGRATIONS_FOLDER });
  return db;
}
