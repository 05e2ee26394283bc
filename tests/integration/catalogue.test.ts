import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listIndicators, listMunicipalities } from "~/data/catalogue.server";
import type { Db } from "../../db/connection";
import { createTestDatabase } from "../support/database";

let db: Db;
let cleanup: () => void;
let file: string;
beforeAll(() => ({ db, cleanup, file } = createTestDatabase({ demo: false })));
afterAll(() => cleanup());

// The catalogue is kept between reads until the database changes; it must never be stale.
describe("the catalogue as the pages read it", () => {
  it("shows a change made through the same connection at once", () => {
    expect(listMunicipalities(db).find((m) => m.code === "849")?.name).toBe("Jammerbugt");
    db.$client.prepare("update municipalities set name = 'Jammerbugt Kommune' where code = '849'").run();
    expect(listMunicipalities(db).find((m) => m.code === "849")?.name).toBe("Jammerbugt Kommune");
    db.$client.prepare("update municipalities set name = 'Jammerbugt' where code = '849'").run();
  });

  it("shows a change made by another process (another connection) at once", () => {
    expect(listIndicators(db).find((i) => i.code === "fravaer")?.nameDa).not.toBe("Fravær (ændret)");
    const other = new Database(file);
    other.prepare("update indicators set name_da = 'Fravær (ændret)' where code = 'fravaer'").run();
    other.close();
    expect(listIndicators(db).find((i) => i.code === "fravaer")?.nameDa).toBe("Fravær (ændret)");
  });

  it("hands out a copy, so a caller that sorts the list does not reorder it for the next", () => {
    const first = listMunicipalities(db);
    first.reverse();
    expect(listMunicipalities(db)[0]).not.toBe(first[0]);
  });
});
