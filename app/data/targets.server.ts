/**
 * Joint targets and their quarterly status. Every change is validated (zod), authorised (the
 * one policy), and written in one transaction with its history and audit entry.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/connection";
import { milestones, quarterlyStatuses, statusHistory, targetChallenges, targets, users } from "../../db/schema";
import { can } from "../domain/access";
import { formatPeriod as formatP, isPeriodOfCadence, nextPeriod as nextP, parsePeriod, periodKeyOf, periodPosition } from "../domain/periods";
import { computeStatus, progress, type ComputedStatus } from "../domain/targets/trajectory";
import { audit } from "./audit.server";
import type { Actor } from "./auth.server";
import { findIndicator } from "./catalogue.server";
import { readFigures } from "./figures.server";

export class TargetError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
  }
}

/** Two people saved the same status at once; the newer text is returned so nothing is lost. */
export class StatusConflict extends Error {
  constructor(readonly current: QuarterlyStatus) {
    super("Statussen er ændret af en anden, siden du åbnede den. Se den nye tekst herunder, og gem igen.");
  }
}

const text = (label: string, max = 2000) =>
  z.string({ error: `Skriv ${label}.` }).trim().min(1, { error: `Skriv ${label}.` }).max(max, { error: `${label[0].toUpperCase()}${label.slice(1)} må højst være ${max} tegn.` });

const base = z.object({
  title: text("en titel", 200),
  rationale: text("en begrundelse"),
  challenges: z.array(z.coerce.number().int().min(1).max(8)).min(1, { error: "Vælg mindst én af de otte udfordringer." }),
  schoolOwnerId: z.coerce.number({ error: "Vælg den ansvarlige på skoleområdet." }).int().positive({ error: "Vælg den ansvarlige på skoleområdet." }),
  socialOwnerId: z.coerce.number({ error: "Vælg den ansvarlige på socialområdet." }).int().positive({ error: "Vælg den ansvarlige på socialområdet." }),
});

export const targetInputSchema = z.discriminatedUnion("kind", [
  base.extend({
    kind: z.literal("kvantitativ"),
    indicatorCode: z.string({ error: "Vælg en indikator." }).min(1, { error: "Vælg en indikator." }),
    targetGroup: z.string({ error: "Vælg en målgruppe." }).min(1, { error: "Vælg en målgruppe." }),
    baselinePeriod: z.string({ error: "Vælg udgangsperioden." }).min(1, { error: "Vælg udgangsperioden." }),
    targetValue: z.coerce.number({ error: "Skriv målværdien som et tal." }).finite({ error: "Skriv målværdien som et tal." }),
    deadlinePeriod: z.string({ error: "Skriv fristen, fx 2027/28." }).trim().min(1, { error: "Skriv fristen, fx 2027/28." }),
  }),
  base.extend({
    kind: z.literal("milepael"),
    milestones: z
      .array(z.object({ title: text("milepælen", 200), dueDate: z.iso.date({ error: "Skriv datoen som åååå-mm-dd." }) }))
      .min(1, { error: "Tilføj mindst én milepæl." }),
  }),
]);
export type TargetInput = z.output<typeof targetInputSchema>;

function requireTargetWrite(actor: Actor, municipalityCode: string | null) {
  const ok = municipalityCode === null ? can(actor, { kind: "set-partnership-targets" }) : can(actor, { kind: "write-targets", municipality: municipalityCode });
  if (!ok) throw new Response("Kun kommunens to direktører og sekretariatet kan oprette og ændre fælles mål.", { status: 403 });
}

/** Checks the parts of a quantitative target the schema cannot: the indicator, group and periods. */
function checkQuantitative(db: Db, input: Extract<TargetInput, { kind: "kvantitativ" }>) {
  const indicator = findIndicator(db, input.indicatorCode);
  if (!indicator) throw new TargetError(`Indikatoren '${input.indicatorCode}' findes ikke.`, "indicatorCode");
  if (!indicator.targetGroups.includes(input.targetGroup)) throw new TargetError("Indikatoren har ikke den målgruppe.", "targetGroup");
  for (const [field, period] of [["baselinePeriod", input.baselinePeriod], ["deadlinePeriod", input.deadlinePeriod]] as const) {
    if (!isPeriodOfCadence(period, indicator.cadence)) throw new TargetError(`'${period}' passer ikke til indikatoren, som opgøres ${indicator.cadence === "school_year" ? "pr. skoleår (fx 2027/28)" : indicator.cadence === "quarter" ? "pr. kvartal (fx 2026K4)" : "pr. år (fx 2027)"}.`, field);
  }
  if (periodKeyOf(input.deadlinePeriod) <= periodKeyOf(input.baselinePeriod)) throw new TargetError("Fristen skal ligge efter udgangsperioden.", "deadlinePeriod");
  if (indicator.unit === "percent" && (input.targetValue < 0 || input.targetValue > 100)) throw new TargetError("En andel skal være mellem 0 og 100 %.", "targetValue");
  return indicator;
}

/** The named owners must be active directors of the municipality, one per department. */
function checkOwners(db: Db, municipalityCode: string | null, input: { schoolOwnerId: number; socialOwnerId: number }) {
  const owners = db.select().from(users).where(inArray(users.id, [input.schoolOwnerId, input.socialOwnerId])).all();
  const school = owners.find((u) => u.id === input.schoolOwnerId);
  const social = owners.find((u) => u.id === input.socialOwnerId);
  const fits = (u: typeof school, role: string) => u && u.active && u.role === role && (municipalityCode === null || u.municipalityCode === municipalityCode);
  if (!fits(school, "skoledirektoer")) throw new TargetError("Den ansvarlige på skoleområdet skal være kommunens direktør for skoleområdet.", "schoolOwnerId");
  if (!fits(social, "socialdirektoer")) throw new TargetError("Den ansvarlige på socialområdet skal være kommunens direktør for børne- og familieområdet.", "socialOwnerId");
}

export function createTarget(db: Db, actor: Actor, municipalityCode: string | null, input: TargetInput): number {
  requireTargetWrite(actor, municipalityCode);
  if (input.kind === "kvantitativ") checkQuantitative(db, input);
  checkOwners(db, municipalityCode, input);
  const now = new Date().toISOString();
  return db.transaction((tx) => {
    const row = tx
      .insert(targets)
      .values({
        municipalityCode,
        title: input.title,
        rationale: input.rationale,
        kind: input.kind,
        indicatorCode: input.kind === "kvantitativ" ? input.indicatorCode : null,
        targetGroup: input.kind === "kvantitativ" ? input.targetGroup : null,
        baselinePeriod: input.kind === "kvantitativ" ? input.baselinePeriod : null,
        targetValue: input.kind === "kvantitativ" ? input.targetValue : null,
        deadlinePeriod: input.kind === "kvantitativ" ? input.deadlinePeriod : null,
        schoolOwnerId: input.schoolOwnerId,
        socialOwnerId: input.socialOwnerId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: targets.id })
      .get();
    for (const n of new Set(input.challenges)) tx.insert(targetChallenges).values({ targetId: row.id, challengeNumber: n }).run();
    if (input.kind === "milepael") for (const m of input.milestones) tx.insert(milestones).values({ targetId: row.id, title: m.title, dueDate: m.dueDate }).run();
    audit(tx, { actor, action: "target.create", entity: "target", entityId: row.id, municipalityCode, after: input });
    return row.id;
  });
}

export const closeSchema = z.object({
  state: z.enum(["naaet", "droppet"], { error: "Vælg, om målet er nået eller droppet." }),
  reason: text("en begrundelse for at lukke målet"),
});

export function closeTarget(db: Db, actor: Actor, targetId: number, input: z.output<typeof closeSchema>): void {
  const before = db.select().from(targets).where(eq(targets.id, targetId)).get();
  if (!before) throw new Response("Målet findes ikke.", { status: 404 });
  requireTargetWrite(actor, before.municipalityCode);
  if (before.state !== "aktiv") throw new TargetError("Målet er allerede lukket.");
  const now = new Date().toISOString();
  db.transaction((tx) => {
    tx.update(targets).set({ state: input.state, closedReason: input.reason, closedAt: now, updatedAt: now }).where(eq(targets.id, targetId)).run();
    audit(tx, { actor, action: "target.close", entity: "target", entityId: targetId, municipalityCode: before.municipalityCode, before: { state: before.state }, after: input });
  });
}

export function setMilestoneDone(db: Db, actor: Actor, milestoneId: number, done: boolean): void {
  const row = db.select({ m: milestones, municipalityCode: targets.municipalityCode }).from(milestones).innerJoin(targets, eq(targets.id, milestones.targetId)).where(eq(milestones.id, milestoneId)).get();
  if (!row) throw new Response("Milepælen findes ikke.", { status: 404 });
  requireTargetWrite(actor, row.municipalityCode);
  db.transaction((tx) => {
    tx.update(milestones).set({ done, doneAt: done ? new Date().toISOString() : null }).where(eq(milestones.id, milestoneId)).run();
    audit(tx, { actor, action: "milestone.update", entity: "milestone", entityId: milestoneId, municipalityCode: row.municipalityCode, before: { done: row.m.done }, after: { done } });
  });
}

export type Side = "school" | "social";
export type QuarterlyStatus = typeof quarterlyStatuses.$inferSelect;

export function isJoint(s: Pick<QuarterlyStatus, "version" | "schoolConfirmedVersion" | "socialConfirmedVersion"> | undefined): boolean {
  return Boolean(s && s.version > 0 && s.schoolConfirmedVersion === s.version && s.socialConfirmedVersion === s.version);
}

export const statusPartSchema = z
  .object({
    quarter: z.string().refine((q) => parsePeriod(q)?.cadence === "quarter", { error: "Kvartalet skal skrives som fx 2025K4." }),
    expectedVersion: z.coerce.number().int().min(0),
    done: text("hvad der er gjort"),
    next: text("hvad der sker nu"),
    risks: z.string().trim().max(2000).default(""),
    assessment: z.enum(["paa-sporet", "i-risiko", "bagud"], { error: "Vælg jeres vurdering." }),
    justification: z.string().trim().max(2000).default(""),
    confirm: z.coerce.boolean().default(false),
  });
export type StatusPartInput = z.output<typeof statusPartSchema>;

function requireStatusWrite(actor: Actor, municipalityCode: string | null, side: Side) {
  if (municipalityCode === null || !can(actor, { kind: "write-status", municipality: municipalityCode, side })) {
    throw new Response(`Kun ${side === "school" ? "direktøren for skoleområdet" : "direktøren for børne- og familieområdet"} kan skrive og bekræfte denne del.`, { status: 403 });
  }
}

function loadTarget(db: Db, targetId: number) {
  const target = db.select().from(targets).where(eq(targets.id, targetId)).get();
  if (!target) throw new Response("Målet findes ikke.", { status: 404 });
  return target;
}

function recordVersion(tx: Pick<Db, "insert">, status: QuarterlyStatus, actor: Actor) {
  tx.insert(statusHistory).values({ statusId: status.id, version: status.version, snapshot: status, byUserId: actor.id, at: status.updatedAt }).run();
}

/**
 * Writes one department's part of a quarter's status. The caller sends the version it read:
 * if someone saved in between, nothing is written and StatusConflict carries their text.
 * Writing raises the version, so the other department's confirmation no longer holds.
 */
export function writeStatusPart(db: Db, actor: Actor, targetId: number, side: Side, input: StatusPartInput): QuarterlyStatus {
  const target = loadTarget(db, targetId);
  requireStatusWrite(actor, target.municipalityCode, side);
  if (target.state !== "aktiv") throw new TargetError("Målet er lukket; der skrives ikke længere status.");
  const computed = targetProgress(db, target).computedStatus;
  if (computed !== "ingen-data" && computed !== "naaet" && input.assessment !== computed && !input.justification) {
    throw new TargetError("Jeres vurdering er en anden end den beregnede status. Skriv en sætning om hvorfor.", "justification");
  }
  const now = new Date().toISOString();
  const fields = side === "school"
    ? { schoolDone: input.done, schoolNext: input.next, schoolRisks: input.risks, schoolAssessment: input.assessment, schoolJustification: input.justification }
    : { socialDone: input.done, socialNext: input.next, socialRisks: input.risks, socialAssessment: input.assessment, socialJustification: input.justification };
  return db.transaction((tx) => {
    let current = tx.select().from(quarterlyStatuses).where(and(eq(quarterlyStatuses.targetId, targetId), eq(quarterlyStatuses.quarter, input.quarter))).get();
    if (!current) {
      current = tx.insert(quarterlyStatuses).values({ targetId, quarter: input.quarter, version: 0, updatedAt: now }).returning().get();
    }
    if (current.version !== input.expectedVersion) throw new StatusConflict(current);
    const version = current.version + 1;
    const confirmation = side === "school"
      ? { schoolConfirmedVersion: input.confirm ? version : null, schoolConfirmedBy: input.confirm ? actor.id : null }
      : { socialConfirmedVersion: input.confirm ? version : null, socialConfirmedBy: input.confirm ? actor.id : null };
    const updated = tx
      .update(quarterlyStatuses)
      .set({ ...fields, ...confirmation, version, updatedAt: now, updatedBy: actor.id })
      .where(and(eq(quarterlyStatuses.id, current.id), eq(quarterlyStatuses.version, current.version)))
      .returning()
      .get();
    if (!updated) throw new StatusConflict(current);
    recordVersion(tx, updated, actor);
    audit(tx, { actor, action: "status.write", entity: "quarterly-status", entityId: updated.id, municipalityCode: target.municipalityCode, before: current, after: updated });
    return updated;
  });
}

/** Confirms the whole status as it stands (both parts) for one department. */
export function confirmStatus(db: Db, actor: Actor, targetId: number, side: Side, quarter: string, expectedVersion: number): QuarterlyStatus {
  const target = loadTarget(db, targetId);
  requireStatusWrite(actor, target.municipalityCode, side);
  return db.transaction((tx) => {
    const current = tx.select().from(quarterlyStatuses).where(and(eq(quarterlyStatuses.targetId, targetId), eq(quarterlyStatuses.quarter, quarter))).get();
    if (!current || current.version === 0) throw new TargetError("Der er ingen status at bekræfte for kvartalet endnu.");
    if (current.version !== expectedVersion) throw new StatusConflict(current);
    const set = side === "school" ? { schoolConfirmedVersion: current.version, schoolConfirmedBy: actor.id } : { socialConfirmedVersion: current.version, socialConfirmedBy: actor.id };
    const updated = tx.update(quarterlyStatuses).set(set).where(eq(quarterlyStatuses.id, current.id)).returning().get();
    recordVersion(tx, updated, actor);
    audit(tx, { actor, action: "status.confirm", entity: "quarterly-status", entityId: updated.id, municipalityCode: target.municipalityCode, before: { [side]: current[`${side}ConfirmedVersion`] }, after: { [side]: current.version, faelles: isJoint(updated) } });
    return updated;
  });
}

export type TargetProgress = {
  baselineValue: number | null;
  latest: { period: string; value: number | null; withheld: boolean } | null;
  computedStatus: ComputedStatus;
  progress: number | null;
};

/** Baseline and latest value from the data (through the one read path) and the computed status. */
export function targetProgress(db: Db, target: typeof targets.$inferSelect): TargetProgress {
  if (target.kind === "milepael") {
    const ms = db.select().from(milestones).where(eq(milestones.targetId, target.id)).all();
    const done = ms.filter((m) => m.done).length;
    const today = new Date().toISOString().slice(0, 10);
    const status: ComputedStatus = ms.length && done === ms.length ? "naaet" : ms.some((m) => !m.done && m.dueDate < today) ? "bagud" : "paa-sporet";
    return { baselineValue: null, latest: null, computedStatus: status, progress: ms.length ? done / ms.length : null };
  }
  const indicator = target.indicatorCode ? findIndicator(db, target.indicatorCode) : undefined;
  if (!indicator || !target.municipalityCode || !target.targetGroup || !target.baselinePeriod || !target.deadlinePeriod || target.targetValue === null) {
    return { baselineValue: null, latest: null, computedStatus: "ingen-data", progress: null };
  }
  const series = readFigures(db, { indicator, targetGroups: [target.targetGroup], municipalities: [target.municipalityCode] });
  const baseline = series.find((f) => f.period === target.baselinePeriod);
  const last = series.at(-1);
  const latest = last ? { period: last.period, value: last.shown, withheld: last.withheld !== null } : null;
  const baselineValue = baseline?.shown ?? null;
  if (baselineValue === null || !latest) return { baselineValue, latest, computedStatus: "ingen-data", progress: null };
  const trajectory = {
    polarity: indicator.polarity,
    baseline: { position: periodPosition(parsePeriod(target.baselinePeriod)!), value: baselineValue },
    target: { position: periodPosition(parsePeriod(target.deadlinePeriod)!), value: target.targetValue },
  };
  const observed = { position: periodPosition(parsePeriod(latest.period)!), value: latest.value, withheld: latest.withheld };
  return { baselineValue, latest, computedStatus: computeStatus(trajectory, observed), progress: progress(trajectory, observed) };
}

export function listTargets(db: Db, municipalityCode: string) {
  const rows = db.select().from(targets).where(eq(targets.municipalityCode, municipalityCode)).orderBy(asc(targets.id)).all();
  const links = rows.length ? db.select().from(targetChallenges).where(inArray(targetChallenges.targetId, rows.map((r) => r.id))).all() : [];
  return rows.map((t) => ({ ...t, challenges: links.filter((l) => l.targetId === t.id).map((l) => l.challengeNumber).sort(), ...targetProgress(db, t) }));
}

export function statusFor(db: Db, targetId: number, quarter: string): QuarterlyStatus | undefined {
  return db.select().from(quarterlyStatuses).where(and(eq(quarterlyStatuses.targetId, targetId), eq(quarterlyStatuses.quarter, quarter))).get();
}

export function statusHistoryFor(db: Db, statusId: number) {
  return db.select().from(statusHistory).where(eq(statusHistory.statusId, statusId)).orderBy(asc(statusHistory.version), asc(statusHistory.id)).all();
}

/** Active targets of a municipality that lack a joint status for the quarter. */
export function targetsWithoutJointStatus(db: Db, municipalityCode: string, quarter: string) {
  const active = db.select().from(targets).where(and(eq(targets.municipalityCode, municipalityCode), eq(targets.state, "aktiv"))).all();
  return active.filter((t) => !isJoint(statusFor(db, t.id, quarter)));
}


/**
 * The quarter statuses are written for: from the calendar, or `current_quarter` in app_meta
 * (the demo data end in 2025, so demo mode pins it to 2025K4).
 */
export function currentQuarter(db: Db, now = new Date()): string {
  const pinned = db.$client.prepare("select value from app_meta where key = 'current_quarter'").get() as { value: string } | undefined;
  if (pinned) return pinned.value;
  return `${now.getFullYear()}K${Math.floor(now.getMonth() / 3) + 1}`;
}

const ownerName = (db: Db, id: number | null) => (id ? db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, id)).get() ?? null : null);

export type TrendPoint = { period: string; actual: number | null; withheld: boolean; expected: number | null; target: number | null };

export function targetDetail(db: Db, targetId: number) {
  const target = loadTarget(db, targetId);
  const challenges = db.select().from(targetChallenges).where(eq(targetChallenges.targetId, targetId)).all().map((c) => c.challengeNumber).sort();
  const ms = db.select().from(milestones).where(eq(milestones.targetId, targetId)).orderBy(asc(milestones.dueDate)).all();
  const statuses = db.select().from(quarterlyStatuses).where(eq(quarterlyStatuses.targetId, targetId)).all().sort((a, b) => periodKeyOf(b.quarter) - periodKeyOf(a.quarter));
  const prog = targetProgress(db, target);
  let trend: TrendPoint[] = [];
  const indicator = target.indicatorCode ? findIndicator(db, target.indicatorCode) : undefined;
  if (target.kind === "kvantitativ" && indicator && target.municipalityCode && target.targetGroup && target.baselinePeriod && target.deadlinePeriod && target.targetValue !== null) {
    const series = readFigures(db, { indicator, targetGroups: [target.targetGroup], municipalities: [target.municipalityCode] });
    const from = periodKeyOf(target.baselinePeriod);
    const b = periodPosition(parsePeriod(target.baselinePeriod)!);
    const d = periodPosition(parsePeriod(target.deadlinePeriod)!);
    // the periods from the baseline to the deadline, with data where it exists
    const periods: string[] = [];
    for (let p = parsePeriod(target.baselinePeriod)!; periodKeyOf(formatP(p)) <= periodKeyOf(target.deadlinePeriod); p = nextP(p)) periods.push(formatP(p));
    trend = periods.map((period) => {
      const f = series.find((s) => s.period === period && periodKeyOf(s.period) >= from);
      const pos = periodPosition(parsePeriod(period)!);
      const expected = prog.baselineValue === null ? null : prog.baselineValue + ((pos - b) / (d - b)) * (target.targetValue! - prog.baselineValue);
      return { period, actual: f?.shown ?? null, withheld: Boolean(f?.withheld), expected, target: target.targetValue };
    });
  }
  return {
    target: { ...target, challenges },
    indicator: indicator ? { code: indicator.code, nameDa: indicator.nameDa, unit: indicator.unit, polarity: indicator.polarity } : null,
    owners: { school: ownerName(db, target.schoolOwnerId), social: ownerName(db, target.socialOwnerId) },
    milestones: ms,
    statuses: statuses.map((s) => ({ ...s, joint: isJoint(s) })),
    progress: prog,
    trend,
  };
}

/** The directors a target can name as owners: the municipality's active school and social directors. */
export function ownerCandidates(db: Db, municipalityCode: string) {
  const rows = db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.municipalityCode, municipalityCode), eq(users.active, true), inArray(users.role, ["skoledirektoer", "socialdirektoer"])))
    .orderBy(asc(users.name))
    .all();
  return { school: rows.filter((r) => r.role === "skoledirektoer"), social: rows.filter((r) => r.role === "socialdirektoer") };
}

/** "Mine opgaver": active targets of the actor's municipality whose status for the quarter waits for the actor's department. */
export function myTasks(db: Db, actor: Actor, quarter: string) {
  const side: Side | null = actor.role === "skoledirektoer" ? "school" : actor.role === "socialdirektoer" ? "social" : null;
  if (!side || !actor.municipalityCode) return [];
  return db
    .select()
    .from(targets)
    .where(and(eq(targets.municipalityCode, actor.municipalityCode), eq(targets.state, "aktiv")))
    .all()
    .flatMap((t): { id: number; title: string; task: "write" | "confirm" }[] => {
      const s = statusFor(db, t.id, quarter);
      if (!s || !s[`${side}Done`]) return [{ id: t.id, title: t.title, task: "write" as const }];
      if (s[`${side}ConfirmedVersion`] !== s.version) return [{ id: t.id, title: t.title, task: "confirm" as const }];
      return [];
    });
}
