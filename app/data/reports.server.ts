/**
 * Quarterly reports for the council. Publishing freezes a snapshot of everything the report
 * shows; the page and the PDF render only from that snapshot, so later data loads and edits
 * never alter a published report. A correction is a new version with a reason.
 */
import type { publishSchema } from "../domain/reports/schema";
import { createHash } from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/connection";
import { reportApprovals, reports, users } from "../../db/schema";
import { can, departmentOf } from "../domain/access";
import { DomainError, type ErrorParams } from "../domain/errors";
import { periodKeyOf } from "../domain/periods";
import { confirmedNow, inQuarterWindow, sideWritten } from "../domain/targets/joint";
import { previousQuarter, type ReportSnapshot, type ReportTarget, type StatusPart } from "../domain/reports/report";
import { investmentsForReport } from "./investments.server";
import { audit } from "./audit.server";
import type { Actor } from "./auth.server";
import { findMunicipality, listChallenges, readMeta } from "./catalogue.server";
import { currentQuarter, listTargets, targetDetail, type Side } from "./targets.server";

/** A publication refused as asked: shown in the form, on the field it names. */
export class ReportError extends DomainError {
  constructor(key: string, params: ErrorParams = {}, field?: string) {
    super("invalid", key, params, field);
  }
}

export const quarterParam = z.string().regex(/^\d{4}K[1-4]$/);

/** The report as it would be published now: the municipality's active targets and the quarter's statuses. */
/**
 * The report as it would be published now, as of the quarter: only observations of periods that
 * ended by the quarter's last day, and the previous quarter's published report for "what changed".
 */
export function buildSnapshot(db: Db, municipalityCode: string, quarter: string): ReportSnapshot {
  const municipality = findMunicipality(db, municipalityCode);
  if (!municipality) throw new DomainError("not_found", "errors.unknownMunicipality", { code: municipalityCode });
  const loadedAt = readMeta(db).data_loaded_at ?? null;
  const targets = listTargets(db, municipalityCode, quarter)
    .filter((t) => t.state === "aktiv")
    .map((t): ReportTarget => {
      const d = targetDetail(db, t.id, quarter);
      const s = d.statuses.find((x) => x.quarter === quarter);
      const part = (side: Side): StatusPart | null =>
        s && sideWritten(s, side)
          ? {
              done: s[`${side}Done`] ?? "",
              next: s[`${side}Next`] ?? "",
              risks: s[`${side}Risks`] ?? "",
              assessment: s[`${side}Assessment`] ?? null,
              justification: s[`${side}Justification`] ?? "",
              // the council reads the assessment attributed to the director who confirmed it
              confirmedBy: confirmedNow(s, side) ? userName(db, s[`${side}ConfirmedBy`]) : null,
            }
          : null;
      return {
        id: t.id,
        title: t.title,
        rationale: t.rationale,
        kind: t.kind,
        challenges: t.challenges,
        partnership: d.partnership?.title ?? null,
        indicator: d.indicator && { code: d.indicator.code, nameDa: d.indicator.nameDa, unit: d.indicator.unit, polarity: d.indicator.polarity },
        targetGroup: t.targetGroup,
        baselinePeriod: t.baselinePeriod,
        baselineValue: d.progress.baselineValue,
        targetValue: t.targetValue,
        deadlinePeriod: t.deadlinePeriod,
        computedStatus: d.progress.computedStatus,
        latest: d.progress.latest,
        newest: d.progress.newest,
        unavailable: d.progress.unavailable,
        trend: d.trend,
        milestones: d.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate, done: m.done })),
        owners: { school: d.owners.school?.name ?? null, social: d.owners.social?.name ?? null },
        status: s ? { joint: s.joint, school: part("school"), social: part("social") } : null,
      };
    });
  return {
    municipality: { code: municipality.code, name: municipality.name },
    quarter,
    dataLoadedAt: loadedAt,
    challenges: listChallenges(db).map(({ number, shortTitle }) => ({ number, shortTitle })),
    targets,
    investments: investmentsForReport(db, municipalityCode),
    previous: previousOf(db, municipalityCode, quarter),
  };
}

function userName(db: Db, id: number | null): string | null {
  return id === null ? null : (db.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? null);
}

function previousOf(db: Db, municipalityCode: string, quarter: string): ReportSnapshot["previous"] {
  const prev = previousQuarter(quarter);
  const report = prev ? findReport(db, municipalityCode, prev) : undefined;
  return report ? { quarter: report.quarter, version: report.version, targets: report.snapshot.targets.map((t) => ({ id: t.id, title: t.title, computedStatus: t.computedStatus })) } : null;
}

export function hashSnapshot(snapshot: ReportSnapshot): string {
  return createHash("sha256").update(JSON.stringify(snapshot)).digest("hex");
}

export type PublishedReport = Omit<typeof reports.$inferSelect, "snapshot"> & { snapshot: ReportSnapshot };

/**
 * A stored report as rendered. The hash of what is rendered from is recomputed on every read; a
 * report whose snapshot no longer matches its published hash is refused and logged, never shown.
 */
function parse(row: typeof reports.$inferSelect): PublishedReport {
  let snapshot: ReportSnapshot | null = null;
  try {
    snapshot = JSON.parse(row.snapshot) as ReportSnapshot;
  } catch {
    snapshot = null;
  }
  if (!snapshot || hashSnapshot(snapshot) !== row.contentHash) {
    console.error(`report integrity: ${row.municipalityCode}/${row.quarter} version ${row.version} does not match its SHA-256 ${row.contentHash}; refused`);
    throw new DomainError("conflict", "trust.report.tampered", { quarter: row.quarter, version: row.version });
  }
  return { ...row, snapshot };
}

/** Published reports of a municipality, newest quarter first, each with its versions (newest first). */
export function listReports(db: Db, municipalityCode: string) {
  const rows = db
    .select({ quarter: reports.quarter, version: reports.version, publishedAt: reports.publishedAt, reason: reports.reason, listsMissing: reports.listsMissing, contentHash: reports.contentHash })
    .from(reports)
    .where(eq(reports.municipalityCode, municipalityCode))
    .orderBy(desc(reports.version))
    .all();
  const quarters = [...new Set(rows.map((r) => r.quarter))].sort((a, b) => periodKeyOf(b) - periodKeyOf(a));
  return quarters.map((quarter) => ({ quarter, versions: rows.filter((r) => r.quarter === quarter) }));
}

/** A published report: the newest version of the quarter, or the asked-for one. */
export function findReport(db: Db, municipalityCode: string, quarter: string, version?: number): PublishedReport | undefined {
  const where = and(eq(reports.municipalityCode, municipalityCode), eq(reports.quarter, quarter), version ? eq(reports.version, version) : undefined);
  const row = db.select().from(reports).where(where).orderBy(desc(reports.version)).get();
  return row ? parse(row) : undefined;
}

export function newestVersion(db: Db, municipalityCode: string, quarter: string): number {
  return db.select({ v: reports.version }).from(reports).where(and(eq(reports.municipalityCode, municipalityCode), eq(reports.quarter, quarter))).orderBy(desc(reports.version)).get()?.v ?? 0;
}

/**
 * Whether a draft of the quarter may be made and published: the current and the previous
 * quarter, or any quarter already published (a correction).
 */
export function draftAllowed(db: Db, municipalityCode: string, quarter: string): boolean {
  const current = currentQuarter(db);
  return inQuarterWindow(quarter, current, previousQuarter(current)) || newestVersion(db, municipalityCode, quarter) > 0;
}


export function approvalsFor(db: Db, municipalityCode: string, quarter: string) {
  return db.select().from(reportApprovals).where(and(eq(reportApprovals.municipalityCode, municipalityCode), eq(reportApprovals.quarter, quarter))).orderBy(asc(reportApprovals.side)).all();
}

/**
 * Publishes (the secretariat) or approves (a director) the draft of a quarter. The report is
 * published when both departments have approved the same content with the same choice about
 * missing statuses; the approval of a draft that has changed since no longer counts.
 */
export function publishOrApprove(
  db: Db,
  actor: Actor,
  municipalityCode: string,
  quarter: string,
  input: z.output<typeof publishSchema>,
): { published: PublishedReport | null; approvedBy: Side | null } {
  const side: Side | null = can(actor, { kind: "write-targets", municipality: municipalityCode }) ? departmentOf(actor.role) : null;
  if (!side && actor.role !== "sekretariat") throw new DomainError("forbidden", "reportErrors.forbidden");
  if (periodKeyOf(quarter) > periodKeyOf(currentQuarter(db))) throw new ReportError("reportErrors.notBegun", { quarter });
  if (!draftAllowed(db, municipalityCode, quarter)) throw new DomainError("invalid", "trust.report.outsideWindow", { quarter });
  const snapshot = buildSnapshot(db, municipalityCode, quarter);
  const hash = hashSnapshot(snapshot);
  if (input.contentHash !== hash) throw new ReportError("reportErrors.changed");
  const missing = snapshot.targets.filter((t) => !t.status?.joint);
  const listsMissing = input.listMissing === "ja";
  if (missing.length > 0 && !listsMissing) {
    throw new ReportError("reportErrors.missingStatus", { count: missing.length, quarter }, "listMissing");
  }
  const version = newestVersion(db, municipalityCode, quarter) + 1;
  if (version > 1 && !input.reason) throw new ReportError("reportErrors.correctionReason", { quarter }, "reason");
  const now = new Date().toISOString();
  return db.transaction((tx) => {
    if (side) {
      tx.delete(reportApprovals).where(and(eq(reportApprovals.municipalityCode, municipalityCode), eq(reportApprovals.quarter, quarter), eq(reportApprovals.side, side))).run();
      tx.insert(reportApprovals).values({ municipalityCode, quarter, side, contentHash: hash, listsMissing: missing.length > 0 && listsMissing, reason: input.reason || null, userId: actor.id, at: now }).run();
      audit(tx, { actor, action: "report.approve", entity: "report", entityId: `${municipalityCode}/${quarter}`, municipalityCode, after: { side, contentHash: hash, listsMissing } });
      const other = tx
        .select()
        .from(reportApprovals)
        .where(and(eq(reportApprovals.municipalityCode, municipalityCode), eq(reportApprovals.quarter, quarter), eq(reportApprovals.side, side === "school" ? "social" : "school")))
        .get();
      if (!other || other.contentHash !== hash || other.listsMissing !== (missing.length > 0 && listsMissing)) return { published: null, approvedBy: side };
    }
    const row = tx
      .insert(reports)
      .values({ municipalityCode, quarter, version, snapshot: JSON.stringify(snapshot), contentHash: hash, reason: input.reason || null, listsMissing: missing.length > 0, publishedAt: now, publishedBy: actor.id })
      .returning()
      .get();
    tx.delete(reportApprovals).where(and(eq(reportApprovals.municipalityCode, municipalityCode), eq(reportApprovals.quarter, quarter))).run();
    audit(tx, { actor, action: "report.publish", entity: "report", entityId: `${municipalityCode}/${quarter}/${version}`, municipalityCode, after: { version, contentHash: hash, reason: input.reason || null, missing: missing.length } });
    return { published: parse(row), approvedBy: side };
  });
}
