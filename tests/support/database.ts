/** A real, temporary SQLite file with migrations, reference data and the demo data. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { openDatabase, type Db } from "../../db/connection";
import { ensureData } from "../../seeds/load";

declare module "vitest" {
  export interface ProvidedContext {
    /** Template databases built once per run by tests/support/templates.ts (the unit project). */
    databaseTemplates?: { demo: string; empty: string };
  }
}

function templateFor(demo: boolean): string | undefined {
  try {
    const t = inject("databaseTemplates");
    return t ? (demo ? t.demo : t.empty) : undefined;
  } catch {
    return undefined; // outside a vitest worker (a script), or a project without the templates
  }
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
