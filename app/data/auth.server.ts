/**
 * Accounts, sessions and the one access guard. Loaders and actions call `requireActor` and then
 * `requirePermission`; the policy itself is the pure `can` in domain/access.ts.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { hash as argonHash, verify as argonVerify } from "@node-rs/argon2";
import { createCookie } from "@remix-run/node";
import { eq, lt, or } from "drizzle-orm";
import { databasePath, prepared, type Db } from "../../db/connection";
import { apiTokens, loginThrottle, sessions, users } from "../../db/schema";
import { can, type Permission, type Role } from "../domain/access";
import { DomainError, invariant } from "../domain/errors";
import { audit } from "./audit.server";

export type User = { id: number; email: string; name: string; role: Role; municipalityCode: string | null };
export type Actor = User & { via: "session" | "token"; csrfToken: string | null; sessionHash?: string };

const IDLE_MINUTES = Number(process.env.SESSION_IDLE_MINUTES ?? 120);
const MAX_SESSION_HOURS = 12;
const THROTTLE_FREE_FAILURES = 5;
/** An address that keeps failing waits up to 15 minutes: the stricter limit, on the attacker. */
const THROTTLE_MAX_SECONDS = { adresse: 15 * 60, konto: 60 } as const;
/** Failures older than this start a new episode (counted, and audited, afresh). */
const THROTTLE_EPISODE_MS = 24 * 3600_000;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const token = (bytes = 32) => randomBytes(bytes).toString("base64url");
const nowIso = () => new Date().toISOString();

export const hashPassword = (password: string) => argonHash(password); // argon2id with OWASP's parameters
export const verifyPassword = (hash: string, password: string) => argonVerify(hash, password).catch(() => false);
// Verifying against a real hash when the account does not exist keeps the time the same, so timing reveals nothing.
let dummyHash: Promise<string> | undefined;
const unknownAccountHash = () => (dummyHash ??= argonHash(token(16)));

let secrets: string[] | undefined;
/** SESSION_SECRET, or in demo mode a generated secret kept beside the database. */
export function sessionSecrets(): string[] {
  if (secrets) return secrets;
  if (process.env.SESSION_SECRET) return (secrets = process.env.SESSION_SECRET.split(","));
  const demo = process.env.DEMO === "1" || process.env.NODE_ENV !== "production";
  if (!demo) throw new Error("SESSION_SECRET must be set when the product runs in production.");
  const file = path.join(path.dirname(databasePath()), "session-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, token(48), { mode: 0o600 });
  }
  return (secrets = [fs.readFileSync(file, "utf8").trim()]);
}

function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("X-Forwarded-Proto") === "https";
}

function sessionCookie(request: Request) {
  return createCookie("fr_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: isHttps(request),
    path: "/",
    secrets: sessionSecrets(),
  });
}

/** Starts a session and returns the Set-Cookie header. */
export async function startSession(db: Db, request: Request, userId: number): Promise<string> {
  const id = token();
  const now = new Date();
  db.insert(sessions)
    .values({
      idHash: sha256(id),
      userId,
      csrfToken: token(24),
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + MAX_SESSION_HOURS * 3600_000).toISOString(),
    })
    .run();
  // expired sessions are cleared when someone logs in, so the table does not grow
  db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())).run();
  return sessionCookie(request).serialize(id);
}

export async function endSession(db: Db, request: Request): Promise<string> {
  const id = await sessionId(request);
  if (id) db.delete(sessions).where(eq(sessions.idHash, sha256(id))).run();
  return sessionCookie(request).serialize("", { maxAge: 0 });
}

async function sessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie(request).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value ? value : null;
}

const userColumns = { id: users.id, email: users.email, name: users.name, role: users.role, municipalityCode: users.municipalityCode };

/** The person behind a request: an API token (Authorization: Bearer) or the session cookie. */
export async function getActor(db: Db, request: Request): Promise<Actor | null> {
  const auth = request.headers.get("Authorization");
  // a personal token reads the API; it never opens pages or posts forms in the user's name
  if (auth?.startsWith("Bearer ") && new URL(request.url).pathname.startsWith("/api/")) {
    const row = prepared(
      db,
      `select u.id, u.email, u.name, u.role, u.municipality_code as municipalityCode, t.id as tokenId, t.last_used_at as lastUsedAt
       from api_tokens t join users u on u.id = t.user_id where t.token_hash = ? and t.revoked_at is null and u.active = 1`,
    ).get(sha256(auth.slice(7).trim())) as (User & { tokenId: number; lastUsedAt: string | null }) | undefined;
    if (!row) return null;
    // like a session's last visit, written at most once a minute: a write per API call would cap throughput
    if (!row.lastUsedAt || Date.now() - Date.parse(row.lastUsedAt) > 60_000) db.update(apiTokens).set({ lastUsedAt: nowIso() }).where(eq(apiTokens.id, row.tokenId)).run();
    const { tokenId: _tokenId, lastUsedAt: _lastUsedAt, ...user } = row;
    return { ...user, via: "token", csrfToken: null };
  }
  const id = await sessionId(request);
  if (!id) return null;
  const row = prepared(
    db,
    `select u.id, u.email, u.name, u.role, u.municipality_code as municipalityCode, s.csrf_token as csrfToken, s.last_seen_at as lastSeenAt, s.expires_at as expiresAt
     from sessions s join users u on u.id = s.user_id where s.id_hash = ? and u.active = 1`,
  ).get(sha256(id)) as (User & { csrfToken: string; lastSeenAt: string; expiresAt: string }) | undefined;
  if (!row) return null;
  const now = Date.now();
  if (Date.parse(row.expiresAt) < now || Date.parse(row.lastSeenAt) + IDLE_MINUTES * 60_000 < now) {
    db.delete(sessions).where(eq(sessions.idHash, sha256(id))).run();
    return null;
  }
  // sliding idle expiry, written at most once a minute
  if (now - Date.parse(row.lastSeenAt) > 60_000) db.update(sessions).set({ lastSeenAt: new Date(now).toISOString() }).where(eq(sessions.idHash, sha256(id))).run();
  const { lastSeenAt: _l, expiresAt: _e, ...actor } = row;
  return { ...actor, via: "session", sessionHash: sha256(id) };
}

/** The guard: no actor, no page (the edge sends pages to the login and answers the API 401). */
export async function requireActor(db: Db, request: Request): Promise<Actor> {
  const actor = await getActor(db, request);
  if (actor) return actor;
  throw new DomainError("unauthenticated", "errors.signIn");
}

export function requirePermission(actor: Actor, permission: Permission): void {
  invariant(can(actor, permission), "forbidden", "errors.forbidden");
}

/** A mutation from a form: the session's token must come back with it (the origin is checked in the server). */
export function requireCsrf(actor: Actor, form: FormData): void {
  if (actor.via === "token") return; // a bearer token is never sent by a browser on its own
  const sent = form.get("csrf");
  const ok =
    typeof sent === "string" &&
    actor.csrfToken !== null &&
    sent.length === actor.csrfToken.length &&
    timingSafeEqual(Buffer.from(sent), Buffer.from(actor.csrfToken));
  invariant(ok, "forbidden", "errors.formExpired");
}

/**
 * The wait after a failure. An account's wait never passes a minute, so someone failing on
 * purpose from elsewhere can slow its owner down but never lock them out; the address that
 * fails waits up to 15 minutes.
 */
function lockSeconds(key: string, failures: number): number {
  const max = key.startsWith("konto:") ? THROTTLE_MAX_SECONDS.konto : THROTTLE_MAX_SECONDS.adresse;
  return failures < THROTTLE_FREE_FAILURES ? 0 : Math.min(2 ** (failures - THROTTLE_FREE_FAILURES), max);
}

export type LoginResult = { ok: true; user: User } | { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks a login. Failures count per account and per address; after 5, each further attempt
 * waits twice as long (1 s, 2 s, 4 s …), up to a minute for the account and 15 minutes for the
 * address. The answer never tells whether the account exists.
 */
export async function attemptLogin(db: Db, input: { email: string; password: string; address: string }): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const keys = [`konto:${email}`, `adresse:${input.address}`] as const;
  // Attempts on the same account or from the same address run one at a time, so attempts that
  // arrive together cannot all read the same counter: each is counted, or refused by the lock.
  return serialised(keys[0], () => serialised(keys[1], () => checkLogin(db, email, input.password, keys)));
}

async function checkLogin(db: Db, email: string, password: string, keys: readonly [string, string]): Promise<LoginResult> {
  const rows = keys.map((k) => db.select().from(loginThrottle).where(eq(loginThrottle.key, k)).get());
  const lockedUntil = Math.max(0, ...rows.map((r) => (r?.lockedUntil ? Date.parse(r.lockedUntil) : 0)));
  if (lockedUntil > Date.now()) {
    // refused without a password check and without an audit row: the episode was audited when it began
    return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil((lockedUntil - Date.now()) / 1000) };
  }
  const user = db.select({ ...userColumns, passwordHash: users.passwordHash, active: users.active }).from(users).where(eq(users.email, email)).get();
  const valid = await argonVerify(user?.passwordHash ?? (await unknownAccountHash()), password).catch(() => false);
  if (user && user.active && valid) {
    db.transaction((tx) => {
      tx.delete(loginThrottle).where(or(eq(loginThrottle.key, keys[0]), eq(loginThrottle.key, keys[1]))).run();
      audit(tx, { actor: user, action: "login", entity: "user", entityId: user.id, municipalityCode: user.municipalityCode });
    });
    const { passwordHash: _p, active: _a, ...rest } = user;
    return { ok: true, user: rest };
  }
  // Counted from the row as it is now, not as read before the password check: with more than one
  // server process (WEB_CONCURRENCY) another may have counted a failure in the meantime. Immediate,
  // so that the read and the write are one step for every process.
  db.transaction(
    (tx) => {
      let episodeBegins = false;
      for (const key of keys) {
        const row = tx.select({ failures: loginThrottle.failures, updatedAt: loginThrottle.updatedAt }).from(loginThrottle).where(eq(loginThrottle.key, key)).get();
        const earlier = row && Date.now() - Date.parse(row.updatedAt) < THROTTLE_EPISODE_MS ? row.failures : 0;
        const failures = earlier + 1;
        const wait = lockSeconds(key, failures);
        if (failures === THROTTLE_FREE_FAILURES) episodeBegins = true;
        const values = { failures, lockedUntil: wait ? new Date(Date.now() + wait * 1000).toISOString() : null, updatedAt: nowIso() };
        tx.insert(loginThrottle).values({ key, ...values }).onConflictDoUpdate({ target: loginThrottle.key, set: values }).run();
      }
      audit(tx, { actor: null, actorEmail: email, action: "login.failed", entity: "user", entityId: user?.id ?? null });
      // one row per throttling episode, not one per refused attempt
      if (episodeBegins) audit(tx, { actor: null, actorEmail: email, action: "login.throttled", entity: "user", entityId: user?.id ?? null });
    },
    { behavior: "immediate" },
  );
  return { ok: false, reason: "invalid" };
}

// One queue per key in this process. Keys are always taken account first, then address, so two
// attempts never wait for each other in a cycle. Across server processes the count itself is exact
// (see checkLogin); what a queue cannot do is hold back an attempt in another process while a lock
// is being set, so with N processes at most N − 1 more passwords can be checked as a lock begins.
const queues = new Map<string, Promise<unknown>>();
function serialised<T>(key: string, run: () => Promise<T>): Promise<T> {
  const result = (queues.get(key) ?? Promise.resolve()).then(run, run);
  const tail = result.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return result;
}

/** Only same-site paths: a redirect after login never leaves the product. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  // browsers drop tabs and newlines and read backslashes as slashes ("/\t/evil" is "//evil"), so
  // resolve the value the way a browser would and keep only a path on our own host
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
  if (typeof to !== "string" || !to.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  const base = "http://faelles-retning.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  // "/.//evil", "/%2e//evil" and "/a/..//evil" resolve to the path "//evil", which a browser reads as another host
  if (url.origin !== base || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

export { sha256, token as randomToken };
