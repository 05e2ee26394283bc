/**
 * Users, password resets and API tokens. Every change is validated by the caller's zod schema,
 * authorised by the caller's guard, and written here in one transaction with its audit entry.
 */
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { apiTokens, passwordResets, sessions, users } from "../../db/schema";
import type { Role } from "../domain/access";
import { DomainError, invariant } from "../domain/errors";
import { audit } from "./audit.server";
import { hashPassword, verifyPassword, randomToken, sha256, type Actor, type User } from "./auth.server";
import type { NewUser } from "../domain/accounts";

const RESET_HOURS = 72;
const nowIso = () => new Date().toISOString();
const publicUser = { id: users.id, email: users.email, name: users.name, role: users.role, municipalityCode: users.municipalityCode, active: users.active };


/** A user change that clashes with what is there (an e-mail in use, deactivating oneself). */
export class ConflictError extends DomainError {
  constructor(key: string) {
    super("conflict", key);
  }
}

export function listUsers(db: Db) {
  return db.select(publicUser).from(users).orderBy(asc(users.email)).all();
}

export function findUser(db: Db, id: number) {
  return db.select(publicUser).from(users).where(eq(users.id, id)).get();
}

/** Creates a user with a password (the CLI and demo accounts) or without one (admin: a reset link follows). */
export async function createUser(db: Db, actor: Pick<Actor, "id" | "email"> | null, input: NewUser, password?: string): Promise<User> {
  const passwordHash = await hashPassword(password ?? randomToken(32));
  return db.transaction((tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) {
      throw new ConflictError("userErrors.emailTaken");
    }
    const now = nowIso();
    const created = tx
      .insert(users)
      .values({ ...input, passwordHash, active: true, createdAt: now, updatedAt: now })
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role, municipalityCode: users.municipalityCode })
      .get();
    audit(tx, { actor, action: "user.create", entity: "user", entityId: created.id, municipalityCode: created.municipalityCode, after: { ...created } });
    return created;
  });
}

export function setUserActive(db: Db, actor: Actor, userId: number, active: boolean): void {
  db.transaction((tx) => {
    const before = tx.select(publicUser).from(users).where(eq(users.id, userId)).get();
    invariant(before, "not_found", "userErrors.notFound");
    if (before.id === actor.id && !active) throw new ConflictError("userErrors.selfDeactivate");
    tx.update(users).set({ active, updatedAt: nowIso() }).where(eq(users.id, userId)).run();
    // deactivation ends every live session and token at once
    if (!active) {
      tx.delete(sessions).where(eq(sessions.userId, userId)).run();
      tx.update(apiTokens).set({ revokedAt: nowIso() }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))).run();
    }
    audit(tx, { actor, action: active ? "user.activate" : "user.deactivate", entity: "user", entityId: userId, municipalityCode: before.municipalityCode, before: { active: before.active }, after: { active } });
  });
}

/** A one-time link for a new password; the token is shown once and stored only as a hash. */
export function createPasswordReset(db: Db, actor: Actor, userId: number): string {
  const token = randomToken(32);
  db.transaction((tx) => {
    const user = tx.select(publicUser).from(users).where(eq(users.id, userId)).get();
    invariant(user, "not_found", "userErrors.notFound");
    tx.insert(passwordResets)
      .values({ tokenHash: sha256(token), userId, createdByUserId: actor.id, expiresAt: new Date(Date.now() + RESET_HOURS * 3600_000).toISOString() })
      .run();
    audit(tx, { actor, action: "user.password-reset-link", entity: "user", entityId: userId, municipalityCode: user.municipalityCode });
  });
  return token;
}

export function findPasswordReset(db: Db, token: string) {
  const row = db
    .select({ userId: passwordResets.userId, expiresAt: passwordResets.expiresAt, usedAt: passwordResets.usedAt, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, sha256(token)))
    .get();
  if (!row || row.usedAt || Date.parse(row.expiresAt) < Date.now()) return null;
  return row;
}

export async function redeemPasswordReset(db: Db, token: string, password: string): Promise<boolean> {
  const reset = findPasswordReset(db, token);
  if (!reset) return false;
  const passwordHash = await hashPassword(password);
  return db.transaction((tx) => {
    // used once: a second request with the same link finds it used
    const updated = tx.update(passwordResets).set({ usedAt: nowIso() }).where(and(eq(passwordResets.tokenHash, sha256(token)), isNull(passwordResets.usedAt))).run();
    if (updated.changes !== 1) return false;
    tx.update(users).set({ passwordHash, updatedAt: nowIso() }).where(eq(users.id, reset.userId)).run();
    tx.delete(sessions).where(eq(sessions.userId, reset.userId)).run();
    audit(tx, { actor: { id: reset.userId, email: reset.email }, action: "user.password-set", entity: "user", entityId: reset.userId });
    return true;
  });
}

/**
 * Changes the password once the current one is given: someone at an unlocked screen cannot take
 * the account over. Returns false, changing nothing, when the current password is wrong.
 */
export async function changePassword(db: Db, actor: Actor, current: string, password: string): Promise<boolean> {
  const stored = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id)).get();
  if (!stored?.passwordHash || !(await verifyPassword(stored.passwordHash, current))) return false;
  const passwordHash = await hashPassword(password);
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash, updatedAt: nowIso() }).where(eq(users.id, actor.id)).run();
    // a new password ends every other session of the account, and its API tokens; this session stays
    tx.delete(sessions).where(and(eq(sessions.userId, actor.id), ne(sessions.idHash, actor.sessionHash ?? ""))).run();
    tx.update(apiTokens).set({ revokedAt: nowIso() }).where(and(eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt))).run();
    audit(tx, { actor, action: "user.password-change", entity: "user", entityId: actor.id });
  });
  return true;
}

export function listApiTokens(db: Db, userId: number) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(asc(apiTokens.id))
    .all();
}

/** Creates a personal API token; the token is returned once and stored only as a hash. */
export function createApiToken(db: Db, actor: Actor, name: string): string {
  const token = `fr_${randomToken(32)}`;
  db.transaction((tx) => {
    const created = tx.insert(apiTokens).values({ userId: actor.id, name, tokenHash: sha256(token), createdAt: nowIso() }).returning({ id: apiTokens.id }).get();
    audit(tx, { actor, action: "api-token.create", entity: "api-token", entityId: created.id, after: { name } });
  });
  return token;
}

export function revokeApiToken(db: Db, actor: Actor, tokenId: number): void {
  db.transaction((tx) => {
    const row = tx.select().from(apiTokens).where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.id))).get();
    invariant(row, "not_found", "userErrors.tokenNotFound");
    tx.update(apiTokens).set({ revokedAt: nowIso() }).where(eq(apiTokens.id, tokenId)).run();
    audit(tx, { actor, action: "api-token.revoke", entity: "api-token", entityId: tokenId, before: { name: row.name } });
  });
}

export const DEMO_MUNICIPALITIES = ["849", "167", "580"];
export const DEMO_ROLE_PREFIX: Record<Exclude<Role, "sekretariat">, string> = { skoledirektoer: "skole", socialdirektoer: "social", byraad: "byraad" };

/** One account per role for Jammerbugt, Hvidovre and Aabenraa plus the secretariat, in an empty demo database. */
export async function ensureDemoAccounts(db: Db, password: string): Promise<{ email: string; role: Role; municipalityCode: string | null }[]> {
  const wanted: NewUser[] = [
    { email: "sekretariat@demo.dk", name: "Sekretariatet (demo)", role: "sekretariat", municipalityCode: null },
    ...DEMO_MUNICIPALITIES.flatMap((code) =>
      (Object.keys(DEMO_ROLE_PREFIX) as (keyof typeof DEMO_ROLE_PREFIX)[]).map((role) => ({
        email: `${DEMO_ROLE_PREFIX[role]}.${code}@demo.dk`,
        name: `${{ skoledirektoer: "Skoledirektør", socialdirektoer: "Socialdirektør", byraad: "Byrådsmedlem" }[role]} ${code} (demo)`,
        role,
        municipalityCode: code,
      })),
    ),
  ];
  for (const u of wanted) {
    if (!db.select({ id: users.id }).from(users).where(eq(users.email, u.email)).get()) await createUser(db, null, u, password);
  }
  return wanted.map(({ email, role, municipalityCode }) => ({ email, role, municipalityCode }));
}
