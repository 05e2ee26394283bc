/**
 * The read API over real HTTP through the built server's own app (server/app.ts), which calls the
 * API's resource-route loaders without Remix's request handler (ADR 0015): the same answers,
 * the guard's 401 and 400s, anything else under /api/v1 on to Remix, and an unexpected failure
 * as a Danish JSON error that reveals nothing.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getActor } from "~/data/auth.server";
import { createApiToken } from "~/data/users.server";
import { createApp } from "../../server/app";
import { createTestDatabase } from "../support/database";
import { signIn } from "../support/session";

let server: Server;
let base: string;
let token: string;
let cleanup: () => void;
let closeDb: () => void;

beforeAll(async () => {
  const t = createTestDatabase();
  cleanup = t.cleanup;
  closeDb = () => t.db.$client.close();
  const session = await signIn(t.db, "sekretariat");
  token = createApiToken(t.db, (await getActor(t.db, session.request("/")))!, "test");
  const app = await createApp(t.db);
  server = app.listen(0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server?.close();
  try {
    cleanup?.();
  } catch {
    // the last test closes the connection itself
  }
});

const get = (path: string, auth = true) => fetch(`${base}${path}`, { headers: auth ? { Authorization: `Bearer ${token}` } : {} });

describe("the read API over HTTP", () => {
  it("answers with the figures, as JSON", async () => {
    const res = await get("/api/v1/observationer?indikator=fp9-deltagelse&kommune=849&maalgruppe=alle");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const rows = (await res.json()) as { indikator: string; kommune: string; maalgruppe: string }[];
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => r.indikator === "fp9-deltagelse" && r.kommune === "849" && r.maalgruppe === "alle")).toBe(true);
    const catalogue = (await (await get("/api/v1/indikatorer")).json()) as { kode: string }[];
    expect(catalogue.map((i) => i.kode)).toContain("fp9-deltagelse");
  });

  it("gives the guard's 401 without credentials and a Danish 400 for a bad query", async () => {
    const anonymous = await get("/api/v1/observationer?indikator=fp9-deltagelse&kommune=849", false);
    expect(anonymous.status).toBe(401);
    const bad = await get("/api/v1/observationer?indikator=findes-ikke");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fejl: string }).fejl).toContain("findes-ikke");
  });

  it("leaves paths that are not an API route to Remix", async () => {
    const res = await get("/api/v1/findes-ikke");
    expect(res.status).toBe(404);
  });

  it("answers an unexpected failure with a Danish JSON error and no details", async () => {
    closeDb(); // every read now throws inside the loader
    const res = await get("/api/v1/observationer?indikator=fp9-deltagelse&kommune=849");
    expect(res.status).toBe(500);
    const body = (await res.json()) as { fejl: string };
    expect(body.fejl).toMatch(/uventet fejl/);
    expect(JSON.stringify(body)).not.toMatch(/database|sqlite|stack/i);
  });
});
