/**
 * Issue 20's findings that live in the data layer, against a real temporary SQLite file: CPR
 * numbers in any writing and in the file name, what a discarded preview leaves in the file,
 * XLSX rows with empty cells, formula injection in the files the product writes.
 */
import { DomainError } from "~/domain/errors";
import { getT } from "~/i18n/i18n";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { attemptLogin } from "~/data/auth.server";
import { createUser } from "~/data/users.server";
import {
  commitImport,
  discardPreview,
  findPreview,
  ImportRefused,
  previewErrors,
  previewErrorsCsv,
  previewImport,
} from "~/data/import.server";
import type { Db } from "../../db/connection";
import { createTestDatabase } from "../support/database";
import { errorInDanish, inDanish } from "../support/danish-messages";

let db: Db;
let file: string;
let cleanup: () => void;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faelles-retning-hardening-"));
const who = { userId: null, actor: "test" };
const HEADER = "indikator;kommune;periode;maalgruppe;opdeling;taeller;naevner;vaerdi";

beforeAll(() => {
  ({ db, file, cleanup } = createTestDatabase());
});
afterAll(() => {
  cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const write = (content: string | Buffer, name: string) => {
  const p = path.join(dir, `${++n}-${name}`);
  fs.writeFileSync(p, content);
  return p;
};
const preview = (content: string | Buffer, name = "fil.csv") => previewImport(db, { path: write(content, name), name }, who);
/** The SQLite file's bytes, after the write-ahead log is folded in: what a copy of the disk would hold. */
const fileBytes = () => {
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  return fs.readFileSync(file).toString("latin1");
};
const count = (table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe("2. CPR numbers are never stored", () => {
  const variants: [string, string][] = [
    ["inside other text", "fravaer;Jammerbugt 010190-1234;2024/25;oevrige;;1;10;"],
    ["with dots", "fravaer;849;2024/25;oevrige;01.01.90-1234;1;10;"],
    ["with a slash", "fravaer;849;2024/25;oevrige;;1;10;010190/1234"],
    ["as an Excel number without its leading zero", "fravaer;849;2024/25;oevrige;;1;101901234;"],
    ["in the header", "fravaer;849;2024/25;oevrige;;1;10;"],
  ];
  it.each(variants)("refuses a file with a CPR number %s, says so in Danish without the number, and keeps nothing", async (what, row) => {
    const content = what === "in the header" ? `${HEADER.replace("vaerdi", "vaerdi 010190-1234")}\n${row}` : `${HEADER}\n${row}`;
    const before = { previews: count("import_previews"), errors: count("import_preview_errors"), audit: count("audit_log") };
    const refused = await preview(content).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ImportRefused);
    const said = errorInDanish(refused);
    expect(said).toMatch(/ligner et CPR-nummer/);
    expect(said).not.toMatch(/0101|1901|1234/);
    expect(JSON.stringify((refused as DomainError).params)).not.toMatch(/0101|1901|1234/);
    expect({ previews: count("import_previews"), errors: count("import_preview_errors"), audit: count("audit_log") }).toEqual(before);
    expect(fileBytes()).not.toMatch(/010190|01\.01\.90|101901234/);
  });

  it("stores a neutral name for a file whose name holds a CPR number, in the preview, the batch and the audit trail", async () => {
    const id = await preview(`${HEADER}\nfravaer;849;2019/20;oevrige;;71;1000;`, "elev-020290-4321.csv");
    const p = findPreview(db, id)!;
    expect(p.fileName).toMatch(/^fil-[0-9a-f]{12}\.csv$/);
    const batch = commitImport(db, who, id)!;
    const stored = JSON.stringify([
      db.$client.prepare("select file_name from import_batches where id = ?").get(batch),
      db.$client.prepare("select * from audit_log order by id desc limit 1").get(),
    ]);
    expect(stored).not.toMatch(/020290/);
    expect(fileBytes()).not.toMatch(/020290/);
  });

  it("leaves nothing of a discarded preview in the database file (secure_delete)", async () => {
    expect(db.$client.pragma("secure_delete", { simple: true })).toBe(1);
    const marker = "Qzxwvkommune";
    const id = await preview(`${HEADER}\n${Array.from({ length: 50 }, () => `fravaer;${marker};2024/25;oevrige;;1;10;`).join("\n")}`);
    expect(previewErrors(db, id)[0].message).toContain(marker);
    expect(fileBytes()).toContain(marker);
    discardPreview(db, id);
    expect(fileBytes()).not.toContain(marker);
  });
});

describe("3. an XLSX row with an empty cell in the middle", () => {
  it("is read like the same row in CSV", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Tal");
    sheet.addRow(["indikator", "kommune", "periode", "maalgruppe", "opdeling", "taeller", "naevner", "vaerdi"]);
    sheet.addRow(["fravaer", 849, "2018/19", "oevrige", null, 77, 1000]);
    sheet.addRow(["fravaer", null, "2018/19", "oevrige", null, 77, 1000]);
    const id = await preview(Buffer.from(await wb.xlsx.writeBuffer()), "fil.xlsx");
    expect(findPreview(db, id)).toMatchObject({ rowsRead: 2, errorCount: 1 });
    expect(previewErrors(db, id).map((e) => ({ ...e, message: inDanish(e.message) }))).toEqual([
      { rowNo: 3, column: "kommune", message: "kommunen mangler." },
    ]);
    discardPreview(db, id);
  });
});

describe("7. formulas in the files the product writes", () => {
  it("neutralises cells starting with = + - @ in the errors CSV", async () => {
    const id = await preview(`indikator;kommune;periode;=1+2*3;@SUM(A1);+cmd;-2+3\nfravaer;849;2024/25;x;y;z;w`);
    const csv = previewErrorsCsv(db, id, getT("da"));
    const cells = csv
      .replace(/^\uFEFF/, "")
      .split(/\r\n/)
      .flatMap((line) => line.split(";"))
      .map((c) => c.replace(/^"|"$/g, ""));
    expect(cells.some((c) => c.includes("=1+2*3"))).toBe(true);
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    discardPreview(db, id);
  });
});

describe("10. the login throttle cannot be turned on a real user", () => {
  afterEach(() => vi.useRealTimers());
  const PASSWORD = "en-lang-test-adgangskode";

  it("lets the owner in from their own address within a minute, however long an attacker keeps failing, with one audit row per episode", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    let now = new Date("2026-04-01T08:00:00.000Z").getTime();
    vi.setSystemTime(now);
    const u = await createUser(
      db,
      null,
      { email: "offer@example.dk", name: "Offer", role: "sekretariat", municipalityCode: null },
      PASSWORD,
    );
    const attacker = "203.0.113.66";
    const throttledRows = () =>
      (
        db.$client.prepare("select count(*) as n from audit_log where action = 'login.throttled' and actor_email = ?").get(u.email) as {
          n: number;
        }
      ).n;
    // an hour of an attacker trying every ten seconds from one address
    for (let i = 0; i < 360; i++) {
      await attemptLogin(db, { email: u.email, password: "gaet-" + i, address: attacker });
      now += 10_000;
      vi.setSystemTime(now);
    }
    expect(throttledRows()).toBe(1);
    const owner = await attemptLogin(db, { email: u.email, password: PASSWORD, address: "198.51.100.7" });
    if (!owner.ok) {
      expect(owner).toMatchObject({ reason: "throttled" });
      expect((owner as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60);
      vi.setSystemTime(now + 61_000);
      expect(await attemptLogin(db, { email: u.email, password: PASSWORD, address: "198.51.100.7" })).toMatchObject({ ok: true });
    }
    // the attacker's own address stays slowed down far longer than the account
    const row = db.$client.prepare("select locked_until from login_throttle where key = ?").get(`adresse:${attacker}`) as
      { locked_until: string } | undefined;
    expect(row && Date.parse(row.locked_until) - Date.now()).toBeGreaterThan(60_000);
  });
});
