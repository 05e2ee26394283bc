/**
 * Issue 19: a target on an indicator without a fixed direction (spending, counts) must say which
 * way it aims; the worsening check and the computed status then follow that direction.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getActor, type Actor } from "~/data/auth.server";
import { setMeta } from "~/data/catalogue.server";
import { createTarget, targetFormProblems, targetInputSchema, targetProgress, TargetError } from "~/data/targets.server";
import { targets } from "../../db/schema";
import type { Db } from "../../db/connection";
import { createTestDatabase } from "../support/database";
import { signIn } from "../support/session";

let db: Db;
let cleanup: () => void;
let school: Actor;
let social: Actor;
// a spending series of Jammerbugt's with a shown baseline, looked up in the data
let baseline: { period: string; value: number };

beforeAll(async () => {
  ({ db, cleanup } = createTestDatabase());
  setMeta(db, "current_quarter", "2025K4");
  school = (await getActor(db, (await signIn(db, "skoledirektoer", "849")).request("/")))!;
  social = (await getActor(db, (await signIn(db, "socialdirektoer", "849")).request("/")))!;
  const row = db.$client
    .prepare(
      "select period, value from observations where indicator_code = 'udgift-udsatte-pr-barn' and municipality_code = '849' and target_group = 'alle' and breakdown = '' and withheld is null and value is not null order by period_key limit 1",
    )
    .get() as { period: string; value: number };
  baseline = row;
});
afterAll(() => cleanup());

const input = (over: Record<string, unknown>) =>
  targetInputSchema.parse({
    kind: "kvantitativ",
    title: "Færre udgifter pr. barn",
    rationale: "Midlerne flyttes til almenskolen.",
    challenges: ["6"],
    indicatorCode: "udgift-udsatte-pr-barn",
    targetGroup: "alle",
    baselinePeriod: baseline.period,
    targetValue: String(Math.round(baseline.value * 0.9)),
    deadlinePeriod: "2028",
    schoolOwnerId: String(school.id),
    socialOwnerId: String(social.id),
    ...over,
  });

const form = (over: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries({
    kind: "kvantitativ",
    indicatorCode: "udgift-udsatte-pr-barn",
    targetGroup: "alle",
    baselinePeriod: baseline.period,
    targetValue: String(Math.round(baseline.value * 0.9)),
    deadlinePeriod: "2028",
    ...over,
  }))
    f.set(k, v);
  return f;
};

describe("a neutral indicator needs an explicit direction", () => {
  it("refuses a target without a direction, naming the direction field, and the form says so in the same round", () => {
    expect(baseline?.value).toBeGreaterThan(0);
    let error: unknown;
    try {
      createTarget(db, school, "849", input({}));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TargetError);
    expect((error as TargetError).field).toBe("direction");
    expect(targetFormProblems(db, "849", form({}))).toHaveProperty("direction");
    expect(targetFormProblems(db, "849", form({ direction: "lower" }))).not.toHaveProperty("direction");
  });

  it("refuses a target that goes the other way than the stated direction", () => {
    expect(() => createTarget(db, school, "849", input({ direction: "higher" }))).toThrow(/trust\.form\.worsening/);
    expect(targetFormProblems(db, "849", form({ direction: "higher" }))).toHaveProperty("targetValue");
  });

  it("stores the direction and computes the status by it", () => {
    const id = createTarget(db, school, "849", input({ direction: "lower" }));
    const row = db.select().from(targets).where(eq(targets.id, id)).get()!;
    expect(row.direction).toBe("lower");
    // the status is computed from the stored direction, not left without one
    const p = targetProgress(db, row, "2025K4");
    expect(p.baselineValue).toBe(baseline.value);
    expect(p.computedStatus).not.toBe("ingen-data");
  });

  it("needs no direction on an indicator that has one", () => {
    expect(
      targetFormProblems(
        db,
        "849",
        form({ indicatorCode: "fravaer", baselinePeriod: "2021/22", deadlinePeriod: "2027/28", targetValue: "1" }),
      ),
    ).not.toHaveProperty("direction");
  });
});
