import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getActor, type Actor } from "~/data/auth.server";
import { recomputeDisclosure } from "~/data/disclosure.server";
import { buildSnapshot, findReport, hashSnapshot, listReports, publishOrApprove, ReportError } from "~/data/reports.server";
import { createTarget, targetInputSchema, updateTarget, writeStatusPart, confirmStatus, type TargetInput } from "~/data/targets.server";
import { setMeta } from "~/data/catalogue.server";
import type { Db } from "../../db/connection";
import { createTestDatabase } from "../support/database";
import { signIn } from "../support/session";

let db: Db;
let cleanup: () => void;
let school: Actor;
let social: Actor;
let council: Actor;
let otherSchool: Actor;
let secretariat: Actor;
let targetId: number;

const actorOf = async (s: Awaited<ReturnType<typeof signIn>>) => (await getActor(db, s.request("/")))!;
const draftHash = (code = "849", quarter = "2025K3") => hashSnapshot(buildSnapshot(db, code, quarter));

const absence = (): TargetInput =>
  targetInputSchema.parse({
    kind: "kvantitativ",
    title: "Mindre fravær",
    rationale: "Fravær er det første tegn.",
    challenges: ["2"],
    indicatorCode: "fravaer",
    targetGroup: "alle",
    baselinePeriod: "2021/22",
    targetValue: "5",
    deadlinePeriod: "2027/28",
    schoolOwnerId: String(school.id),
    socialOwnerId: String(social.id),
  });

const part = (over: Record<string, unknown> = {}) => ({
  quarter: "2025K3",
  expectedVersion: 0,
  done: "Fraværsmøder på alle skoler.",
  next: "Opfølgning med familierne.",
  risks: "",
  assessment: "bagud" as const,
  justification: "",
  confirm: false,
  ...over,
});

beforeAll(async () => {
  ({ db, cleanup } = createTestDatabase());
  setMeta(db, "current_quarter", "2025K4"); // as in demo mode
  school = await actorOf(await signIn(db, "skoledirektoer", "849"));
  social = await actorOf(await signIn(db, "socialdirektoer", "849"));
  council = await actorOf(await signIn(db, "byraad", "849"));
  otherSchool = await actorOf(await signIn(db, "skoledirektoer", "167"));
  secretariat = await actorOf(await signIn(db, "sekretariat"));
  targetId = createTarget(db, school, "849", absence());
  writeStatusPart(db, school, targetId, "school", part({ confirm: true }));
  writeStatusPart(db, social, targetId, "social", part({ expectedVersion: 1, confirm: true }));
  confirmStatus(db, school, targetId, "school", "2025K3", 2);
});
afterAll(() => cleanup());

describe("publishing a quarterly report", () => {
  it("needs both directors' approval of the same draft; an approval of a changed draft no longer counts", () => {
    const first = publishOrApprove(db, school, "849", "2025K3", { listMissing: "nej", reason: "", contentHash: draftHash() });
    expect(first).toMatchObject({ published: null, approvedBy: "school" });
    // the draft changes after the school approved: the social approval alone does not publish it
    updateTarget(db, school, targetId, { ...absence(), rationale: "Fravær er det første tegn på mistrivsel." });
    const second = publishOrApprove(db, social, "849", "2025K3", { listMissing: "nej", reason: "", contentHash: draftHash() });
    expect(second).toMatchObject({ published: null, approvedBy: "social" });
    expect(findReport(db, "849", "2025K3")).toBeUndefined();
    const third = publishOrApprove(db, school, "849", "2025K3", { listMissing: "nej", reason: "", contentHash: draftHash() });
    expect(third.published).toMatchObject({ version: 1, listsMissing: false, reason: null });
    expect(third.published!.snapshot.targets[0].rationale).toBe("Fravær er det første tegn på mistrivsel.");
  });

  it("never changes after publishing: not by new data, not by edits", () => {
    const before = findReport(db, "849", "2025K3")!;
    const latest = before.snapshot.targets[0].latest!;
    // new data for the latest period, loaded the way every load ends: disclosure recomputed
    db.$client
      .prepare(
        "update observations set numerator = numerator + 40 where indicator_code = 'fravaer' and municipality_code = '849' and target_group = 'alle' and period = ?",
      )
      .run(latest.period);
    recomputeDisclosure(db);
    updateTarget(db, school, targetId, { ...absence(), title: "Mindre fravær – rettet titel" });
    const after = findReport(db, "849", "2025K3")!;
    expect(after.snapshot).toEqual(before.snapshot);
    expect(hashSnapshot(after.snapshot)).toBe(before.contentHash);
    // the draft shows the new data and the new title
    const draft = buildSnapshot(db, "849", "2025K3");
    expect(draft.targets[0].title).toBe("Mindre fravær – rettet titel");
    expect(draft.targets[0].latest!.value).not.toBe(latest.value);
  });

  it("publishes a correction as a new version with a reason; the earlier one stays readable", () => {
    expect(() => publishOrApprove(db, secretariat, "849", "2025K3", { listMissing: "nej", reason: "", contentHash: draftHash() })).toThrow(
      /reportErrors\.correctionReason/,
    );
    const { published } = publishOrApprove(db, secretariat, "849", "2025K3", {
      listMissing: "nej",
      reason: "Titlen var forkert.",
      contentHash: draftHash(),
    });
    expect(published).toMatchObject({ version: 2, reason: "Titlen var forkert." });
    expect(findReport(db, "849", "2025K3", 1)!.snapshot.targets[0].title).toBe("Mindre fravær");
    expect(findReport(db, "849", "2025K3")!.version).toBe(2);
    expect(listReports(db, "849")[0].versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it("refuses missing joint statuses unless the publisher chooses to list them", () => {
    const id = createTarget(db, school, "849", { ...absence(), title: "Uden status" });
    expect(() =>
      publishOrApprove(db, secretariat, "849", "2025K3", { listMissing: "nej", reason: "Nyt mål", contentHash: draftHash() }),
    ).toThrow(/reportErrors\.missingStatus/);
    const { published } = publishOrApprove(db, secretariat, "849", "2025K3", {
      listMissing: "ja",
      reason: "Nyt mål",
      contentHash: draftHash(),
    });
    expect(published!.listsMissing).toBe(true);
    expect(published!.snapshot.targets.find((t) => t.id === id)!.status).toBeNull();
  });

  it("is for the municipality's directors and the secretariat only, for a quarter that has begun, from the draft the publisher saw", () => {
    expect(() =>
      publishOrApprove(db, council, "849", "2025K4", { listMissing: "ja", reason: "", contentHash: draftHash("849", "2025K4") }),
    ).toThrow(/^(forbidden|not_found): /);
    expect(() =>
      publishOrApprove(db, otherSchool, "849", "2025K4", { listMissing: "ja", reason: "", contentHash: draftHash("849", "2025K4") }),
    ).toThrow(/^(forbidden|not_found): /);
    expect(() =>
      publishOrApprove(db, secretariat, "849", "2099K1", { listMissing: "ja", reason: "", contentHash: "0".repeat(64) }),
    ).toThrow(/reportErrors\.notBegun/);
    expect(() =>
      publishOrApprove(db, secretariat, "849", "2025K4", { listMissing: "ja", reason: "", contentHash: "0".repeat(64) }),
    ).toThrow(ReportError);
    expect(findReport(db, "849", "2025K4")).toBeUndefined();
  });
});
