/** A real, temporary SQLite file with migrations, reference data and the demo data. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "../../db/connection";
import { ensureData } from "../../seeds/load";

export function createTestDatabase(opts: { demo?: boolean } = {}): { db: Db; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faelles-retning-test-"));
  const file = path.join(dir, "test.sqlite");
  const db = openDatabase(file);
  ensureData(db, { demo: opts.demo ?? true });
  return {
    db,
    file,
    cleanup: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
