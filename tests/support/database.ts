/** A real, temporary SQLite file with migrations, reference data and the demo data. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "../../db/connection";
import { ensureData } from "../../seeds/load";

/** Template databases built once per run by tests/support/templates.ts (the unit project's global setup). */
function templateFor(demo: boolean): string | undefined {
  const dir = process.env.FR_TEST_TEMPLATES;
  return dir ? path.join(dir, demo ? "demo.sqlite" : "empty.sqlite") : undefined;
}

export function createTestDatabase(opts: { demo?: boolean } = {}): { db: Db; file: string; cleanup: () => void } {
  const demo = opts.demo ?? true;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faelles-retning-test-"));
  const file = path.join(dir, "test.sqlite");
  // The demo database is built once per run and copied per test file: the same bytes as a
  // fresh build, without generating the demo data a dozen times.
  const template = templateFor(demo);
  if (template && fs.existsSync(template)) fs.copyFileSync(template, file);
  const db = openDatabase(file);
  // on a copy this only confirms the reference data (an upsert) and finds the observations there
  ensureData(db, { demo });
  return {
    db,
    file,
    cleanup: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
