/**
 * Loading data into a real SQLite file: preview, commit, twice, rollback, XLSX, person data,
 * limits, the upload route, random and mangled files (fast-check), and a SIGKILL during the
 * command line's commit.
 */
import { getT } from "~/i18n/i18n";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getActor } from "~/data/auth.server";
import {
  commitImport,
  discardPreview,
  discardStalePreviews,
  findPreview,
  ImportError,
  ImportRefused,
  listBatches,
  previewChanges,
  previewErrors,
  previewErrorsCsv,
  previewImport,
  rollbackBatch,
} from "~/data/import.server";
import { action as uploadActionAsWritten } from "~/routes/indlaes._index";
import { openDatabase, type Db } from "../../db/connection";
import { createTestDatabase } from "../support/database";
import { signIn } from "../support/session";
import { edge } from "~/http/edge.server";
import { inDanish, refusalInDanish } from "../support/danish-messages";

// the preview stores message keys; a Danish page reads them so
const previewErrorsInDanish = (...args: Parameters<typeof previewErrors>) =>
  previewErrors(...args).map((e) => ({ ...e, message: inDanish(e.message) }));

// the routes as the server runs them: behind the edge that turns DomainErrors into responses
const uploadAction = edge(uploadActionAsWritten);

let db: Db;
let file: string;
let cleanup: () => void;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faelles-retning-import-test-"));
const who = { userId: null, actor: "test" };

beforeAll(() => {
  ({ db, file, cleanup } = createTestDatabase());
});
afterAll(() => {
  cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function write(content: string | Buffer, ext = "csv"): string {
  const p = path.join(dir, `fil-${++n}.${ext}`);
  fs.writeFileSync(p, content);
  return p;
}
const preview = (content: string | Buffer, ext = "csv", limits?: { maxBytes: number; maxRows: number }) =>
  previewImport(db, { path: write(content, ext), name: `fil.${ext}` }, who, limits);

type Obs = { numerator: number | null; denominator: number | null; value: number | null; batch_id: number | null; withheld: string | null };
const obs = (indicator: string, code: string, period: string, group: string, breakdown = "") =>
  db.$client
    .prepare(
      "select numerator, denominator, value, batch_id, withheld from observations where indicator_code = ? and municipality_code = ? and period = ? and target_group = ? and breakdown = ?",
    )
    .get(indicator, code, period, group, breakdown) as Obs | undefined;
/** A fingerprint of every observation: equal before and after means nothing was written. */
const fingerprint = () =>
  createHash("sha256")
    .update(
      JSON.stringify(
        db.$client
          .prepare(
            "select indicator_code, municipality_code, period, target_group, breakdown, numerator, denominator, value from observations order by id",
          )
          .all(),
      ),
    )
    .digest("hex");
const staged = () =>
  (
    db.$client
      .prepare(
        "select (select count(*) from import_previews) + (select count(*) from import_preview_rows) + (select count(*) from import_preview_errors) as n",
      )
      .get() as { n: number }
  ).n;

const HEADER = "indikator;kommune;periode;maalgruppe;opdeling;taeller;naevner;vaerdi";

describe("a file with errors", () => {
  it("says what is wrong by row and column, writes nothing and cannot be committed", async () => {
    const before = fingerprint();
    const id = await preview(
      [
        HEADER,
        "fravaer;849;2024/25;oevrige;;120;1000;",
        "fravaer;Jamerbugt;2024/25;anbragte;;3;10;",
        "fravaer;849;2024;anbragte;;3;10;",
        "fravaer;849;2024/25;oevrige;;5;10;",
      ].join("\n"),
    );
    const p = findPreview(db, id)!;
    expect(p).toMatchObject({ rowsRead: 4, errorCount: 3 });
    expect(previewErrorsInDanish(db, id)).toEqual([
      { rowNo: 3, column: "kommune", message: "kommunen 'Jamerbugt' findes ikke – mente du Jammerbugt (849)?" },
      { rowNo: 4, column: "periode", message: "perioden '2024' passer ikke til indikatoren, der opgøres pr. skoleår, fx 2023/24." },
      { rowNo: 5, column: "–", message: "samme observation som række 2 (indikator, kommune, periode, målgruppe og opdeling)." },
    ]);
    const csv = previewErrorsCsv(db, id, getT("da"));
    expect(csv.startsWith("\uFEFFrække;kolonne;fejl\r\n3;kommune;kommunen 'Jamerbugt' findes ikke")).toBe(true);
    expect(() => commitImport(db, who, id)).toThrow(ImportError);
    expect(fingerprint()).toBe(before);
  });
});

describe("an observation given more than once", () => {
  it("names the first row at every repeat and counts each observation once", async () => {
    const id = await preview(
      [
        HEADER,
        "fravaer;849;2024/25;oevrige;;120;1000;",
        "fravaer;849;2024/25;alle;;3;10;",
        "fravaer;Jammerbugt;2024/25;oevrige;;121;1000;",
        "fravaer;849;2024/25;oevrige;;122;1000;",
        "fravaer;849;2024/25;alle;;4;10;",
      ].join("\n"),
    );
    expect(findPreview(db, id)).toMatchObject({ rowsRead: 5, rowsChanged: 2, rowsNew: 0, errorCount: 3 });
    const first = (row: number) => `samme observation som række ${row} (indikator, kommune, periode, målgruppe og opdeling).`;
    expect(previewErrorsInDanish(db, id)).toEqual([
      { rowNo: 4, column: "–", message: first(2) },
      { rowNo: 5, column: "–", message: first(2) },
      { rowNo: 6, column: "–", message: first(3) },
    ]);
  });

  it("still counts repeats when 10,000 errors are already stored, and keeps them out of the rows", async () => {
    const bad = Array.from({ length: 10_000 }, () => "fravaer;Atlantis;2024/25;oevrige;;1;10;");
    const good = [
      "fravaer;849;2024/25;oevrige;;120;1000;",
      "fravaer;849;2024/25;oevrige;;121;1000;",
      "fravaer;849;2024/25;oevrige;;122;1000;",
    ];
    const id = await preview([HEADER, ...bad, ...good].join("\n"), "csv", { maxBytes: 10_000_000, maxRows: 20_000 });
    expect(findPreview(db, id)).toMatchObject({ rowsRead: 10_003, rowsChanged: 1, errorCount: 10_002 });
    const stored = previewErrorsCsv(db, id, getT("da")).trim().split("\r\n").length - 1;
    expect(stored).toBe(10_000);
  });
});

describe("a preview left behind", () => {
  it("is removed with its staged rows after a day, when someone reads the next file", async () => {
    const rows = () => db.$client.prepare("select count(*) from import_preview_rows").pluck().get() as number;
    const before = rows();
    const old = await preview([HEADER, "fravaer;849;2024/25;oevrige;;120;1000;", "fravaer;849;2024/25;anbragte;;3;10;"].join("\n"));
    const fresh = await preview([HEADER, "fravaer;849;2024/25;oevrige;;121;1000;"].join("\n"));
    expect(rows()).toBe(before + 3);
    // the first was read 25 hours ago
    db.$client
      .prepare("update import_previews set created_at = ? where id = ?")
      .run(new Date(Date.now() - 25 * 3600_000).toISOString(), old);
    expect(discardStalePreviews(db)).toBe(1);
    expect(findPreview(db, old)).toBeUndefined();
    expect(findPreview(db, fresh)).toBeDefined();
    expect(rows()).toBe(before + 1);
    // and reading a file does the same
    db.$client
      .prepare("update import_previews set created_at = ? where id = ?")
      .run(new Date(Date.now() - 25 * 3600_000).toISOString(), fresh);
    const next = await preview([HEADER, "fravaer;849;2024/25;oevrige;;122;1000;"].join("\n"));
    expect(findPreview(db, fresh)).toBeUndefined();
    expect(findPreview(db, next)).toBeDefined();
  });
});

describe("committing and rolling back", () => {
  it("writes one batch, remembers what it replaced, changes nothing the second time, and rolls back exactly", async () => {
    const old = obs("fravaer", "849", "2024/25", "oevrige")!;
    const content = [
      "Indikator,Kommune,Periode,Målgruppe,Tæller,Nævner", // comma, Danish names
      "fravaer,Jammerbugt,2024/25,oevrige,123,1000",
      "udgift-udsatte-pr-barn,849,2031,alle,,6970",
    ].join("\r\n");
    // the kr. row needs a value: refused first, then fixed
    const bad = await preview(`\uFEFF${content}`);
    expect(previewErrorsInDanish(db, bad)[0]).toMatchObject({ rowNo: 3, column: "vaerdi" });

    const fixed = `\uFEFF${content.replace("2031,alle,,6970", '2031,alle,,6970,"15200,5"').replace("Nævner", "Nævner,Værdi").replace("123,1000", "123,1000,")}`;
    const stagedBefore = staged();
    const id = await preview(fixed);
    expect(findPreview(db, id)).toMatchObject({ rowsRead: 2, rowsNew: 1, rowsChanged: 1, errorCount: 0 });
    const changes = previewChanges(db, id);
    expect(changes.map((c) => c.change)).toEqual(["changed", "new"]);
    expect(changes[0].new).toEqual({ numerator: 123, denominator: 1000, value: null });
    expect(changes[0].old?.withheld ? null : changes[0].old?.numerator).toBe(old.withheld ? null : old.numerator);

    const batch = commitImport(db, who, id)!;
    expect(batch).toBeGreaterThan(0);
    expect(obs("fravaer", "849", "2024/25", "oevrige")).toMatchObject({ numerator: 123, denominator: 1000, batch_id: batch });
    expect(obs("udgift-udsatte-pr-barn", "849", "2031", "alle")).toMatchObject({ denominator: 6970, value: 15200.5, batch_id: batch });
    expect(staged()).toBe(stagedBefore); // the committed preview's rows are gone
    const audit = db.$client.prepare("select actor_email, after from audit_log where action = 'data.import' order by id desc").get() as {
      actor_email: string;
      after: string;
    };
    expect(audit.actor_email).toBe("test");
    expect(JSON.parse(audit.after)).toMatchObject({ new: 1, changed: 1 });

    // The same file again: 1,000 øvrige pupils beside the stored udsatte and alle make the
    // pupils' family hide the øvrige cell now, and against a withheld figure a row counts as
    // changed whatever it holds (no oracle, ADR 29); the shown kr. row is unchanged.
    expect(obs("fravaer", "849", "2024/25", "oevrige")?.withheld).toBeTruthy();
    const again = await preview(fixed);
    expect(findPreview(db, again)).toMatchObject({ rowsNew: 0, rowsChanged: 1, rowsUnchanged: 1 });
    discardPreview(db, again);
    // a file of shown figures only, loaded again, changes nothing and leaves no batch
    const shownOnly = await preview(
      `Indikator;Kommune;Periode;Målgruppe;Nævner;Værdi\r\nudgift-udsatte-pr-barn;849;2031;alle;6970;15200,5`,
    );
    expect(findPreview(db, shownOnly)).toMatchObject({ rowsNew: 0, rowsChanged: 0, rowsUnchanged: 1 });
    expect(commitImport(db, who, shownOnly)).toBeNull();
    expect(listBatches(db).filter((b) => b.kind === "import")).toHaveLength(1);

    // rollback restores the exact earlier figures and removes the added one
    const back = rollbackBatch(db, who, batch);
    expect(obs("fravaer", "849", "2024/25", "oevrige")).toMatchObject({
      numerator: old.numerator,
      denominator: old.denominator,
      value: old.value,
      batch_id: null,
    });
    expect(obs("udgift-udsatte-pr-barn", "849", "2031", "alle")).toBeUndefined();
    const batches = listBatches(db);
    expect(batches.find((b) => b.id === back)).toMatchObject({ kind: "rollback", rollsBack: batch });
    expect(batches.find((b) => b.id === batch)).toMatchObject({ rolledBackBy: back });
    expect(await refusalInDanish(() => rollbackBatch(db, who, batch))).toMatch(/Er rullet tilbage/);
    expect(await refusalInDanish(() => rollbackBatch(db, who, back))).toMatch(/kan ikke selv rulles tilbage/);
  });

  it("refuses to roll back a batch whose figures a later batch has changed", async () => {
    const line = (v: number) => [HEADER, `fravaer;849;2023/24;oevrige;;${v};1000;`].join("\n");
    const first = commitImport(db, who, await preview(line(111)))!;
    const second = commitImport(db, who, await preview(line(222)))!;
    expect(await refusalInDanish(() => rollbackBatch(db, who, first))).toContain(
      `Indlæsning ${second} har siden ændret nogle af de samme tal`,
    );
    rollbackBatch(db, who, second);
    expect(obs("fravaer", "849", "2023/24", "oevrige")).toMatchObject({ numerator: 111, batch_id: first });
    rollbackBatch(db, who, first);
  });

  it("works a commit out against the figures as they are then, not as they were at the preview", async () => {
    const file = (a: number, b: number) =>
      [HEADER, `fravaer;849;2022/23;oevrige;;${a};1000;`, `fravaer;851;2022/23;oevrige;;${b};1000;`].join("\n");
    const first = await preview(file(301, 301));
    const second = await preview(file(301, 302)); // made before the first lands: both rows look changed
    expect(findPreview(db, second)).toMatchObject({ rowsChanged: 2, rowsUnchanged: 0 });
    const a = commitImport(db, who, first)!;
    const b = commitImport(db, who, second)!;
    expect(listBatches(db).find((x) => x.id === b)).toMatchObject({ rowsNew: 0, rowsChanged: 1, rowsUnchanged: 1 });
    expect(obs("fravaer", "849", "2022/23", "oevrige")).toMatchObject({ numerator: 301, batch_id: a });
    expect(obs("fravaer", "851", "2022/23", "oevrige")).toMatchObject({ numerator: 302, batch_id: b });
    rollbackBatch(db, who, b); // gives back what the first batch wrote
    expect(obs("fravaer", "851", "2022/23", "oevrige")).toMatchObject({ numerator: 301, batch_id: a });
    rollbackBatch(db, who, a);
  });

  it("reads XLSX (the first sheet) like CSV", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Tal");
    sheet.addRow(["indikator", "kommune", "periode", "maalgruppe", "taeller", "naevner"]);
    sheet.addRow(["fravaer", 849, "2022/23", "oevrige", 77, 1000]);
    sheet.addRow(["fravaer", "Hvidovre", "2022/23", "oevrige", 88, 1000]);
    wb.addWorksheet("Noter").addRow(["ignoreres"]);
    const id = await preview(Buffer.from(await wb.xlsx.writeBuffer()), "xlsx");
    expect(findPreview(db, id)).toMatchObject({ rowsRead: 2, rowsChanged: 2, errorCount: 0 });
    const batch = commitImport(db, who, id)!;
    expect(obs("fravaer", "167", "2022/23", "oevrige")).toMatchObject({ numerator: 88, batch_id: batch });
    rollbackBatch(db, who, batch);
  });
});

describe("udsatte as the union of anbragte and forebyggende", () => {
  const figures = (period: string) =>
    Object.fromEntries(["anbragte", "forebyggende", "udsatte"].map((g) => [g, obs("fravaer", "849", period, g)!]));

  it("refuses a udsatte outside max(anbragte, forebyggende) … anbragte + forebyggende, against the file and the figures already loaded, by row", async () => {
    const before = fingerprint();
    const now = figures("2020/21");
    const a = now.anbragte!.denominator!;
    const f = now.forebyggende!.denominator!;
    const id = await preview(
      [
        HEADER,
        // the sum: no child in both groups, allowed
        `fravaer;849;2019/20;anbragte;;5;20;`,
        `fravaer;849;2019/20;forebyggende;;10;60;`,
        `fravaer;849;2019/20;udsatte;;15;80;`,
        // udsatte alone, above the sum of the groups already loaded
        `fravaer;849;2020/21;udsatte;;${now.udsatte!.numerator};${a + f + 1};`,
        // forebyggende alone, so the loaded udsatte would be below it
        `fravaer;849;2021/22;forebyggende;;${figures("2021/22").forebyggende!.numerator};${figures("2021/22").udsatte!.denominator! + 1};`,
      ].join("\n"),
    );
    const errors = previewErrorsInDanish(db, id);
    expect(errors.map((e) => [e.rowNo, e.column])).toEqual([
      [5, "naevner"],
      [6, "naevner"],
    ]);
    expect(errors[0]!.message).toBe(
      `udsatte (nævner ${a + f + 1}) skal ligge mellem ${Math.max(a, f)} og ${a + f}: mindst det største af anbragte (${a}) og forebyggende (${f}) og højst deres sum. Udsatte er børn med en anbringelse eller en forebyggende foranstaltning, og et barn med begge tælles én gang.`,
    );
    expect(() => commitImport(db, who, id)).toThrow(ImportError);
    expect(fingerprint()).toBe(before);
  });

  it("loads a file whose three groups overlap, as seed 000's 2023/24 figures do", async () => {
    const id = await preview(
      [
        HEADER,
        "fp9-deltagelse;849;2023/24;anbragte;;6;12;",
        "fp9-deltagelse;849;2023/24;forebyggende;;20;35;",
        "fp9-deltagelse;849;2023/24;udsatte;;23;40;",
      ].join("\n"),
    );
    expect(previewErrorsInDanish(db, id)).toEqual([]);
    const batch = commitImport(db, who, id)!;
    expect(obs("fp9-deltagelse", "849", "2023/24", "udsatte")).toMatchObject({ numerator: 23, denominator: 40 });
    rollbackBatch(db, who, batch);
  });
});

describe("the templates", () => {
  it("give every indicator of the catalogue a file that reads without errors, as CSV and as XLSX", async () => {
    const { importTemplate } = await import("~/data/import.server");
    const { INDICATORS } = await import("~/domain/catalogue");
    for (const indicator of INDICATORS) {
      for (const format of ["csv", "xlsx"] as const) {
        const bytes = await importTemplate(db, indicator.code, format);
        expect(bytes, indicator.code).not.toBeNull();
        const id = await preview(bytes!, format);
        expect(previewErrorsInDanish(db, id), `${indicator.code} ${format}`).toEqual([]);
        // with udsatte among its groups, the example gives anbragte, forebyggende and udsatte together
        const union = ["anbragte", "forebyggende", "udsatte"].every((g) => indicator.targetGroups.includes(g as never));
        expect(findPreview(db, id)!.rowsRead, indicator.code).toBe(union ? 3 : 2);
      }
    }
  }, 60_000);
});

describe("refused files keep nothing", () => {
  const refusedWith = async (content: string | Buffer, pattern: RegExp, ext = "csv", limits?: { maxBytes: number; maxRows: number }) => {
    const before = fingerprint();
    const stagedBefore = staged();
    await expect(preview(content, ext, limits)).rejects.toThrow(ImportRefused);
    expect(await refusalInDanish(() => preview(content, ext, limits))).toMatch(pattern);
    expect(staged()).toBe(stagedBefore);
    expect(fingerprint()).toBe(before);
  };

  it("refuses person-level data: a CPR-like cell anywhere, or a name or address column", async () => {
    await refusedWith(
      [HEADER, "fravaer;849;2024/25;oevrige;;1;10;", "fravaer;849;2023/24;oevrige;;1;10;2512841234"].join("\n"),
      /Række 3, kolonne 8: feltet ligner et CPR-nummer/,
    );
    await refusedWith(
      ["indikator;kommune;periode;navn", "fravaer;849;2024/25;Peter Hansen"].join("\n"),
      /Kolonnen 'navn' ligner personoplysninger/,
    );
    await refusedWith(["indikator;kommune;periode;Adresse", "fravaer;849;2024/25;Vestergade 1"].join("\n"), /personoplysninger/);
    // the message never repeats the number
    await expect(preview(`${HEADER}\nfravaer;849;2024/25;oevrige;;1;10;251284-1234`)).rejects.toThrow(/^(?!.*251284).*$/s);
    expect(await refusalInDanish(() => preview(`${HEADER}\nfravaer;849;2024/25;oevrige;;1;10;251284-1234`))).not.toContain("251284");
  });

  it("refuses files that are empty, binary, not UTF-8, broken CSV or not really XLSX", async () => {
    await refusedWith("", /tom/);
    await refusedWith(Buffer.from([0, 1, 2, 3, 255, 0, 7]), /hverken en CSV-fil eller en Excel-fil/);
    await refusedWith(Buffer.from(`${HEADER}\nfravaer;K\xf8ge;2024/25;oevrige;;1;10;\n`, "latin1"), /ikke gemt som UTF-8/);
    await refusedWith(`${HEADER}\nfravaer;"849;2024/25;oevrige;;1;10;\n"x"y;1`, /kan ikke læses som CSV/);
    await refusedWith(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]), /kan ikke læses som Excel-fil/, "xlsx");
  });

  it("refuses a file over the size or row limit", async () => {
    const rows = [
      HEADER,
      ...Array.from({ length: 20 }, (_, i) => `fravaer;849;${2000 + i}/${String((i + 1) % 100).padStart(2, "0")};oevrige;;1;10;`),
    ].join("\n");
    await refusedWith(rows, /flere end 10 rækker/, "csv", { maxBytes: 1e6, maxRows: 10 });
    await refusedWith(rows, /for stor/, "csv", { maxBytes: 100, maxRows: 1000 });
  });
});

describe("the upload route", () => {
  it("takes a multipart upload with the csrf token, keeps the original file name and deletes the upload", async () => {
    const as = await signIn(db, "sekretariat");
    const actor = (await getActor(db, as.request("/")))!;
    const form = new FormData();
    form.set("csrf", actor.csrfToken!);
    form.set("fil", new File([`${HEADER}\nfravaer;849;2021/22;oevrige;;99;1000;`], "dst-fravaer.csv", { type: "text/csv" }));
    const uploads = path.join(os.tmpdir(), "faelles-retning-uploads");
    const before = fs.existsSync(uploads) ? fs.readdirSync(uploads).length : 0;
    const res = (await uploadAction({
      request: as.request("/indlaes", { method: "POST", body: form }),
      params: {},
      context: as.context,
    })) as Response;
    expect(res.status).toBe(302);
    const id = res.headers.get("Location")!.split("/").at(-1)!;
    expect(findPreview(db, id)).toMatchObject({ fileName: "dst-fravaer.csv", rowsChanged: 1 });
    expect(fs.readdirSync(uploads).length).toBe(before);

    const council = await signIn(db, "skoledirektoer", "849");
    const refused = await uploadAction({
      request: council.request("/indlaes", { method: "POST", body: form }),
      params: {},
      context: council.context,
    }).catch((e) => e);
    expect((refused as Response).status).toBe(403);
  });
});

describe("random and mangled files", () => {
  it("never give an unexpected error or a partial write", async () => {
    const good = [
      HEADER,
      "fravaer;849;2020/21;oevrige;;10;100;",
      "fravaer;167;2020/21;oevrige;;20;200;",
      "anbragte-type;849;2024;anbragte;familiepleje;9;;",
    ];
    const mangle = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
      fc.string({ maxLength: 300 }).map((s) => Buffer.from(s)),
      fc
        .tuple(
          fc.integer({ min: 0, max: good.join("\n").length }),
          fc.constantFrom('"', ";", "\n", "\r", ",", "\uFEFF", "9".repeat(40), "-", "\u0000", "æøå"),
        )
        .map(([at, insert]) => {
          const s = good.join("\n");
          return Buffer.from(s.slice(0, at) + insert + s.slice(at));
        }),
      fc.integer({ min: 0, max: good.join("\n").length }).map((at) => Buffer.from(good.join("\n").slice(0, at))),
    );
    await fc.assert(
      fc.asyncProperty(mangle, async (bytes) => {
        const before = fingerprint();
        const stagedBefore = staged();
        let id: string | null = null;
        try {
          id = await preview(bytes);
        } catch (e) {
          if (!(e instanceof ImportRefused)) throw e;
          expect(staged()).toBe(stagedBefore);
          expect(fingerprint()).toBe(before);
          return;
        }
        const p = findPreview(db, id)!;
        expect(fingerprint()).toBe(before);
        if (p.errorCount > 0 || p.rowsNew + p.rowsChanged === 0) {
          if (p.errorCount > 0) expect(() => commitImport(db, who, id!)).toThrow(ImportError);
          return;
        }
        const batch = commitImport(db, who, id)!;
        const written = (db.$client.prepare("select count(*) as n from observations where batch_id = ?").get(batch) as { n: number }).n;
        expect(written).toBe(p.rowsNew + p.rowsChanged);
        rollbackBatch(db, who, batch);
        expect(fingerprint()).toBe(before);
      }),
      { numRuns: 30, seed: 20261123 },
    );
  }, 120_000);
});

describe("a crash during the command line's commit", () => {
  it("leaves none or all of the batch, and the database opens", async () => {
    // Every absence figure changed (one more child in each count, which keeps udsatte within its
    // bounds), and 120 school years no one has loaded added for each
    // municipality and group: about 64,000 rows, so the set-based commit takes long enough to be
    // killed halfway (a few thousand rows no longer do)
    const rows = db.$client
      .prepare(
        "select municipality_code as m, period as p, target_group as g, numerator as t, denominator as d from observations where indicator_code = 'fravaer' and breakdown = '' and denominator > 0",
      )
      .all() as { m: string; p: string; g: string; t: number; d: number }[];
    const cells = [...new Set(rows.map((r) => `${r.m};${r.g}`))].map((k) => k.split(";"));
    const added = cells.flatMap(([m, g]) =>
      Array.from({ length: 120 }, (_, i) => `fravaer;${m};${1800 + i}/${String((1801 + i) % 100).padStart(2, "0")};${g};;10;100;`),
    );
    const lines = [HEADER, ...rows.map((r) => `fravaer;${r.m};${r.p};${r.g};;${r.t + 1};${r.d + 1};`), ...added];
    const csv = write(lines.join("\n"));
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const child = spawn(process.execPath, ["--import", "tsx", "server/import-cli.ts", csv], {
      env: { ...process.env, DATABASE_PATH: file },
      cwd: path.resolve(import.meta.dirname, "../.."),
    });
    let out = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d) => {
        out += d;
        if (out.includes("Skriver i databasen")) setTimeout(() => child.kill("SIGKILL"), 150);
      });
      child.on("exit", () => resolve());
      child.on("error", reject);
    });
    expect(out).toContain("Skriver i databasen");
    expect(out).not.toContain("Indlæst som"); // killed before it finished
    const after = openDatabase(file);
    try {
      expect(after.$client.pragma("integrity_check", { simple: true })).toBe("ok");
      const batches = after.$client.prepare("select id from import_batches where kind = 'import' and file_name like 'fil-%'").all() as {
        id: number;
      }[];
      const written = (
        after.$client
          .prepare(
            "select count(*) as n from observation_changes ch join import_batches b on b.id = ch.batch_id where b.file_name like 'fil-%'",
          )
          .get() as { n: number }
      ).n;
      if (batches.length === 0) expect(written).toBe(0);
      else expect(written).toBe(lines.length - 1);
    } finally {
      after.$client.close();
    }
  }, 120_000);
});
