/** The audit trail: every mutation writes who, when, what and before/after in its own transaction. */
import { and, desc, eq, gte, like, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { auditLog } from "../../db/schema";

/** A transaction or the database itself: audit entries are written with the change they describe. */
export type Writer = Pick<Db, "insert" | "select" | "update" | "delete">;

export type AuditEntry = {
  actor: { id: number; email: string } | null;
  actorEmail?: string; // for failed logins: the address that was tried
  action: string;
  entity: string;
  entityId?: string | number | null;
  municipalityCode?: string | null;
  before?: unknown;
  after?: unknown;
};

export function audit(w: Writer, e: AuditEntry): void {
  w.insert(auditLog)
    .values({
      at: new Date().toISOString(),
      actorUserId: e.actor?.id ?? null,
      actorEmail: e.actor?.email ?? e.actorEmail ?? null,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId == null ? null : String(e.entityId),
      municipalityCode: e.municipalityCode ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
    })
    .run();
}

export type AuditFilter = { action?: string; actor?: string; from?: string; to?: string; page: number };
export const AUDIT_PAGE_SIZE = 50;

export function listAudit(db: Db, f: AuditFilter) {
  const where: SQL[] = [];
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.actor) where.push(like(auditLog.actorEmail, `%${f.actor.toLowerCase()}%`));
  if (f.from) where.push(gte(auditLog.at, f.from));
  if (f.to) where.push(lte(auditLog.at, `${f.to}T23:59:59.999Z`));
  const cond = where.length ? and(...where) : undefined;
  const total = db.select({ n: sql<number>`count(*)` }).from(auditLog).where(cond).get()?.n ?? 0;
  const rows = db
    .select()
    .from(auditLog)
    .where(cond)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((f.page - 1) * AUDIT_PAGE_SIZE)
    .all();
  const actions = db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action).all().map((r) => r.action);
  return { rows, total, actions };
}
