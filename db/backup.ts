/**
 * Online backup and checked restore of the SQLite file (ADR 0024).
 *
 * A backup uses SQLite's backup API through better-sqlite3: a consistent copy of the database
 * as of one moment, safe while the server reads and writes it (WAL). A restore first checks the
 * file (SQLite's integrity check; a Fælles retning database whose migrations this version
 * knows), brings it to the latest migration, and only then replaces the database, keeping the
 * one it replaces beside it.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS_FOLDER, openDatabase } from "./connection";

export class BackupRefused extends Error {}

/** Writes a consistent copy of `source` to `target` (through a temporary file, so a half copy never has the target's name). */
export async function backupDatabase(source: string, target: string): Promise<{ bytes: number }> {
  if (!fs.existsSync(source)) throw new BackupRefused(`Databasen ${source} findes ikke.`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const tmp = `${target}.delvis`;
  fs.rmSync(tmp, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    await db.backup(tmp);
  } finally {
    db.close();
  }
  checkFile(tmp);
  fs.renameSync(tmp, target);
  return { bytes: fs.statSync(target).size };
}

/** The migrations this version of the product has, by the time drizzle-kit stamped them. */
function knownMigrations(): Set<number> {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: { when: number }[];
  };
  return new Set(journal.entries.map((e) => e.when));
}

/** Refuses a file that is not a sound SQLite database of this product. */
export function checkFile(file: string): void {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new BackupRefused(`${file} kan ikke åbnes som en SQLite-database.`);
  }
  try {
    let result: unknown;
    try {
      result = db.pragma("integrity_check", { simple: true });
    } catch {
      throw new BackupRefused(`${file} er ikke en SQLite-database, eller den er beskadiget.`);
    }
    if (result !== "ok") throw new BackupRefused(`${file} er beskadiget (SQLite's integritetstjek: ${String(result).slice(0, 200)}).`);
    const hasMigrations = db
      .prepare("select count(*) as n from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
      .get() as { n: number };
    if (hasMigrations.n === 0) throw new BackupRefused(`${file} er ikke en database fra Fælles retning (ingen migreringer).`);
    const applied = (db.prepare("select created_at as at from __drizzle_migrations").all() as { at: number }[]).map((r) => Number(r.at));
    const known = knownMigrations();
    if (applied.some((at) => !known.has(at)))
      throw new BackupRefused(
        `${file} er fra en nyere udgave af Fælles retning (den har migreringer, denne udgave ikke kender). Opdatér først.`,
      );
  } finally {
    db.close();
  }
}

/**
 * Replaces the database at `target` with the checked, migrated backup. The server must be
 * stopped. The database it replaces is kept as `<target>.foer-gendannelse-<time>`.
 */
export function restoreDatabase(backup: string, target: string): { replaced: string | null } {
  checkFile(backup);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const tmp = `${target}.gendannes`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(backup, tmp);
  const db = openDatabase(tmp); // an older backup is brought to the latest migration here
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.pragma("journal_mode = DELETE"); // one self-contained file to move into place
  db.$client.close();
  checkFile(tmp);
  let replaced: string | null = null;
  if (fs.existsSync(target)) {
    // fold the old database's log into it, so the kept copy is whole
    const old = new Database(target);
    old.pragma("wal_checkpoint(TRUNCATE)");
    old.close();
    replaced = `${target}.foer-gendannelse-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    fs.renameSync(target, replaced);
  }
  for (const f of [`${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
  fs.renameSync(tmp, target);
  return { replaced };
}
