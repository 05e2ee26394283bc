/**
 * Issue 20's findings over real HTTP, against the built app (server/app.ts) on a real temporary
 * SQLite file: what an outsider and a signed-in user could do to the server before, and holds now.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getActor } from "~/data/auth.server";
import { ensureDemoReports, ensureDemoTargets } from "../../seeds/demo-targets";
import { createApiToken, ensureDemoAccounts } from "~/data/users.server";
import type { Db } from "../../db/connection";
import { createApp } from "../../server/app";
import { createTestDatabase } from "../support/database";
import { signIn } from "../support/session";

let server: Server;
let base: string;
let db: Db;
let cleanup: () => void;
let logLines: string[] = [];
const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "faelles-retning-hardening-"));
const hasChromium = Boolean(inject("chromium"));

beforeAll(async () => {
  // the upload folder lives under the temporary folder: this file's own, so leftovers are countable
  process.env.TMPDIR = uploadDir;
  // the built server finds its demo secret beside its own default database; one secret for both sides
  process.env.SESSION_SECRET = "hardening-test-secret-hardening-test-secret";
  const t = createTestDatabase();
  ({ db, cleanup } = t);
  await ensureDemoAccounts(db, "faelles-retning-demo");
  ensureDemoTargets(db);
  ensureDemoReports(db);
  const app = await createApp(db, { log: (line: string) => logLines.push(line) });
  server = app.listen(0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server?.close();
  cleanup?.();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

const session = async (role: Parameters<typeof signIn>[1] = "sekretariat", code?: string | null) => {
  const s = await signIn(db, role, code);
  return { ...s, actor: (await getActor(db, s.request("/")))! };
};

/** A raw request, for bodies fetch will not send (a declared length, an abort halfway). */
function raw(opts: { method: string; path: string; headers: Record<string, string | number>; body?: Buffer; abortAfter?: number }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; ms: number }>((resolve, reject) => {
    const started = Date.now();
    const req = http.request(`${base}${opts.path}`, { method: opts.method, headers: opts.headers }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body, ms: Date.now() - started }));
    });
    req.on("error", (e) => (opts.abortAfter ? resolve({ status: 0, headers: {}, body: "", ms: Date.now() - started }) : reject(e)));
    if (opts.abortAfter && opts.body) {
      req.write(opts.body.subarray(0, opts.abortAfter));
      setTimeout(() => req.destroy(), 300);
      return;
    }
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe("1. the redirect after login stays on this site", () => {
  const targets = [
    "/.//evil.example",
    "/%2e//evil.example",
    "/a/..//evil.example",
    "//evil.example",
    "/\\evil.example",
    "https://evil.example/",
  ];
  it.each(targets)("GET with a session and redirectTo=%s goes to a path on this site", async (to) => {
    const s = await session();
    const res = await fetch(`${base}/login?redirectTo=${encodeURIComponent(to)}`, { headers: { Cookie: s.cookie }, redirect: "manual" });
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    expect(location).toMatch(/^\/(?![/\\])/);
    expect(new URL(location, base).origin).toBe(base);
  });
  it.each(targets)("POST with redirectTo=%s goes to a path on this site", async (to) => {
    const s = await session();
    const body = new URLSearchParams({ email: s.user.email, password: "en-lang-test-adgangskode", redirectTo: to });
    const res = await fetch(`${base}/login`, { method: "POST", body, headers: { Origin: base }, redirect: "manual" });
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get("location")!, base).origin).toBe(base);
    expect(res.headers.get("location")).toMatch(/^\/(?![/\\])/);
  });
  it("keeps a real path", async () => {
    const s = await session();
    const res = await fetch(`${base}/login?redirectTo=${encodeURIComponent("/kommuner/849?x=1")}`, {
      headers: { Cookie: s.cookie },
      redirect: "manual",
    });
    expect(res.headers.get("location")).toBe("/kommuner/849?x=1");
  });
});

describe("6. request bodies are limited, before login too", () => {
  it("answers 413 at once to a form body over the limit, and the server keeps answering", async () => {
    const body = Buffer.alloc(5 * 1024 * 1024, "a");
    const res = await raw({
      method: "POST",
      path: "/login",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": body.length, Origin: base },
      body,
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatch(/for stor/);
    expect((await fetch(`${base}/login`)).status).toBe(200);
  });
  it("answers 413 to an upload over the import's own limit", async () => {
    const s = await session();
    const body = Buffer.alloc(25 * 1024 * 1024, "a");
    const res = await raw({
      method: "POST",
      path: "/indlaes",
      headers: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": body.length, Origin: base, Cookie: s.cookie },
      body,
    });
    expect(res.status).toBe(413);
  });
  it("refuses a body without a declared length (411)", async () => {
    const res = await raw({
      method: "POST",
      path: "/login",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked", Origin: base },
      body: Buffer.from("email=a"),
    });
    expect(res.status).toBe(411);
  });
});

describe("9. private pages and the API are never cached", () => {
  it("sends Cache-Control: private, no-store on pages, the API and answers that need a session", async () => {
    const s = await session();
    for (const p of ["/kommuner/849", "/api/v1/indikatorer", "/profil", "/kommuner/849/rapporter/2025K3", "/admin/brugere"]) {
      const res = await fetch(`${base}${p}`, { headers: { Cookie: s.cookie }, redirect: "manual" });
      expect(res.status, p).toBe(200);
      expect(res.headers.get("cache-control"), p).toBe("private, no-store");
    }
    const anonymous = await fetch(`${base}/kommuner/849`, { redirect: "manual" });
    expect(anonymous.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("11. a cross-origin POST with a bearer token", () => {
  it("is refused with 403, on pages and the API", async () => {
    const s = await session();
    const token = createApiToken(db, s.actor, "angreb");
    for (const p of ["/kommuner/849/maal/ny", "/profil", "/api/v1/observationer", "/logout"]) {
      const res = await fetch(`${base}${p}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
        body: "intent=x",
        redirect: "manual",
      });
      expect(res.status, p).toBe(403);
    }
  });
});

describe("8. changing the password", () => {
  it("needs the current password, and ends the account's API tokens and other sessions", async () => {
    const s = await session("skoledirektoer");
    const other = await signIn(db, "skoledirektoer"); // a different account, untouched
    const token = createApiToken(db, s.actor, "script");
    const api = (t: string) => fetch(`${base}/api/v1/indikatorer`, { headers: { Authorization: `Bearer ${t}` } });
    expect((await api(token)).status).toBe(200);
    const post = (fields: Record<string, string>) =>
      fetch(`${base}/profil`, {
        method: "POST",
        headers: { Cookie: s.cookie, Origin: base },
        body: new URLSearchParams({ csrf: s.actor.csrfToken!, intent: "password", ...fields }),
        redirect: "manual",
      });
    const without = await post({ password: "et-helt-nyt-kodeord-1", confirm: "et-helt-nyt-kodeord-1" });
    expect(await without.text()).toMatch(/nuværende adgangskode/);
    const wrong = await post({ current: "forkert-adgangskode-x", password: "et-helt-nyt-kodeord-1", confirm: "et-helt-nyt-kodeord-1" });
    expect(await wrong.text()).toMatch(/nuværende adgangskode er forkert/);
    expect((await api(token)).status).toBe(200); // nothing changed yet
    const ok = await post({ current: "en-lang-test-adgangskode", password: "et-helt-nyt-kodeord-1", confirm: "et-helt-nyt-kodeord-1" });
    expect(ok.status).toBe(200);
    expect((await api(token)).status).toBe(401);
    expect((await fetch(`${base}/profil`, { headers: { Cookie: s.cookie }, redirect: "manual" })).status).toBe(200); // this session stays
    expect((await fetch(`${base}/profil`, { headers: { Cookie: other.cookie }, redirect: "manual" })).status).toBe(200);
  });
});

describe("5. uploads leave nothing on disk", () => {
  const leftovers = () =>
    fs.existsSync(path.join(uploadDir, "faelles-retning-uploads")) ? fs.readdirSync(path.join(uploadDir, "faelles-retning-uploads")) : [];
  const csv = "indikator;kommune;periode;maalgruppe;opdeling;taeller;naevner;vaerdi\nfravaer;849;2021/22;oevrige;;99;1000;\n";
  it("accepts only the one file part and deletes every temporary file", async () => {
    const s = await session();
    const form = new FormData();
    form.set("csrf", s.actor.csrfToken!);
    form.append("ekstra", new File(["x".repeat(100_000)], "a.csv"));
    form.append("fil", new File([csv], "data.csv"));
    form.append("fil", new File(["y".repeat(100_000)], "b.csv"));
    form.append("andet", new File(["z".repeat(100_000)], "c.csv"));
    const res = await fetch(`${base}/indlaes`, {
      method: "POST",
      body: form,
      headers: { Cookie: s.cookie, Origin: base },
      redirect: "manual",
    });
    expect([200, 302, 400]).toContain(res.status);
    expect(leftovers()).toEqual([]);
  });
  it("deletes the part of an aborted upload", async () => {
    const s = await session();
    const boundary = "grænse123";
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${s.actor.csrfToken}\r\n--${boundary}\r\nContent-Disposition: form-data; name="fil"; filename="data.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    );
    const body = Buffer.concat([head, Buffer.alloc(2_000_000, "1;")]);
    await raw({
      method: "POST",
      path: "/indlaes",
      headers: {
        "Content-Type": `multipart/form-data; boundary=${boundary}`,
        "Content-Length": body.length + 100,
        Origin: base,
        Cookie: s.cookie,
      },
      body,
      abortAfter: 1_000_000,
    });
    await new Promise((r) => setTimeout(r, 1000));
    expect(leftovers()).toEqual([]);
  });
});

describe("operations", () => {
  it("GET /healthz answers 200 {status: ok} without a session, and is not logged", async () => {
    logLines = [];
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(logLines.filter((l) => l.includes("healthz"))).toEqual([]);
  });
  it("GET /healthz answers 503 when the database does not answer", async () => {
    const t = createTestDatabase({ demo: false });
    const app = await createApp(t.db, { log: () => undefined });
    const other = app.listen(0);
    try {
      t.db.$client.close();
      const res = await fetch(`http://127.0.0.1:${(other.address() as AddressInfo).port}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "fejl" });
    } finally {
      other.close();
      fs.rmSync(path.dirname(t.file), { recursive: true, force: true });
    }
  });
  it("logs one structured line per request, with the route id and no query values", async () => {
    const s = await session();
    logLines = [];
    const res = await fetch(`${base}/sammenlign?indikator=fp9-deltagelse&kommune=849&hemmelig=0101901234`, {
      headers: { Cookie: s.cookie },
    });
    await res.text();
    await new Promise((r) => setTimeout(r, 50)); // the line is written when the answer has been sent
    expect(logLines.length, logLines.join("\n")).toBeGreaterThan(0);
    const line = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.route === "routes/sammenlign._index");
    expect(line).toMatchObject({ level: "info", method: "GET", status: 200, route: "routes/sammenlign._index" });
    expect(typeof line!.ms).toBe("number");
    expect(typeof line!.time).toBe("string");
    expect(logLines.join("\n")).not.toMatch(/0101901234|fp9-deltagelse/);
  });
});

describe.skipIf(!hasChromium)("4. report PDFs cannot take the server down", () => {
  it("answers 30 parallel requests for a published report with 200, and the second round from the kept PDF", async () => {
    const s = await session("byraad", "849");
    const get = () => fetch(`${base}/kommuner/849/rapporter/2025K3/pdf`, { headers: { Cookie: s.cookie } });
    const first = await Promise.all(Array.from({ length: 30 }, get));
    expect(first.map((r) => r.status)).toEqual(Array(30).fill(200));
    const bodies = await Promise.all(first.map(async (r) => Buffer.from(await r.arrayBuffer())));
    expect(bodies.every((b) => b.subarray(0, 5).toString() === "%PDF-")).toBe(true);
    const kept = db.$client.prepare("select snapshot_hash, created_at from report_pdfs").all();
    expect(kept).toHaveLength(1);
    const started = Date.now();
    const second = await Promise.all(Array.from({ length: 30 }, get));
    expect(second.map((r) => r.status)).toEqual(Array(30).fill(200));
    const again = await Promise.all(second.map(async (r) => Buffer.from(await r.arrayBuffer())));
    expect(again.every((b) => b.equals(bodies[0]))).toBe(true);
    expect(db.$client.prepare("select snapshot_hash, created_at from report_pdfs").all()).toEqual(kept);
    expect(Date.now() - started).toBeLessThan(5000);
  }, 180_000);
});
