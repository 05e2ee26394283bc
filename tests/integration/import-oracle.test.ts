/**
 * Issue 23: the import preview is no oracle. Uploading a guess of a withheld figure must not
 * tell whether the guess is right, and every preview is audited.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPreview, previewChanges, previewImport } from "~/data/import.server";
import type { Db } from "../../db/connection";
import { createTestDatabase } from "../support/database";

let db: Db;
let cleanup: () => void;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faelles-retning-oracle-test-"));
beforeAll(() => ({ db, cleanup } = createTestDatabase()));
afterAll(() => {
  cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const HEADER = "indikator;kommune;periode;maalgruppe;opdeling;taeller;naevner;vaerdi";
let n = 0;
async function preview(lines: string[]) {
  const p = path.join(dir, `gaet-${++n}.csv`);
  fs.writeFileSync(p, [HEADER, ...lines].join("\n"));
  const id = await previewImport(db, { path: p, name: `gaet-${n}.csv` }, { userId: null, actor: "sekretariat@test" });
  return { summary: findPreview(db, id)!, changes: previewChanges(db, id) };
}

describe("the import preview as an oracle (issue 23)", () => {
  it("answers a right guess of a withheld placement count exactly as a wrong one, and never shows the hidden value", async () => {
    const hidden = db.$client
      .prepare(
        "select municipality_code as code, period, numerator from observations where indicator_code = 'anbragte-type' and breakdown != '' and withheld is not null and numerator > 0 order by id limit 4",
      )
      .all() as { code: string; period: string; numerator: number }[];
    expect(hidden).toHaveLength(4);
    const breakdownOf = (r: { code: string; period: string; numerator: number }) =>
      (
        db.$client
          .prepare(
            "select breakdown from observations where indicator_code = 'anbragte-type' and municipality_code = ? and period = ? and numerator = ? and withheld is not null and breakdown != '' limit 1",
          )
          .get(r.code, r.period, r.numerator) as { breakdown: string }
      ).breakdown;
    for (const r of hidden) {
      const b = breakdownOf(r);
      const answers = [];
      for (const guess of [r.numerator, r.numerator + 1]) {
        const { summary, changes } = await preview([`anbragte-type;${r.code};${r.period};anbragte;${b};${guess};;`]);
        answers.push({ changed: summary.rowsChanged, unchanged: summary.rowsUnchanged, old: changes.map((c) => c.old) });
      }
      // the right guess and the wrong one look the same, and the old figure stays hidden
      expect(answers[0]).toEqual(answers[1]);
      expect(answers[0]).toMatchObject({ changed: 1, unchanged: 0 });
      expect(answers[0].old).toEqual([{ numerator: null, denominator: null, value: null, withheld: true }]);
    }
  });

  it("still reports a row equal to a shown figure as unchanged", async () => {
    const shown = db.$client
      .prepare(
        "select municipality_code as code, period, breakdown, numerator from observations where indicator_code = 'anbragte-type' and withheld is null and breakdown != '' limit 1",
      )
      .get() as { code: string; period: string; breakdown: string; numerator: number };
    const { summary } = await preview([`anbragte-type;${shown.code};${shown.period};anbragte;${shown.breakdown};${shown.numerator};;`]);
    expect(summary).toMatchObject({ rowsChanged: 0, rowsUnchanged: 1 });
  });

  it("audits every preview: who, which file, and what it reported", async () => {
    const before = (db.$client.prepare("select count(*) as n from audit_log where action = 'data.import.preview'").get() as { n: number })
      .n;
    await preview(["anbragte-type;101;2020;anbragte;andet;3;;"]);
    const rows = db.$client
      .prepare("select actor_email as actor, after from audit_log where action = 'data.import.preview' order by id desc")
      .all() as { actor: string; after: string }[];
    expect(rows.length).toBe(before + 1);
    expect(rows[0].actor).toBe("sekretariat@test");
    expect(JSON.parse(rows[0].after)).toMatchObject({ rows: 1 });
  });
});
