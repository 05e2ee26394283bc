import { INDICATORS } from "~/domain/catalogue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as catalogueLoaderAsWritten } from "~/routes/api.v1.indikatorer";
import { loader as observationsLoaderAsWritten } from "~/routes/api.v1.observationer";
import type { Db } from "../../db/connection";
import { createTestDatabase } from "../support/database";
import { signIn } from "../support/session";
import { edge } from "~/http/edge.server";

// the routes as the server runs them: behind the edge that turns DomainErrors into responses
const catalogueLoader = edge(catalogueLoaderAsWritten);
const observationsLoader = edge(observationsLoaderAsWritten);

let db: Db;
let cleanup: () => void;
let session: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  ({ db, cleanup } = createTestDatabase());
  session = await signIn(db, "sekretariat");
});
afterAll(() => cleanup());

async function get(loader: typeof observationsLoader, query: string, as = session) {
  // a refusal is thrown by the route and sent as it is, like Remix does for resource routes
  const res = (await loader({ request: as.request(`/api/v1/x${query}`), params: {}, context: as.context }).catch((e: unknown) => {
    if (e instanceof Response) return e;
    throw e;
  })) as Response;
  return { status: res.status, body: await res.json() };
}

describe("GET /api/v1/indikatorer", () => {
  it("lists the whole catalogue with challenges", async () => {
    const { status, body } = await get(catalogueLoader as typeof observationsLoader, "");
    expect(status).toBe(200);
    expect(body).toHaveLength(INDICATORS.length);
    // seed 001's FSA completion and seed 000's exam participation are two measures, each with its own source
    const fsa = body.find((i: { kode: string }) => i.kode === "fsa-gennemfoert");
    expect(fsa.kilde).toMatch(/001/);
    const fp9 = body.find((i: { kode: string }) => i.kode === "fp9-deltagelse");
    expect(fp9).toMatchObject({ enhed: "percent", retning: "higher", omraade: "school", kadence: "school_year" });
    expect(fp9.udfordringer).toContain(2);
  });
});

describe("GET /api/v1/observationer", () => {
  it("gives seed 000's national 2023/24 exam participation per target group, with udsatte as the union", async () => {
    const { status, body } = await get(observationsLoader, "?indikator=fp9-deltagelse&kommune=hele-landet&periode=2023/24");
    expect(status).toBe(200);
    const of = (g: string) => body.find((r: { maalgruppe: string }) => r.maalgruppe === g);
    for (const [g, pct, n] of [
      ["udsatte", 56, 5520],
      ["anbragte", 48, 1227],
      ["forebyggende", 57, 4930],
      ["oevrige", 92, 64185],
    ] as const) {
      expect(Math.abs(of(g).vaerdi - pct), g).toBeLessThanOrEqual(1);
      expect(Math.abs(of(g).naevner - n) / n, g).toBeLessThanOrEqual(0.02);
    }
    expect(of("udsatte").naevner).toBeLessThan(of("anbragte").naevner + of("forebyggende").naevner);
    expect(of("alle").naevner).toBe(of("udsatte").naevner + of("oevrige").naevner);
  });

  it("gives a region's aggregate as region-<code>, as the overview shows it beside the nation (issue 24)", async () => {
    const { status, body } = await get(observationsLoader, "?indikator=fp9-deltagelse&kommune=region-1081&periode=2023/24&maalgruppe=alle");
    expect(status).toBe(200);
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({ kommune: "region-1081", periode: "2023/24", maalgruppe: "alle" });
    expect(body[0].naevner).toBeGreaterThan(1000);
    const unknown = await get(observationsLoader, "?indikator=fp9-deltagelse&kommune=region-9999");
    expect(unknown.status).toBe(400);
  });

  it("gives national 2023/24 exam participation for anbragte within 1 pp of 48 %", async () => {
    const { status, body } = await get(
      observationsLoader,
      "?indikator=fp9-deltagelse&kommune=hele-landet&periode=2023/24&maalgruppe=anbragte",
    );
    expect(status).toBe(200);
    expect(body).toHaveLength(1);
    const row = body[0];
    expect(row).toMatchObject({
      indikator: "fp9-deltagelse",
      kommune: "hele-landet",
      periode: "2023/24",
      maalgruppe: "anbragte",
      opdeling: null,
    });
    expect(Math.abs(row.vaerdi - 48)).toBeLessThanOrEqual(1);
    expect(row.vaerdi).toBeCloseTo((100 * row.taeller) / row.naevner, 1);
    expect(Math.abs(row.naevner - 1227) / 1227).toBeLessThan(0.03);
  });

  it("gives all 98 municipalities by default; the national row is computed from all raw counts, hidden ones too", async () => {
    const all = await get(observationsLoader, "?indikator=fp9-deltagelse&periode=2023/24&maalgruppe=anbragte");
    expect(all.body).toHaveLength(98);
    const nation = await get(observationsLoader, "?indikator=fp9-deltagelse&kommune=hele-landet&periode=2023/24&maalgruppe=anbragte");
    type R = { taeller: number | null; naevner: number | null; undertrykt: boolean };
    const shown = all.body.filter((r: R) => !r.undertrykt);
    const hidden = all.body.filter((r: R) => r.undertrykt);
    const sum = (k: "taeller" | "naevner") => shown.reduce((s: number, r: R) => s + (r[k] ?? 0), 0);
    expect(nation.body[0].undertrykt).toBe(false);
    // small municipalities are hidden, and never just one: the nation minus the rest would reveal it
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(nation.body[0].naevner - sum("naevner")).toBeGreaterThan(0);
    for (const r of hidden) expect(r).toMatchObject({ taeller: null, naevner: null, vaerdi: null });
  });

  it("returns one municipality's series across periods and groups", async () => {
    const { body } = await get(observationsLoader, "?indikator=fp9-deltagelse&kommune=849");
    expect(body.every((r: { kommune: string }) => r.kommune === "849")).toBe(true);
    expect(new Set(body.map((r: { periode: string }) => r.periode)).size).toBe(10);
    expect(new Set(body.map((r: { maalgruppe: string }) => r.maalgruppe))).toEqual(
      new Set(["anbragte", "forebyggende", "udsatte", "oevrige", "alle"]),
    );
  });

  it("gives cases per caseworker as a ratio with one decimal and the caseworkers as n, withheld for a handful of caseworkers", async () => {
    const nation = await get(observationsLoader, "?indikator=sager-pr-raadgiver&kommune=hele-landet&periode=2025");
    expect(nation.status).toBe(200);
    expect(nation.body[0]).toMatchObject({ maalgruppe: "alle", taeller: null, undertrykt: false });
    expect(nation.body[0].vaerdi).toBeCloseTo(26, 0); // the calibration target (antaget)
    expect(Math.round(nation.body[0].vaerdi * 10) / 10).toBe(nation.body[0].vaerdi);
    const all = await get(observationsLoader, "?indikator=sager-pr-raadgiver&kommune=alle&periode=2025");
    expect(all.body).toHaveLength(98);
    for (const r of all.body) {
      if (r.undertrykt) expect([r.vaerdi, r.naevner]).toEqual([null, null]);
      else expect(r.naevner).toBeGreaterThanOrEqual(5); // a mean over fewer than k caseworkers is not shown
    }
    expect(all.body.filter((r: { undertrykt: boolean }) => !r.undertrykt).length).toBeGreaterThan(50);
  });

  it("shapes counts and means without inventing a rate", async () => {
    const counts = await get(observationsLoader, "?indikator=anbragte-type&kommune=hele-landet&periode=2024");
    const total = counts.body.find((r: { opdeling: string | null }) => r.opdeling === null);
    const sites = counts.body.filter((r: { opdeling: string | null }) => r.opdeling !== null);
    expect(sites).toHaveLength(7);
    expect(total.naevner).toBeNull();
    expect(total.vaerdi).toBe(total.taeller);
    expect(sites.reduce((s: number, r: { taeller: number }) => s + r.taeller, 0)).toBe(total.taeller);
    // in a municipality, a hidden site never stands alone beside a shown total
    const local = await get(observationsLoader, "?indikator=anbragte-type&kommune=849&periode=2024");
    const localTotal = local.body.find((r: { opdeling: string | null }) => r.opdeling === null);
    const hiddenSites = local.body.filter((r: { opdeling: string | null; undertrykt: boolean }) => r.opdeling !== null && r.undertrykt);
    if (!localTotal.undertrykt) expect(hiddenSites.length).not.toBe(1);
    const kr = await get(observationsLoader, "?indikator=udgift-udsatte-pr-barn&kommune=hele-landet&periode=2024");
    expect(kr.body[0].taeller).toBeNull();
    expect(kr.body[0].naevner).toBeGreaterThan(1_000_000);
    expect(Number.isInteger(kr.body[0].vaerdi)).toBe(true);
  });

  it.each([
    ["", "Parameteren 'indikator' skal angives."],
    ["?indikator=findes-ikke", "Ukendt indikator: 'findes-ikke'."],
    ["?indikator=fp9-deltagelse&kommune=999", "Ukendt kommune: '999'"],
    ["?indikator=fp9-deltagelse&periode=2024", "Ukendt periode: '2024'. Indikatoren opgøres pr. skoleår, fx '2023/24'."],
    ["?indikator=fp9-deltagelse&maalgruppe=voksne", "Ukendt målgruppe: 'voksne'"],
    ["?indikator=fp9-deltagelse&kommun=849", "Ukendt parameter: 'kommun'"],
    ["?indikator=fp9-deltagelse&opdeling=familiepleje", "har ingen opdeling"],
  ])("refuses %s with a Danish 400", async (query, message) => {
    const { status, body } = await get(observationsLoader, query);
    expect(status).toBe(400);
    expect(body.fejl).toContain(message);
  });
});

describe("who may read the API", () => {
  it("answers 401 in Danish without a session or token", async () => {
    try {
      await observationsLoader({
        request: new Request("http://localhost/api/v1/observationer?indikator=uu-21"),
        params: {},
        context: session.context,
      });
      throw new Error("expected 401");
    } catch (e) {
      expect((e as Response).status).toBe(401);
      expect((await (e as Response).json()).fejl).toContain("Log ind");
    }
  });

  it("lets a council member read its own municipality and the nation, not all or another", async () => {
    const byraad = await signIn(db, "byraad", "849");
    expect((await get(observationsLoader, "?indikator=uu-21&kommune=849", byraad)).status).toBe(200);
    expect((await get(observationsLoader, "?indikator=uu-21&kommune=hele-landet", byraad)).status).toBe(200);
    expect((await get(observationsLoader, "?indikator=uu-21&kommune=167", byraad)).status).toBe(403);
    // a region as its own overview shows it: Jammerbugt's (Nordjylland), not another
    expect((await get(observationsLoader, "?indikator=uu-21&kommune=region-1081", byraad)).status).toBe(200);
    expect((await get(observationsLoader, "?indikator=uu-21&kommune=region-1084", byraad)).status).toBe(403);
    expect((await get(observationsLoader, "?indikator=uu-21", byraad)).status).toBe(403);
    const director = await signIn(db, "skoledirektoer", "849");
    expect((await get(observationsLoader, "?indikator=uu-21", director)).status).toBe(200);
  });
});
