/** Builds a test database the slow way; no vitest import, so global setup can use it too. */
import { openDatabase } from "../../db/connection";
import { ensureData } from "../../seeds/load";

/** Migrations, reference data and (optionally) the demo data, checkpointed into one file. */
export function buildDatabase(file: string, demo: boolean): void {
  const db = openDatabase(file);
  ensureData(db, { demo });
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
}
