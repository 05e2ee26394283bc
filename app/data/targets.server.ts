/**
 * Joint targets and their quarterly status. Every change is validated (zod), authorised (the
 * one policy), and written in one transaction with its history and audit entry.
 */
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import { untilChanged, type Db } from "../../db/connection";
import { milestones, municipalities, quarterlyStatuses, statusHistory, targetChallenges, targets, users } from "../../db/schema";
import { can, departmentOf, DIRECTOR_OF } from "../domain/access";
import { DomainError, messageKey, type ErrorParams } from "../domain/errors";
import { isPeriodOfCadence, parsePeriod, periodEndDate, periodKeyOf } from "../domain/periods";
import { assessmentAgrees, inQuarterWindow, isJoint, otherSide, sideWritten, withdrawnVersion, type Side } from "../domain/targets/joint";
import { plannedTrend, quantitativeProgress, type PlannedPoint, type Unavailable } from "../domain/targets/progress";
import { COMPUTED_STATUSES, direction, type ComputedStatus } from "../domain/targets/trajectory";
import { previousQuarter } from "../domain/reports/report";
import { audit } from "./audit.server";
import type { Actor } from "./auth.server";
import { findIndicator, readMeta } from "./catalogue.server";
import { readFigures } from "./figures.server";

/** A target refused as the user wrote it: shown in the form, on the field it names. */
export class TargetError extends DomainError {
  constructor(key: string, field?: string, params: ErrorParams = {}) {
    super("invalid", key, params, field);
  }
}

/** Two people saved the same status at once; the newer text is returned so nothing is lost. */
export class StatusConflict extends DomainError {
  constructor(readonly current: QuarterlyStatus) {
    super("conflict", "targetErrors.statusConflict");
  }
}

import { closeSchema, ownersSchema, type StatusPartInput, type TargetDefinition, type TargetInput } from "../domain/targets/schema";
export { closeSchema, ownersSchema, partnershipTargetSchema, statusPartSchema, targetInputSchema, type StatusPartInput, type TargetDefinition, type TargetInput } from "../domain/targets/schema";

function requireTargetWrite(actor: Actor, municipalityCode: string | null) {
  const ok = municipalityCode === null ? can(actor, { kind: "set-partnership-targets" }) : can(actor, { kind: "write-targets", municipality: municipalityCode });
  if (!ok) throw new DomainError("forbidden", "targetErrors.forbiddenWrite");
}

type Problem = { field: string; key: string; params?: ErrorParams };
const municipalityCodeFor = (input: { municipalityCode?: string | null }): string[] | undefined => (input.municipalityCode ? [input.municipalityCode] : undefined);

/**
 * Everything wrong with a quantitative target's data-dependent parts (indicator, group, periods,
 * range, direction), all at once. Works on a partial input, so the form can show these beside the
 * schema's own errors in one round.
 */
function quantitativeProblems(
  db: Db,
  input: { indicatorCode?: string; targetGroup?: string; baselinePeriod?: string; deadlinePeriod?: string; targetValue?: number; direction?: string; municipalityCode?: string | null },
): Problem[] {
  const out: Problem[] = [];
  if (!input.indicatorCode) return out;
  const indicator = findIndicator(db, input.indicatorCode);
  if (!indicator) return [{ field: "indicatorCode", key: "errors.unknownIndicator", params: { code: input.indicatorCode } }];
  if (input.targetGroup && !indicator.targetGroups.includes(input.targetGroup)) out.push({ field: "targetGroup", key: "targetErrors.groupOfIndicator" });
  let periodsOk = true;
  for (const [field, period] of [["baselinePeriod", input.baselinePeriod], ["deadlinePeriod", input.deadlinePeriod]] as const) {
    if (period && !isPeriodOfCadence(period, indicator.cadence)) {
      out.push({ field, key: `targetErrors.periodCadence.${indicator.cadence}`, params: { period } });
      periodsOk = false;
    }
  }
  if (periodsOk && input.baselinePeriod && input.deadlinePeriod && periodKeyOf(input.deadlinePeriod) <= periodKeyOf(input.baselinePeriod)) out.push({ field: "deadlinePeriod", key: "targetErrors.deadlineAfterBaseline" });
  // a neutral indicator says nothing of which way is better: the target must say it
  const polarity = indicator.polarity === "neutral" ? (input.direction === "higher" || input.direction === "lower" ? input.direction : null) : indicator.polarity;
  if (polarity === null) out.push({ field: "direction", key: "trust.form.directionMissing" });
  const value = input.targetValue;
  if (value !== undefined && Number.isFinite(value)) {
    if (indicator.unit === "percent" && (value < 0 || value > 100)) out.push({ field: "targetValue", key: "targetErrors.percentRange" });
    // a target must be an improvement in the indicator's direction, or the stated one for a neutral indicator
    else if (polarity && input.targetGroup && input.baselinePeriod && isPeriodOfCadence(input.baselinePeriod, indicator.cadence) && indicator.targetGroups.includes(input.targetGroup)) {
      const base = readFigures(db, { indicator, targetGroups: [input.targetGroup], municipalities: municipalityCodeFor(input), periods: [input.baselinePeriod] })[0];
      if (base && base.shown !== null) {
        const d = direction({ polarity, baseline: { position: 0, value: base.shown }, target: { position: 1, value } });
        if ((value - base.shown) * d < 0) out.push({ field: "targetValue", key: `trust.form.worsening.${polarity}`, params: { baseline: base.shown } });
      }
    }
  }
  return out;
}

/** Checks the parts of a quantitative target the schema cannot: the indicator, group, periods and direction. */
function checkQuantitative(db: Db, input: Extract<TargetDefinition, { kind: "kvantitativ" }> & { municipalityCode?: string | null }) {
  const [first] = quantitativeProblems(db, input);
  if (first) throw new TargetError(first.key, first.field, first.params);
}

/**
 * The data-dependent errors of a target form's raw fields, by field, for the form to show with
 * the schema's errors in one round (the service checks them again on save).
 */
export function targetFormProblems(db: Db, municipalityCode: string | null, raw: FormData): Record<string, string[]> {
  const str = (name: string) => (typeof raw.get(name) === "string" ? String(raw.get(name)).trim() : "") || undefined;
  if (str("kind") !== "kvantitativ") return {};
  const value = str("targetValue");
  const problems = quantitativeProblems(
    db,
    { indicatorCode: str("indicatorCode"), targetGroup: str("targetGroup"), baselinePeriod: str("baselinePeriod"), deadlinePeriod: str("deadlinePeriod"), targetValue: value ? Number(value.replace(",", ".")) : undefined, direction: str("direction"), municipalityCode },
  );
  const out: Record<string, string[]> = {};
  for (const p of problems) out[p.field] = [...(out[p.field] ?? []), messageKey(p.key, p.params)];
  return out;
}

/** The named owners must be active directors of the municipality, one per department. */
function checkOwners(db: Db, municipalityCode: string | null, input: { schoolOwnerId: number; socialOwnerId: number }) {
  const owners = db.select().from(users).where(inArray(users.id, [input.schoolOwnerId, input.socialOwnerId])).all();
  const school = owners.find((u) => u.id === input.schoolOwnerId);
  const social = owners.find((u) => u.id === input.socialOwnerId);
  const fits = (u: typeof school, role: string) => u && u.active && u.role === role && (municipalityCode === null || u.municipalityCode === municipalityCode);
  if (!fits(school, DIRECTOR_OF.school)) throw new TargetError("targetErrors.schoolOwnerRole", "schoolOwnerId");
  if (!fits(social, DIRECTOR_OF.social)) throw new TargetError("targetErrors.socialOwnerRole", "socialOwnerId");
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The columns a definition sets; the same for a new target, an edit and an adoption. */
function definitionColumns(input: TargetDefinition) {
  const q = input.kind === "kvantitativ" ? input : null;
  return {
    title: input.title,
    rationale: input.rationale,
    kind: input.kind,
    indicatorCode: q?.indicatorCode ?? null,
    targetGroup: q?.targetGroup ?? null,
    baselinePeriod: q?.baselinePeriod ?? null,
    targetValue: q?.targetValue ?? null,
    deadlinePeriod: q?.deadlinePeriod ?? null,
    direction: q?.direction ?? null,
  };
}

function insertTarget(tx: Tx, municipalityCode: string | null, input: TargetDefinition, owners: z.output<typeof ownersSchema> | null, adoptedFromId: number | null): number {
  const now = new Date().toISOString();
  const row = tx
    .insert(targets)
    .values({ municipalityCode, adoptedFromId, ...definitionColumns(input), schoolOwnerId: owners?.schoolOwnerId ?? null, socialOwnerId: owners?.socialOwnerId ?? null, createdAt: now, updatedAt: now })
    .returning({ id: targets.id })
    .get();
  for (const n of new Set(input.challenges)) tx.insert(targetChallenges).values({ targetId: row.id, challengeNumber: n }).run();
  if (input.kind === "milepael") for (const m of input.milestones) tx.insert(milestones).values({ targetId: row.id, title: m.title, dueDate: m.dueDate }).run();
  return row.id;
}

export function createTarget(db: Db, actor: Actor, municipalityCode: string, input: TargetInput): number {
  requireTargetWrite(actor, municipalityCode);
  if (input.kind === "kvantitativ") checkQuantitative(db, { ...input, municipalityCode });
  checkOwners(db, municipalityCode, input);
  return db.transaction((tx) => {
    const id = insertTarget(tx, municipalityCode, input, input, null);
    audit(tx, { actor, action: "target.create", entity: "target", entityId: id, municipalityCode, after: input });
    return id;
  });
}

/** A partnership-wide target, set by the secretariat; municipalities adopt it with their own owners. */
export function createPartnershipTarget(db: Db, actor: Actor, input: TargetDefinition): number {
  requireTargetWrite(actor, null);
  if (input.kind === "kvantitativ") checkQuantitative(db, input);
  return db.transaction((tx) => {
    const id = insertTarget(tx, null, input, null, null);
    audit(tx, { actor, action: "target.create", entity: "target", entityId: id, municipalityCode: null, after: input });
    return id;
  });
}

export function adoptionsOf(db: Db, partnershipTargetId: number) {
  return db.select().from(targets).where(eq(targets.adoptedFromId, partnershipTargetId)).all();
}

/**
 * A municipality adopts a partnership-wide target: it becomes the municipality's own target with
 * the same aim, its own owners, and its own baseline value from its own data.
 */
export function adoptTarget(db: Db, actor: Actor, municipalityCode: string, partnershipTargetId: number, owners: z.output<typeof ownersSchema>): number {
  requireTargetWrite(actor, municipalityCode);
  const source = targetDefinitionOf(db, partnershipTargetId);
  if (!source || source.row.municipalityCode !== null) throw new DomainError("not_found", "targetErrors.partnershipNotFound");
  if (source.row.state !== "aktiv") throw new TargetError("targetErrors.partnershipClosed");
  if (adoptionsOf(db, partnershipTargetId).some((t) => t.municipalityCode === municipalityCode)) throw new TargetError("targetErrors.alreadyAdopted");
  checkOwners(db, municipalityCode, owners);
  return db.transaction((tx) => {
    const id = insertTarget(tx, municipalityCode, source.definition, owners, partnershipTargetId);
    audit(tx, { actor, action: "target.adopt", entity: "target", entityId: id, municipalityCode, after: { adoptedFromId: partnershipTargetId, ...owners } });
    return id;
  });
}

/** A stored target as the definition the forms and schemas speak. */
export function targetDefinitionOf(db: Db, targetId: number): { row: typeof targets.$inferSelect; definition: TargetDefinition } | undefined {
  const row = db.select().from(targets).where(eq(targets.id, targetId)).get();
  if (!row) return undefined;
  const challenges = db.select().from(targetChallenges).where(eq(targetChallenges.targetId, targetId)).all().map((c) => c.challengeNumber).sort();
  const base = { title: row.title, rationale: row.rationale, challenges };
  const definition: TargetDefinition =
    row.kind === "kvantitativ"
      ? { ...base, kind: "kvantitativ", indicatorCode: row.indicatorCode ?? "", targetGroup: row.targetGroup ?? "", baselinePeriod: row.baselinePeriod ?? "", targetValue: row.targetValue ?? 0, deadlinePeriod: row.deadlinePeriod ?? "", direction: row.direction ?? undefined }
      : { ...base, kind: "milepael", milestones: db.select().from(milestones).where(eq(milestones.targetId, targetId)).orderBy(asc(milestones.dueDate), asc(milestones.id)).all().map((m) => ({ id: m.id, title: m.title, dueDate: m.dueDate })) };
  return { row, definition };
}

/**
 * Whether a target's aim may still change. An adopted target follows the partnership's aim, and
 * a partnership target that municipalities have adopted is fixed: nobody's commitment changes
 * under them (close it and set a new one instead). Owners of an adopted target can still change.
 */
export function definitionLocked(db: Db, row: typeof targets.$inferSelect): "adopted" | "has-adoptions" | null {
  if (row.adoptedFromId !== null) return "adopted";
  if (row.municipalityCode === null && adoptionsOf(db, row.id).length > 0) return "has-adoptions";
  return null;
}

/**
 * Edits a target's aim (and, for a municipality's target, its owners). The kind cannot change;
 * milestones keep their id and done state, new ones are added, and ones left out are removed
 * unless they are done.
 */
export function updateTarget(db: Db, actor: Actor, targetId: number, input: TargetDefinition & Partial<z.output<typeof ownersSchema>>): void {
  const current = targetDefinitionOf(db, targetId);
  if (!current) throw new DomainError("not_found", "targetErrors.notFound");
  const { row } = current;
  requireTargetWrite(actor, row.municipalityCode);
  if (row.state !== "aktiv") throw new TargetError("targetErrors.closed");
  if (definitionLocked(db, row)) throw new TargetError(row.adoptedFromId !== null ? "targetErrors.lockedAdopted" : "targetErrors.lockedHasAdoptions");
  if (input.kind !== row.kind) throw new TargetError("targetErrors.kindFixed", "kind");
  if (input.kind === "kvantitativ") checkQuantitative(db, { ...input, municipalityCode: row.municipalityCode });
  let owners: z.output<typeof ownersSchema> | null = null;
  if (row.municipalityCode !== null) {
    owners = ownersSchema.parse(input);
    checkOwners(db, row.municipalityCode, owners);
  }
  const existing = db.select().from(milestones).where(eq(milestones.targetId, targetId)).all();
  const kept = new Set(input.kind === "milepael" ? input.milestones.flatMap((m) => (m.id ? [m.id] : [])) : []);
  for (const id of kept) if (!existing.some((m) => m.id === id)) throw new TargetError("targetErrors.foreignMilestone", "milestones");
  if (input.kind === "milepael" && existing.some((m) => m.done && !kept.has(m.id))) throw new TargetError("targetErrors.doneMilestone", "milestones");
  const now = new Date().toISOString();
  db.transaction((tx) => {
    const { kind: _kind, ...columns } = definitionColumns(input);
    tx.update(targets).set({ ...columns, ...(owners ?? {}), updatedAt: now }).where(eq(targets.id, targetId)).run();
    tx.delete(targetChallenges).where(eq(targetChallenges.targetId, targetId)).run();
    for (const n of new Set(input.challenges)) tx.insert(targetChallenges).values({ targetId, challengeNumber: n }).run();
    if (input.kind === "milepael") {
      for (const m of existing) if (!kept.has(m.id)) tx.delete(milestones).where(eq(milestones.id, m.id)).run();
      for (const m of input.milestones) {
        if (m.id) tx.update(milestones).set({ title: m.title, dueDate: m.dueDate }).where(eq(milestones.id, m.id)).run();
        else tx.insert(milestones).values({ targetId, title: m.title, dueDate: m.dueDate }).run();
      }
    }
    audit(tx, { actor, action: "target.update", entity: "target", entityId: targetId, municipalityCode: row.municipalityCode, before: { ...current.definition, schoolOwnerId: row.schoolOwnerId, socialOwnerId: row.socialOwnerId }, after: input });
  });
}

/** New owners for a municipality's target (the one change an adopted target allows). */
export function setTargetOwners(db: Db, actor: Actor, targetId: number, owners: z.output<typeof ownersSchema>): void {
  const row = db.select().from(targets).where(eq(targets.id, targetId)).get();
  if (!row || row.municipalityCode === null) throw new DomainError("not_found", "targetErrors.notFound");
  requireTargetWrite(actor, row.municipalityCode);
  if (row.state !== "aktiv") throw new TargetError("targetErrors.closed");
  checkOwners(db, row.municipalityCode, owners);
  db.transaction((tx) => {
    tx.update(targets).set({ ...owners, updatedAt: new Date().toISOString() }).where(eq(targets.id, targetId)).run();
    audit(tx, { actor, action: "target.owners", entity: "target", entityId: targetId, municipalityCode: row.municipalityCode, before: { schoolOwnerId: row.schoolOwnerId, socialOwnerId: row.socialOwnerId }, after: owners });
  });
}

export function closeTarget(db: Db, actor: Actor, targetId: number, input: z.output<typeof closeSchema>): void {
  const before = db.select().from(targets).where(eq(targets.id, targetId)).get();
  if (!before) throw new DomainError("not_found", "targetErrors.notFound");
  requireTargetWrite(actor, before.municipalityCode);
  if (before.state !== "aktiv") throw new TargetError("targetErrors.alreadyClosed");
  const now = new Date().toISOString();
  db.transaction((tx) => {
    tx.update(targets).set({ state: input.state, closedReason: input.reason, closedAt: now, updatedAt: now }).where(eq(targets.id, targetId)).run();
    audit(tx, { actor, action: "target.close", entity: "target", entityId: targetId, municipalityCode: before.municipalityCode, before: { state: before.state }, after: input });
  });
}

export function setMilestoneDone(db: Db, actor: Actor, targetId: number, milestoneId: number, done: boolean): void {
  const row = db.select({ m: milestones, municipalityCode: targets.municipalityCode, state: targets.state }).from(milestones).innerJoin(targets, eq(targets.id, milestones.targetId)).where(and(eq(milestones.id, milestoneId), eq(milestones.targetId, targetId))).get();
  if (!row) throw new DomainError("not_found", "targetErrors.milestoneNotFound");
  requireTargetWrite(actor, row.municipalityCode);
  if (row.state !== "aktiv") throw new TargetError("targetErrors.closed");
  db.transaction((tx) => {
    tx.update(milestones).set({ done, doneAt: done ? new Date().toISOString() : null }).where(eq(milestones.id, milestoneId)).run();
    audit(tx, { actor, action: "milestone.update", entity: "milestone", entityId: milestoneId, municipalityCode: row.municipalityCode, before: { done: row.m.done }, after: { done } });
  });
}

export type { Side };
export { isJoint };
export type QuarterlyStatus = typeof quarterlyStatuses.$inferSelect;


function requireStatusWrite(actor: Actor, municipalityCode: string | null, side: Side) {
  if (municipalityCode === null || !can(actor, { kind: "write-status", municipality: municipalityCode, side })) {
    throw new DomainError("forbidden", `targetErrors.onlyOwnSide.${side}`);
  }
}

/** Statuses are written and confirmed for the current and the previous quarter only. */
function requireQuarterWindow(db: Db, quarter: string) {
  const current = currentQuarter(db);
  if (!inQuarterWindow(quarter, current, previousQuarter(current))) throw new DomainError("invalid", "trust.status.outsideWindow", { quarter, current, previous: previousQuarter(current) ?? "" }, "quarter");
}

function loadTarget(db: Db, targetId: number) {
  const target = db.select().from(targets).where(eq(targets.id, targetId)).get();
  if (!target) throw new DomainError("not_found", "targetErrors.notFound");
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
export function writeStatusPart(db: Db, actor: Actor, targetId: number, side: Side, input: StatusPartInput): QuarterlyStatus & { withdrewOther: boolean } {
  const target = loadTarget(db, targetId);
  requireStatusWrite(actor, target.municipalityCode, side);
  if (target.state !== "aktiv") throw new TargetError("targetErrors.closedNoStatus");
  requireQuarterWindow(db, input.quarter);
  // the side counts as written only with a justification where the assessment differs from (or cannot be checked against) the computed status
  const computed = targetProgress(db, target, input.quarter).computedStatus;
  if (!assessmentAgrees(input.assessment, computed) && !input.justification) {
    throw new TargetError(computed === "ingen-data" ? "targetErrors.justifyNoData" : "targetErrors.justifyDisagree", "justification");
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
    // the other side had confirmed the version this save replaces: its confirmation is withdrawn
    const other = otherSide(side);
    const withdrewOther = current.version > 0 && current[`${other}ConfirmedVersion`] === current.version;
    audit(tx, { actor, action: "status.write", entity: "quarterly-status", entityId: updated.id, municipalityCode: target.municipalityCode, before: current, after: { ...updated, withdrewOther } });
    return { ...updated, withdrewOther };
  });
}

/** Confirms the whole status as it stands (both parts) for one department. */
export function confirmStatus(db: Db, actor: Actor, targetId: number, side: Side, quarter: string, expectedVersion: number): QuarterlyStatus {
  const target = loadTarget(db, targetId);
  requireStatusWrite(actor, target.municipalityCode, side);
  requireQuarterWindow(db, quarter);
  return db.transaction((tx) => {
    const current = tx.select().from(quarterlyStatuses).where(and(eq(quarterlyStatuses.targetId, targetId), eq(quarterlyStatuses.quarter, quarter))).get();
    if (!current || current.version === 0) throw new TargetError("targetErrors.nothingToConfirm");
    if (current.version !== expectedVersion) throw new StatusConflict(current);
    // a department confirms only once its own side is written
    if (!sideWritten(current, side)) throw new DomainError("invalid", "trust.status.confirmUnwritten");
    const set = side === "school" ? { schoolConfirmedVersion: current.version, schoolConfirmedBy: actor.id } : { socialConfirmedVersion: current.version, socialConfirmedBy: actor.id };
    const updated = tx.update(quarterlyStatuses).set(set).where(eq(quarterlyStatuses.id, current.id)).returning().get();
    recordVersion(tx, updated, actor);
    audit(tx, { actor, action: "status.confirm", entity: "quarterly-status", entityId: updated.id, municipalityCode: target.municipalityCode, before: { [side]: current[`${side}ConfirmedVersion`] }, after: { [side]: current.version, faelles: isJoint(updated) } });
    return updated;
  });
}

export type TargetProgress = {
  baselineValue: number | null;
  /** The latest value shown after the baseline, as of the quarter. */
  latest: { period: string; value: number | null; withheld: boolean } | null;
  /** The newest ended period, when it is not the latest shown one (withheld or not yet measured). */
  newest: { period: string; withheld: boolean } | null;
  computedStatus: ComputedStatus;
  /** Why the status cannot be computed (only with `ingen-data`). */
  unavailable: Unavailable | null;
  progress: number | null;
};

type TargetRow = typeof targets.$inferSelect;
const quantitativeOf = (t: TargetRow) =>
  t.kind === "kvantitativ" && t.indicatorCode && t.municipalityCode && t.targetGroup && t.baselinePeriod && t.deadlinePeriod && t.targetValue !== null
    ? { indicatorCode: t.indicatorCode, municipalityCode: t.municipalityCode, targetGroup: t.targetGroup, baselinePeriod: t.baselinePeriod, deadlinePeriod: t.deadlinePeriod, targetValue: t.targetValue }
    : null;

/**
 * The progress of many targets as of a quarter in one pass: one read of the figures per
 * indicator (through the one read path) and one of the milestones, never a query per target.
 * Only periods that had ended by the quarter's last day count (see quantitativeProgress).
 */
export function progressOfTargets(db: Db, rows: TargetRow[], asOf: string = currentQuarter(db)): Map<number, TargetProgress & { series: { period: string; value: number | null; withheld: boolean }[] }> {
  const out = new Map<number, TargetProgress & { series: { period: string; value: number | null; withheld: boolean }[] }>();
  const milestoneRows = rows.some((r) => r.kind === "milepael") ? db.select().from(milestones).where(inArray(milestones.targetId, rows.filter((r) => r.kind === "milepael").map((r) => r.id))).all() : [];
  const cutOff = periodEndDateOf(asOf);
  const byIndicator = new Map<string, TargetRow[]>();
  for (const t of rows) {
    if (t.kind === "milepael") {
      const ms = milestoneRows.filter((m) => m.targetId === t.id);
      const done = ms.filter((m) => m.done).length;
      const status: ComputedStatus = ms.length && done === ms.length ? "naaet" : ms.some((m) => !m.done && m.dueDate <= cutOff && m.dueDate < today()) ? "bagud" : "paa-sporet";
      out.set(t.id, { baselineValue: null, latest: null, newest: null, computedStatus: status, unavailable: null, progress: ms.length ? done / ms.length : null, series: [] });
      continue;
    }
    const q = quantitativeOf(t);
    if (!q) {
      out.set(t.id, { baselineValue: null, latest: null, newest: null, computedStatus: "ingen-data", unavailable: "not-measured", progress: null, series: [] });
      continue;
    }
    byIndicator.set(q.indicatorCode, [...(byIndicator.get(q.indicatorCode) ?? []), t]);
  }
  for (const [code, group] of byIndicator) {
    const indicator = findIndicator(db, code);
    const figures = indicator
      ? readFigures(db, { indicator, targetGroups: [...new Set(group.map((t) => t.targetGroup!))], municipalities: [...new Set(group.map((t) => t.municipalityCode!))] })
      : [];
    for (const t of group) {
      const q = quantitativeOf(t)!;
      const series = figures
        .filter((f) => f.targetGroup === q.targetGroup && f.scope.kind === "municipality" && f.scope.code === q.municipalityCode && f.breakdown === "")
        .sort((x, y) => x.periodKey - y.periodKey)
        .map((f) => ({ period: f.period, value: f.shown, withheld: f.withheld !== null }));
      const p = indicator
        ? quantitativeProgress({ polarity: indicator.polarity === "neutral" ? (t.direction ?? "neutral") : indicator.polarity, baselinePeriod: q.baselinePeriod, deadlinePeriod: q.deadlinePeriod, targetValue: q.targetValue }, series, asOf)
        : { baselineValue: null, latest: null, newest: null, computedStatus: "ingen-data" as const, unavailable: "not-measured" as const, progress: null };
      out.set(t.id, { ...p, series });
    }
  }
  return out;
}

/** The UTC day milestones are judged on (a milestone is behind once its due date has passed). */
export const today = () => new Date().toISOString().slice(0, 10);
const periodEndDateOf = (quarter: string) => periodEndDate(parsePeriod(quarter)!);

/** Baseline and latest value from the data (through the one read path) and the computed status, as of a quarter (default: the current one). */
export function targetProgress(db: Db, target: TargetRow, asOf?: string): TargetProgress {
  const { series: _series, ...p } = progressOfTargets(db, [target], asOf).get(target.id)!;
  return p;
}

/**
 * A municipality's targets, each once, with challenges, progress as of the quarter and that
 * quarter's joint state: one read of the links, the statuses and the figures per indicator.
 */
export function listTargets(db: Db, municipalityCode: string, asOf: string = currentQuarter(db)) {
  const rows = db.select().from(targets).where(eq(targets.municipalityCode, municipalityCode)).orderBy(asc(targets.id)).all();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const links = db.select().from(targetChallenges).where(inArray(targetChallenges.targetId, ids)).all();
  const statuses = db.select().from(quarterlyStatuses).where(and(inArray(quarterlyStatuses.targetId, ids), eq(quarterlyStatuses.quarter, asOf))).all();
  const progressById = progressOfTargets(db, rows, asOf);
  return rows.map((t) => {
    const { series: _series, ...p } = progressById.get(t.id)!;
    const s = statuses.find((x) => x.targetId === t.id);
    return {
      ...t,
      challenges: links.filter((l) => l.targetId === t.id).map((l) => l.challengeNumber).sort(),
      ...p,
      quarter: asOf,
      joint: isJoint(s),
      written: { school: sideWritten(s, "school"), social: sideWritten(s, "social") },
    };
  });
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
  const pinned = readMeta(db).current_quarter;
  if (pinned) return pinned;
  return `${now.getFullYear()}K${Math.floor(now.getMonth() / 3) + 1}`;
}

const ownerName = (db: Db, id: number | null) => (id ? db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, id)).get() ?? null : null);

export type TrendPoint = PlannedPoint;

/** A target with everything its page and the report show, as of a quarter (default: the current one). */
export function targetDetail(db: Db, targetId: number, asOf: string = currentQuarter(db)) {
  const target = loadTarget(db, targetId);
  const challenges = db.select().from(targetChallenges).where(eq(targetChallenges.targetId, targetId)).all().map((c) => c.challengeNumber).sort();
  const ms = db.select().from(milestones).where(eq(milestones.targetId, targetId)).orderBy(asc(milestones.dueDate)).all();
  const statuses = db.select().from(quarterlyStatuses).where(eq(quarterlyStatuses.targetId, targetId)).all().sort((a, b) => periodKeyOf(b.quarter) - periodKeyOf(a.quarter));
  const { series, ...prog } = progressOfTargets(db, [target], asOf).get(target.id)!;
  const q = quantitativeOf(target);
  const indicator = target.indicatorCode ? findIndicator(db, target.indicatorCode) : undefined;
  const trend: TrendPoint[] = q && indicator ? plannedTrend(q, prog.baselineValue, series, asOf) : [];
  const partnership = target.adoptedFromId ? (db.select({ id: targets.id, title: targets.title }).from(targets).where(eq(targets.id, target.adoptedFromId)).get() ?? null) : null;
  return {
    target: { ...target, challenges },
    partnership,
    indicator: indicator ? { code: indicator.code, nameDa: indicator.nameDa, nameEn: indicator.nameEn, unit: indicator.unit, polarity: indicator.polarity } : null,
    owners: { school: ownerName(db, target.schoolOwnerId), social: ownerName(db, target.socialOwnerId) },
    milestones: ms,
    statuses: statuses.map((s) => ({ ...s, joint: isJoint(s), written: { school: sideWritten(s, "school"), social: sideWritten(s, "social") }, withdrawn: { school: withdrawalOf(db, s, "school"), social: withdrawalOf(db, s, "social") } })),
    progress: prog,
    trend,
  };
}

/** The directors a target can name as owners: the municipality's active school and social directors. */
export function ownerCandidates(db: Db, municipalityCode: string) {
  const rows = db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.municipalityCode, municipalityCode), eq(users.active, true), inArray(users.role, [DIRECTOR_OF.school, DIRECTOR_OF.social])))
    .orderBy(asc(users.name))
    .all();
  return { school: rows.filter((r) => departmentOf(r.role) === "school"), social: rows.filter((r) => departmentOf(r.role) === "social") };
}

/**
 * Who withdrew a department's confirmation and when: the save right after the version it had
 * confirmed (from the status history), or null when it is not withdrawn.
 */
export function withdrawalOf(db: Db, s: QuarterlyStatus, side: Side): { by: string; at: string } | null {
  const v = withdrawnVersion(s, side);
  if (v === null) return null;
  const h = db
    .select({ at: statusHistory.at, name: users.name })
    .from(statusHistory)
    .leftJoin(users, eq(users.id, statusHistory.byUserId))
    .where(and(eq(statusHistory.statusId, s.id), eq(statusHistory.version, v + 1)))
    .orderBy(asc(statusHistory.id))
    .get();
  return h ? { by: h.name ?? "", at: h.at } : null;
}

/**
 * "Mine opgaver": active targets of the actor's municipality whose status for the quarter waits
 * for the actor's department, with who withdrew its confirmation and when, if a save did.
 */
export function myTasks(db: Db, actor: Actor, quarter: string) {
  const side: Side | null = departmentOf(actor.role);
  if (!side || !actor.municipalityCode) return [];
  const active = db.select().from(targets).where(and(eq(targets.municipalityCode, actor.municipalityCode), eq(targets.state, "aktiv"))).all();
  if (!active.length) return [];
  const statuses = db.select().from(quarterlyStatuses).where(and(inArray(quarterlyStatuses.targetId, active.map((t) => t.id)), eq(quarterlyStatuses.quarter, quarter))).all();
  return active.flatMap((t): { id: number; title: string; task: "write" | "confirm"; withdrawn: { by: string; at: string } | null }[] => {
    const s = statuses.find((x) => x.targetId === t.id);
    if (!s || !sideWritten(s, side)) return [{ id: t.id, title: t.title, task: "write", withdrawn: null }];
    if (s[`${side}ConfirmedVersion`] !== s.version) return [{ id: t.id, title: t.title, task: "confirm", withdrawn: withdrawalOf(db, s, side) }];
    return [];
  });
}

/** Partnership-wide targets with the municipalities that adopted each and how they stand. */
export function listPartnershipTargets(db: Db) {
  const rows = db.select().from(targets).where(isNull(targets.municipalityCode)).orderBy(asc(targets.id)).all();
  if (!rows.length) return [];
  const links = db.select().from(targetChallenges).where(inArray(targetChallenges.targetId, rows.map((r) => r.id))).all();
  const adopted = db
    .select({ target: targets, municipalityName: municipalities.name })
    .from(targets)
    .innerJoin(municipalities, eq(municipalities.code, targets.municipalityCode))
    .where(inArray(targets.adoptedFromId, rows.map((r) => r.id)))
    .orderBy(asc(municipalities.name))
    .all();
  return rows.map((t) => ({
    ...t,
    challenges: links.filter((l) => l.targetId === t.id).map((l) => l.challengeNumber).sort(),
    adoptions: adopted
      .filter((a) => a.target.adoptedFromId === t.id)
      .map((a) => ({ id: a.target.id, municipalityCode: a.target.municipalityCode!, municipalityName: a.municipalityName, state: a.target.state, ...targetProgress(db, a.target) })),
  }));
}

/** A partnership-wide target by route parameter, or a Danish 404. */
export function requirePartnershipTarget(db: Db, rawId: string | undefined) {
  const id = z.coerce.number().int().positive().safeParse(rawId);
  const found = id.success ? targetDefinitionOf(db, id.data) : undefined;
  if (!found || found.row.municipalityCode !== null) throw new DomainError("not_found", "targetErrors.partnershipNotFound");
  const listed = listPartnershipTargets(db).find((t) => t.id === found.row.id)!;
  const indicator = found.row.indicatorCode ? findIndicator(db, found.row.indicatorCode) : undefined;
  return {
    ...found,
    adoptions: listed.adoptions,
    locked: definitionLocked(db, found.row),
    indicator: indicator ? { code: indicator.code, nameDa: indicator.nameDa, nameEn: indicator.nameEn, unit: indicator.unit } : null,
  };
}

/**
 * The baseline the target form shows as soon as indicator, target group and baseline period are
 * chosen: the municipality's own figure through the one read path, or that it is withheld or missing.
 */
export function baselineFigure(db: Db, municipalityCode: string, q: { indicatorCode: string; targetGroup: string; baselinePeriod: string }) {
  const indicator = findIndicator(db, q.indicatorCode);
  if (!indicator || !indicator.targetGroups.includes(q.targetGroup) || !isPeriodOfCadence(q.baselinePeriod, indicator.cadence)) return { state: "invalid" as const };
  const f = readFigures(db, { indicator, targetGroups: [q.targetGroup], municipalities: [municipalityCode], periods: [q.baselinePeriod] })[0];
  if (!f) return { state: "missing" as const, period: q.baselinePeriod };
  if (f.withheld !== null || f.shown === null) return { state: "withheld" as const, period: q.baselinePeriod };
  return { state: "shown" as const, period: q.baselinePeriod, value: f.shown, unit: indicator.unit, polarity: indicator.polarity };
}

export type ChallengeTargetSummary = { challenge: number; municipalities: number; targets: number; byStatus: Record<ComputedStatus, number> };

/**
 * Across the partnership, per challenge: how many municipalities have joint targets on it and
 * how those stand. Counts only: a target's text stays internal to its municipality. Active
 * targets carry their computed status; one closed as reached counts as reached; dropped ones
 * are left out.
 */
export function targetsByChallenge(db: Db): ChallengeTargetSummary[] {
  const rows = db.select().from(targets).where(and(isNotNull(targets.municipalityCode), inArray(targets.state, ["aktiv", "naaet"]))).all();
  const links = rows.length ? db.select().from(targetChallenges).where(inArray(targetChallenges.targetId, rows.map((r) => r.id))).all() : [];
  // every active target's progress in one pass: a read per indicator, not per target
  const progress = progressOfTargets(db, rows.filter((r) => r.state !== "naaet"));
  const status = new Map(rows.map((r) => [r.id, r.state === "naaet" ? ("naaet" as const) : progress.get(r.id)!.computedStatus]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<number, { municipalities: Set<string>; targets: number; byStatus: Record<ComputedStatus, number> }>();
  for (const l of links) {
    const entry = out.get(l.challengeNumber) ?? { municipalities: new Set(), targets: 0, byStatus: Object.fromEntries(COMPUTED_STATUSES.map((s) => [s, 0])) as Record<ComputedStatus, number> };
    entry.municipalities.add(byId.get(l.targetId)!.municipalityCode!);
    entry.targets++;
    entry.byStatus[status.get(l.targetId)!]++;
    out.set(l.challengeNumber, entry);
  }
  return [...out].map(([challenge, e]) => ({ challenge, municipalities: e.municipalities.size, targets: e.targets, byStatus: e.byStatus })).sort((a, b) => a.challenge - b.challenge);
}

/**
 * The secretariat's landing: for the quarter, the municipalities whose active targets all have a
 * joint status, those where one or more lacks it, and each partnership target's adoptions by
 * computed status.
 */
export function partnershipQuarter(db: Db, quarter: string = currentQuarter(db)) {
  const active = db
    .select({ id: targets.id, municipalityCode: targets.municipalityCode, name: municipalities.name })
    .from(targets)
    .innerJoin(municipalities, eq(municipalities.code, targets.municipalityCode))
    .where(and(isNotNull(targets.municipalityCode), eq(targets.state, "aktiv")))
    .all();
  const statuses = active.length
    ? db.select().from(quarterlyStatuses).where(and(inArray(quarterlyStatuses.targetId, active.map((t) => t.id)), eq(quarterlyStatuses.quarter, quarter))).all()
    : [];
  const byMunicipality = new Map<string, { code: string; name: string; targets: number; joint: number }>();
  for (const t of active) {
    const m = byMunicipality.get(t.municipalityCode!) ?? { code: t.municipalityCode!, name: t.name, targets: 0, joint: 0 };
    m.targets += 1;
    if (isJoint(statuses.find((s) => s.targetId === t.id))) m.joint += 1;
    byMunicipality.set(m.code, m);
  }
  const all = [...byMunicipality.values()].sort((a, b) => a.name.localeCompare(b.name, "da"));
  return {
    quarter,
    withStatus: all.filter((m) => m.joint === m.targets),
    missing: all.filter((m) => m.joint < m.targets),
    targets: listPartnershipTargets(db).map((t) => ({
      id: t.id,
      title: t.title,
      adopted: t.adoptions.length,
      byStatus: Object.fromEntries(COMPUTED_STATUSES.map((s) => [s, t.adoptions.filter((a) => a.computedStatus === s).length])) as Record<ComputedStatus, number>,
    })),
  };
}

export type JointState = "paa-sporet" | "i-risiko" | "bagud" | "naaet" | "mangler";

/**
 * The overview's targets line: each of the municipality's targets with the directors' joint
 * assessment for the quarter, "naaet" when closed as reached, "mangler" without a joint status.
 * Reads no figures (the overview's figure reads stay one statement per table).
 */
export function jointStateOfTargets(db: Db, municipalityCode: string, quarter: string = currentQuarter(db)) {
  // on every visit to the overview: kept until the data change (ADR 35)
  return untilChanged(db, `joint-state|${municipalityCode}|${quarter}`, () => jointStateNow(db, municipalityCode, quarter));
}

function jointStateNow(db: Db, municipalityCode: string, quarter: string) {
  const rows = db
    .select({ id: targets.id, title: targets.title, state: targets.state })
    .from(targets)
    .where(and(eq(targets.municipalityCode, municipalityCode), inArray(targets.state, ["aktiv", "naaet"])))
    .orderBy(asc(targets.id))
    .all();
  const statuses = rows.length
    ? db.select().from(quarterlyStatuses).where(and(inArray(quarterlyStatuses.targetId, rows.map((r) => r.id)), eq(quarterlyStatuses.quarter, quarter))).all()
    : [];
  return {
    quarter,
    targets: rows.map((r) => {
      const s = statuses.find((x) => x.targetId === r.id);
      const state: JointState = r.state === "naaet" ? "naaet" : isJoint(s) && s?.schoolAssessment ? s.schoolAssessment : "mangler";
      return { id: r.id, title: r.title, state };
    }),
  };
}
