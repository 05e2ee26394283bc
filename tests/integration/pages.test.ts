import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as overviewLoaderAsWritten } from "~/routes/kommuner.$kode._index";
import { loader as indicatorLoaderAsWritten } from "~/routes/kommuner.$kode.indikatorer.$indikator";
import { loader as apiLoaderAsWritten } from "~/routes/api.v1.observationer";
import { loader as homeLoaderAsWritten } from "~/routes/_index";
import type { Db } from "../../db/connection";
import { createTestDatabase } from "../support/database";
import { signIn } from "../support/session";
import { edge } from "~/http/edge.server";

// the routes as the server runs them: behind the edge that turns DomainErrors into responses
const overviewLoader = edge(overviewLoaderAsWritten);
const indicatorLoader = edge(indicatorLoaderAsWritten);
const apiLoader = edge(apiLoaderAsWritten);
const homeLoader = edge(homeLoaderAsWritten);

let db: Db;
let cleanup: () => void;
let as: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  ({ db, cleanup } = createTestDatabase());
  as = await signIn(db, "sekretariat");
});
afterAll(() => cleanup());

const req = (path: string) => as.request(path);

async function thrownStatus(fn: () => Promise<unknown>): Promise<[number, string]> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof Response) return [e.status, await e.text()];
    throw e;
  }
  throw new Error("expected the loader to refuse");
}

describe("the municipality overview loader", () => {
  it("groups Jammerbugt's indicators under all eight challenges", async () => {
    const data = await overviewLoader({ request: req("/kommuner/849"), params: { kode: "849" }, context: as.context });
    expect(data.municipality.name).toBe("Jammerbugt");
    expect(data.overview.challenges.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(data.overview.challenges.every((c) => data.overview.cards.some((card) => card.challenges.includes(c.number)))).toBe(true);
    const fp9 = data.overview.cards.find((c) => c.code === "fp9-deltagelse" && c.challenges.includes(2))!;
    expect(fp9.targetGroup).toBe(data.overview.targetGroup);
    expect(fp9.latest?.period).toBe("2024/25");
    expect(fp9.trend.values).toHaveLength(10);
    expect(fp9.nation).not.toBeNull();
  });

  it("shows the same numbers as the API", async () => {
    const data = await overviewLoader({ request: req("/kommuner/849?maalgruppe=oevrige"), params: { kode: "849" }, context: as.context });
    const card = data.overview.cards.find((c) => c.code === "fp9-deltagelse")!;
    const res = (await apiLoader({
      request: req("/api/v1/observationer?indikator=fp9-deltagelse&kommune=849&periode=2024/25&maalgruppe=oevrige"),
      params: {},
      context: as.context,
    })) as Response;
    const [row] = await res.json();
    expect(card.targetGroup).toBe("oevrige");
    expect(card.latest!.withheld).toBe(row.undertrykt);
    expect(card.latest!.value === null ? null : Math.round(card.latest!.value * 10) / 10).toBe(row.vaerdi);
    expect(card.latest!.n).toBe(row.naevner);
  });

  it("falls back to an indicator's own group where it lacks the chosen one", async () => {
    const data = await overviewLoader({ request: req("/kommuner/849?maalgruppe=oevrige"), params: { kode: "849" }, context: as.context });
    const kr = data.overview.cards.find((c) => c.code === "udgift-udsatte-pr-barn")!;
    expect(kr.targetGroup).toBe("alle");
  });

  it("refuses an unknown municipality (404) or target group (400) in Danish", async () => {
    expect(
      await thrownStatus(() => overviewLoader({ request: req("/kommuner/999"), params: { kode: "999" }, context: as.context })),
    ).toEqual([404, "Kommunen med koden '999' findes ikke."]);
    const [status, text] = await thrownStatus(() =>
      overviewLoader({ request: req("/kommuner/849?maalgruppe=x"), params: { kode: "849" }, context: as.context }),
    );
    expect(status).toBe(400);
    expect(text).toContain("Målgruppen 'x'");
  });
});

describe("the indicator page loader", () => {
  it("gives the trend for municipality, region and nation, and the groups side by side", async () => {
    const data = await indicatorLoader({
      request: req("/kommuner/849/indikatorer/fp9-deltagelse?maalgruppe=anbragte"),
      params: { kode: "849", indikator: "fp9-deltagelse" },
      context: as.context,
    });
    expect(data.detail.trend).toHaveLength(10);
    expect(data.detail.trend.at(-1)!.nation.value).not.toBeNull();
    expect(data.detail.trend.at(-1)!.region.value).not.toBeNull();
    expect(data.detail.groups.map((g) => g.targetGroup)).toEqual(["anbragte", "forebyggende", "udsatte", "oevrige", "alle"]);
    expect(data.detail.breakdown).toBeNull();
    // the comparison group always says how many of its municipalities it is from, and is '..' from fewer than half
    for (const r of data.detail.trend) {
      expect(r.group.members!.of).toBe(7);
      if (r.group.members!.used * 2 < 7) expect(r.group).toMatchObject({ value: null, withheld: true });
    }
    expect(data.detail.trend.some((r) => r.group.members!.used * 2 < 7)).toBe(true);
  });

  it("breaks placements down by site, adding up to the total", async () => {
    const data = await indicatorLoader({
      request: req("/kommuner/101/indikatorer/anbragte-type"),
      params: { kode: "101", indikator: "anbragte-type" },
      context: as.context,
    });
    const last = data.detail.breakdown!.at(-1)!;
    const sites = Object.values(last.sites);
    const hidden = sites.filter((p) => p.withheld);
    const sum = sites.reduce((s: number, p) => s + (p.value ?? 0), 0);
    if (hidden.length === 0) expect(sum).toBe(last.total.value);
    // with the total shown, hidden sites come at least two at a time, so none can be subtracted out
    else expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(sum).toBeLessThanOrEqual(last.total.value!);
    expect(data.detail.breakdown).toHaveLength(11);
  });

  it("refuses an unknown indicator", async () => {
    const [status] = await thrownStatus(() =>
      indicatorLoader({ request: req("/kommuner/849/indikatorer/nej"), params: { kode: "849", indikator: "nej" }, context: as.context }),
    );
    expect(status).toBe(404);
  });
});

describe("the front page loader", () => {
  it("searches municipalities by name or code", async () => {
    const found = await homeLoader({ request: req("/?q=jammer"), params: {}, context: as.context });
    if (found.kind !== "picker") throw new Error("the secretariat gets the picker");
    expect(found.municipalities.map((m) => m.code)).toEqual(["849"]);
    const all = await homeLoader({ request: req("/"), params: {}, context: as.context });
    if (all.kind !== "picker") throw new Error("the secretariat gets the picker");
    expect(all.municipalities).toHaveLength(98);
    expect(all.challenges).toHaveLength(8);
  });
});

describe("the guard on pages", () => {
  it("sends a visitor without a session to the login page, keeping where they were going", async () => {
    try {
      await overviewLoader({
        request: new Request("http://localhost/kommuner/849?maalgruppe=oevrige"),
        params: { kode: "849" },
        context: as.context,
      });
      throw new Error("expected a redirect");
    } catch (e) {
      expect((e as Response).status).toBe(302);
      expect((e as Response).headers.get("Location")).toBe("/login?redirectTo=%2Fkommuner%2F849%3Fmaalgruppe%3Doevrige");
    }
  });

  it("keeps a council member to its own municipality", async () => {
    const byraad = await signIn(db, "byraad", "849");
    const own = await overviewLoader({ request: byraad.request("/kommuner/849"), params: { kode: "849" }, context: byraad.context });
    expect(own.municipality.code).toBe("849");
    const [status, text] = await thrownStatus(() =>
      overviewLoader({ request: byraad.request("/kommuner/167"), params: { kode: "167" }, context: byraad.context }),
    );
    expect(status).toBe(403);
    expect(text).toContain("Du har ikke adgang");
  });
});
