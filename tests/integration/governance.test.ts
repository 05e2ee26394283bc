/**
 * Issue 19: the governance chain tells only what is true. A council reads what was true that
 * quarter, "joint" means both departments, a hidden figure is not "no data", a published
 * report never changes, and statuses belong to the current and the previous quarter.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getActor, type Actor } from "~/data/auth.server";
import { setMeta } from "~/data/catalogue.server";
import { buildSnapshot, findReport, hashSnapshot, publishOrApprove } from "~/data/reports.server";
import {
  confirmStatus,
  createTarget,
  isJoint,
  listTargets,
  myTasks,
  statusPartSchema,
  targetInputSchema,
  targetProgress,
  writeStatusPart,
  type TargetInput,
} from "~/data/targets.server";
import { summarise } from "~/domain/reports/report";
import { targets } from "../../db/schema";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { createTestDatabase } from "../support/database";
import { signIn } from "../support/session";

let db: Db;
let cleanup: () => void;
let school: Actor;
let social: Actor;
let secretariat: Actor;

const actorOf = async (s: Awaited<ReturnType<typeof signIn>>) => (await getActor(db, s.request("/")))!;

beforeAll(async () => {
  ({ db, cleanup } = createTestDatabase());
  // the demo data end in 2025: the current quarter is pinned as in demo mode
  setMeta(db, "current_quarter", "2025K4");
  school = await actorOf(await signIn(db, "skoledirektoer", "849"));
  social = await actorOf(await signIn(db, "socialdirektoer", "849"));
  secretariat = await actorOf(await signIn(db, "sekretariat"));
});
afterAll(() => cleanup());

const quantitative = (over: Record<string, unknown> = {}): TargetInput =>
  targetInputSchema.parse({
    kind: "kvantitativ",
    title: "Skolefaglige mål i handleplanen",
    rationale: "Skole og familieafdeling sætter målene sammen.",
    challenges: ["4"],
    indicatorCode: "handleplan-skolemaal",
    targetGroup: "udsatte",
    baselinePeriod: "2023K1",
    targetValue: "63",
    deadlinePeriod: "2026K4",
    schoolOwnerId: String(school.id),
    socialOwnerId: String(social.id),
    ...over,
  });
const row = (id: number) => db.select().from(targets).where(eq(targets.id, id)).get()!;
const part = (over: Record<string, unknown> = {}) =>
  statusPartSchema.parse({
    quarter: "2025K4",
    expectedVersion: "0",
    done: "Fælles møder holdt.",
    next: "Opfølgning i januar.",
    risks: "",
    assessment: "paa-sporet",
    justification: "Tallene bekræfter det.",
    ...over,
  });

describe("as of the quarter", () => {
  it("computes a K3 report's status from periods ended by 30 September only; K4 appears only as planned", () => {
    // Jammerbugt: 62,7 % in 2025K3 against a target of 63 %; only 2025K4 (65,5 %) reaches it
    const id = createTarget(db, school, "849", quantitative());
    const k3 = buildSnapshot(db, "849", "2025K3").targets.find((t) => t.id === id)!;
    expect(k3.latest?.period).toBe("2025K3");
    expect(k3.computedStatus).not.toBe("naaet");
    const k4point = k3.trend.find((p) => p.period === "2025K4")!;
    expect(k4point.actual).toBeNull();
    expect(k4point).toMatchObject({ planned: true });
    expect(targetProgress(db, row(id), "2025K3").latest?.period).toBe("2025K3");
    expect(targetProgress(db, row(id), "2025K4").computedStatus).toBe("naaet");
  });

  it("takes a school year as ended on 31 July: 2024/25 counts as of 2025K3, 2025/26 not as of 2026K2", () => {
    const id = createTarget(
      db,
      school,
      "849",
      quantitative({
        indicatorCode: "fravaer",
        targetGroup: "alle",
        baselinePeriod: "2021/22",
        targetValue: "15",
        deadlinePeriod: "2027/28",
      }),
    );
    expect(targetProgress(db, row(id), "2025K2").latest?.period).toBe("2023/24");
    expect(targetProgress(db, row(id), "2025K3").latest?.period).toBe("2024/25");
  });
});

describe("a hidden figure is not 'no data'", () => {
  it("uses the latest shown value and names its period when the newest period is withheld", () => {
    // udsatte: 2024/25 is withheld; 2023/24 is shown and far below the line towards 100 % in 2024/25
    const id = createTarget(
      db,
      school,
      "849",
      quantitative({ indicatorCode: "fp9-deltagelse", baselinePeriod: "2021/22", targetValue: "100", deadlinePeriod: "2024/25" }),
    );
    const p = targetProgress(db, row(id), "2025K4");
    expect(p.computedStatus).toBe("bagud");
    expect(p.latest).toMatchObject({ period: "2023/24", withheld: false });
    expect(p).toMatchObject({ newest: { period: "2024/25", withheld: true } });
  });

  it("says it cannot be computed, and why, only when nothing is shown after the baseline", () => {
    const withheld = createTarget(
      db,
      school,
      "849",
      quantitative({
        indicatorCode: "fp9-deltagelse",
        targetGroup: "anbragte",
        baselinePeriod: "2023/24",
        targetValue: "60",
        deadlinePeriod: "2027/28",
      }),
    );
    expect(targetProgress(db, row(withheld), "2025K4")).toMatchObject({ computedStatus: "ingen-data", unavailable: "withheld" });
    const unmeasured = createTarget(db, school, "849", quantitative({ baselinePeriod: "2025K4", targetValue: "75" }));
    expect(targetProgress(db, row(unmeasured), "2025K4")).toMatchObject({ computedStatus: "ingen-data", unavailable: "not-measured" });
  });

  it("requires a justification when the status cannot be computed, and the report shows it", () => {
    const id = createTarget(
      db,
      school,
      "849",
      quantitative({
        indicatorCode: "fp9-deltagelse",
        targetGroup: "anbragte",
        baselinePeriod: "2023/24",
        targetValue: "60",
        deadlinePeriod: "2027/28",
      }),
    );
    expect(() => writeStatusPart(db, school, id, "school", part({ justification: "" }))).toThrow();
    writeStatusPart(db, school, id, "school", part({ justification: "Tallet er skjult; skolerne melder om flere til prøve." }));
    const t = buildSnapshot(db, "849", "2025K4").targets.find((x) => x.id === id)!;
    expect(t.status?.school?.justification).toBe("Tallet er skjult; skolerne melder om flere til prøve.");
  });
});

describe("joint means both", () => {
  it("refuses a confirmation from a department that has not written its side", () => {
    const id = createTarget(db, school, "849", quantitative());
    writeStatusPart(db, school, id, "school", part({ confirm: "on" }));
    expect(() => confirmStatus(db, social, id, "social", "2025K4", 1)).toThrow();
  });

  it("walks write → confirm → the other side saves (withdrawing a confirmation, said to both) → re-confirm", () => {
    const id = createTarget(db, school, "849", quantitative({ title: "Fire overgange" }));
    const v1 = writeStatusPart(db, school, id, "school", part({ confirm: "on" }));
    expect(isJoint(v1)).toBe(false);
    const v2 = writeStatusPart(db, social, id, "social", part({ expectedVersion: "1", confirm: "on", done: "Rådgiverne er med." }));
    expect(isJoint(v2)).toBe(false);
    const v3 = confirmStatus(db, school, id, "school", "2025K4", 2);
    expect(isJoint(v3)).toBe(true);
    // social edits its text: the school's confirmation is withdrawn, and both are told
    const v4 = writeStatusPart(
      db,
      social,
      id,
      "social",
      part({ expectedVersion: "2", confirm: "on", done: "Rådgiverne er med på alle møder." }),
    );
    expect(isJoint(v4)).toBe(false);
    expect(v4).toMatchObject({ withdrewOther: true });
    const task = myTasks(db, school, "2025K4").find((x) => x.id === id);
    expect(task).toMatchObject({ task: "confirm", withdrawn: { by: social.name } });
    expect(myTasks(db, social, "2025K4").find((x) => x.id === id)).toBeUndefined();
    const v5 = confirmStatus(db, school, id, "school", "2025K4", 3);
    expect(isJoint(v5)).toBe(true);
    expect(myTasks(db, school, "2025K4").find((x) => x.id === id)).toBeUndefined();
  });

  it("is never joint while one side is unwritten, whatever the confirmation columns say", () => {
    expect(
      isJoint({
        version: 1,
        schoolDone: "x",
        schoolNext: "y",
        schoolAssessment: "bagud",
        schoolConfirmedVersion: 1,
        socialDone: null,
        socialNext: null,
        socialAssessment: null,
        socialConfirmedVersion: 1,
      } as never),
    ).toBe(false);
  });
});

describe("the quarter window and booleans", () => {
  it("accepts statuses for the current and the previous quarter only", () => {
    const id = createTarget(db, school, "849", quantitative({ title: "Vindue" }));
    expect(() => writeStatusPart(db, school, id, "school", part({ quarter: "2099K4" }))).toThrow();
    expect(() => writeStatusPart(db, school, id, "school", part({ quarter: "1900K1" }))).toThrow();
    expect(() => writeStatusPart(db, school, id, "school", part({ quarter: "2025K1" }))).toThrow();
    expect(writeStatusPart(db, school, id, "school", part({ quarter: "2025K3" })).version).toBe(1);
  });

  it("refuses drafts and publication outside the window, but allows a correction of any published quarter", () => {
    expect(() =>
      publishOrApprove(db, secretariat, "849", "2025K1", {
        listMissing: "ja",
        reason: "",
        contentHash: hashSnapshot(buildSnapshot(db, "849", "2025K1")),
      }),
    ).toThrow();
  });

  it("reads 'false' as false", () => {
    expect(part({ confirm: "false" }).confirm).toBe(false);
    expect(part({ confirm: "nej" }).confirm).toBe(false);
    expect(part({ confirm: "ja" }).confirm).toBe(true);
    expect(part({ confirm: "on" }).confirm).toBe(true);
  });
});

describe("frozen means frozen", () => {
  it("an older quarter published after a newer one changes neither the newer one's text nor its hash", () => {
    const k4 = publishOrApprove(db, secretariat, "849", "2025K4", {
      listMissing: "ja",
      reason: "",
      contentHash: hashSnapshot(buildSnapshot(db, "849", "2025K4")),
    }).published!;
    const before = summarise(findReport(db, "849", "2025K4")!.snapshot);
    // a correction of 2025K3 published afterwards, with different content
    const id = createTarget(db, school, "849", quantitative({ title: "Kommer efter K4" }));
    void id;
    publishOrApprove(db, secretariat, "849", "2025K3", {
      listMissing: "ja",
      reason: "Nyt mål",
      contentHash: hashSnapshot(buildSnapshot(db, "849", "2025K3")),
    });
    const after = findReport(db, "849", "2025K4")!;
    expect(summarise(after.snapshot)).toEqual(before);
    expect(after.contentHash).toBe(k4.contentHash);
    expect(after.snapshot).toHaveProperty("previous");
  });

  it("refuses to show a report whose snapshot no longer matches its hash", () => {
    db.$client
      .prepare(
        "update reports set snapshot = replace(snapshot, 'Jammerbugt', 'Jammerbugd') where municipality_code = '849' and quarter = '2025K4'",
      )
      .run();
    expect(() => findReport(db, "849", "2025K4")).toThrow();
  });
});

describe("the target form's input", () => {
  it("takes a Danish decimal comma", () => {
    const t = quantitative({ targetValue: "65,5" });
    expect(t.kind === "kvantitativ" && t.targetValue).toBe(65.5);
  });

  it("refuses a target that is a worsening on the indicator", () => {
    // participation is higher-is-better; the baseline 2021/22 is 70,6 %
    expect(() =>
      createTarget(
        db,
        school,
        "849",
        quantitative({ indicatorCode: "fp9-deltagelse", baselinePeriod: "2021/22", targetValue: "50", deadlinePeriod: "2027/28" }),
      ),
    ).toThrow();
  });
});

describe("the targets list", () => {
  it("carries each target once with this quarter's joint state and the latest value's period", () => {
    const list = listTargets(db, "849");
    expect(new Set(list.map((t) => t.id)).size).toBe(list.length);
    expect(list[0]).toHaveProperty("joint");
  });
});

describe("the new-target form's action", () => {
  it("answers every error at once: the schema's and the data's (a period of the wrong kind, a worsening)", async () => {
    const { action } = await import("~/routes/kommuner.$kode.maal.ny");
    const as = await signIn(db, "skoledirektoer", "849");
    const actor = (await getActor(db, as.request("/")))!;
    const body = new URLSearchParams({
      csrf: actor.csrfToken!,
      kind: "kvantitativ",
      title: "",
      rationale: "Fordi.",
      challenges: "2",
      indicatorCode: "fp9-deltagelse",
      targetGroup: "udsatte",
      baselinePeriod: "2021/22",
      targetValue: "50",
      deadlinePeriod: "2027K4",
      schoolOwnerId: String(actor.id),
      socialOwnerId: String(social.id),
    });
    const reply = (await action({
      request: as.request("/kommuner/849/maal/ny", {
        method: "POST",
        body,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      }),
      params: { kode: "849" },
      context: as.context,
    })) as { error?: Record<string, string[]> };
    expect(Object.keys(reply.error ?? {}).sort()).toEqual(expect.arrayContaining(["deadlinePeriod", "title", "targetValue"]));
  });
});
