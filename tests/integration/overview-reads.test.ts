import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as overviewLoaderAsWritten } from "~/routes/kommuner.$kode._index";
import { loader as challengesLoaderAsWritten } from "~/routes/udfordringer";
import { listIndicators, listMunicipalities } from "~/data/catalogue.server";
import { readFigures } from "~/data/figures.server";
import { forDrawing } from "~/domain/figures";
import { effectiveTargetGroup, SWITCHABLE_TARGET_GROUPS } from "~/domain/catalogue";
import { municipalityOverview } from "~/data/indicator-views.server";
import { openDatabase, type Db } from "../../db/connection";
import { createTestDatabase } from "../support/database";
import { signIn } from "../support/session";
import { edge } from "~/http/edge.server";

// the routes as the server runs them: behind the edge that turns DomainErrors into responses
const overviewLoader = edge(overviewLoaderAsWritten);
const challengesLoader = edge(challengesLoaderAsWritten);

/**
 * The overview shows a card per indicator, and /udfordringer a national series per indicator.
 * Each reads all its indicators' figures in one pass through the read path, not a query per
 * indicator: counted on a connection that traces every statement.
 */
let cleanup: () => void;
let traced: Db;
let statements: string[] | null = null;
let as: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  const test = createTestDatabase();
  cleanup = test.cleanup;
  traced = openDatabase(test.file, { trace: (sql) => statements?.push(sql) });
  as = await signIn(traced, "sekretariat");
});
afterAll(() => {
  traced.$client.close();
  cleanup();
});

/** A change to the database, so the read path reads again rather than handing out what it kept (ADR 35). */
const touch = () => traced.$client.prepare("update app_meta set value = value where key = 'demo'").run();

async function overview(path: string) {
  touch();
  statements = [];
  const data = await overviewLoader({ request: as.request(path), params: { kode: "849" }, context: as.context });
  const ran = statements;
  statements = null;
  return { data, ran };
}

describe("the overview's reads", () => {
  it("reads every indicator's figures in one statement per table, however many indicators there are", async () => {
    await overview("/kommuner/849"); // the catalogue and other per-connection caches
    const { data, ran } = await overview("/kommuner/849?maalgruppe=anbragte");
    const cards = data.overview.cards;
    expect(new Set(cards.map((c) => c.code)).size).toBe(listIndicators(traced).length);
    expect(listIndicators(traced).length).toBeGreaterThan(5);
    const of = (statements: string[], table: RegExp) => statements.filter((s) => table.test(s));
    expect(of(ran, /\bfrom observations\b/i)).toHaveLength(1);
    expect(of(ran, /\bfrom figure_aggregates\b/i)).toHaveLength(1);
    // without a group, after a change: the same one pass serves the choice of group and its cards
    const chosen = await overview("/kommuner/849");
    expect(of(chosen.ran, /\bfrom observations\b/i)).toHaveLength(1);
    expect(of(chosen.ran, /\bfrom figure_aggregates\b/i)).toHaveLength(1);
  });

  it("reads no figures on a second visit while the data are unchanged (ADR 35)", async () => {
    await overview("/kommuner/849");
    statements = [];
    await overviewLoader({ request: as.request("/kommuner/849"), params: { kode: "849" }, context: as.context });
    const again = statements.filter((s) => /\bfrom (observations|figure_aggregates)\b/i.test(s));
    statements = null;
    expect(again).toHaveLength(0);
  });

  it("shows for each card exactly what the read path gives for that indicator alone", async () => {
    const jammerbugt = listMunicipalities(traced).find((m) => m.code === "849")!;
    for (const chosen of ["anbragte", "oevrige"]) {
      const { data } = await overview(`/kommuner/849?maalgruppe=${chosen}`);
      const cards = new Map(data.overview.cards.map((c) => [c.code, c]));
      for (const indicator of listIndicators(traced)) {
        const group = effectiveTargetGroup(indicator, chosen);
        const alone = readFigures(traced, {
          indicator,
          targetGroups: [group],
          municipalities: ["849"],
          regions: [jammerbugt.regionCode],
          nation: true,
        });
        const card = cards.get(indicator.code)!;
        expect(card.targetGroup, indicator.code).toBe(group);
        const own = alone.filter((f) => f.scope.kind === "municipality");
        const nation = alone.filter((f) => f.scope.kind === "nation");
        expect([card.trend.first, card.trend.last], indicator.code).toEqual([nation.at(0)?.period ?? null, nation.at(-1)?.period ?? null]);
        expect(card.trend.values, indicator.code).toEqual(
          nation.map((n) => forDrawing(own.find((f) => f.period === n.period)?.shown ?? null)),
        );
        const last = nation.at(-1);
        expect(card.nation?.value ?? null, indicator.code).toBe(last?.shown ?? null);
        const region = alone.find((f) => f.scope.kind === "region" && f.period === last?.period);
        expect(card.region?.value ?? null, indicator.code).toBe(last ? (region?.shown ?? null) : null);
      }
    }
  });
});

describe("the challenges page's reads", () => {
  it("reads every indicator's national series in one statement, the same as the read path gives for each alone", async () => {
    const run = async () => {
      touch();
      statements = [];
      const data = await challengesLoader({ request: as.request("/udfordringer"), params: {}, context: as.context });
      const ran = statements;
      statements = null;
      return { data, ran };
    };
    await run();
    const { data, ran } = await run();
    expect(ran.filter((s) => /\bfrom figure_aggregates\b/i.test(s))).toHaveLength(1);
    expect(ran.filter((s) => /\bfrom observations\b/i.test(s))).toHaveLength(0);
    const shown = new Map(data.challenges.flatMap((c) => c.indicators).map((i) => [i.code, i]));
    for (const indicator of listIndicators(traced)) {
      const group = effectiveTargetGroup(indicator, "anbragte");
      const alone = readFigures(traced, { indicator, targetGroups: [group], nation: true });
      const row = shown.get(indicator.code)!;
      expect(row.values, indicator.code).toEqual(alone.map((f) => forDrawing(f.shown)));
      const known = alone.filter((f) => f.shown !== null);
      expect([row.first, row.last], indicator.code).toEqual(
        known.length ? [known[0], known.at(-1)].map((f) => ({ period: f!.period, value: f!.shown })) : [null, null],
      );
    }
  });

  it("opens, with no group asked for, on the group whose cards show most latest figures (the first such on a tie)", () => {
    for (const code of ["849", "101", "825"]) {
      const m = listMunicipalities(traced).find((x) => x.code === code)!;
      const shown = SWITCHABLE_TARGET_GROUPS.map(
        (g) => municipalityOverview(traced, m, g).cards.filter((c) => c.latest?.value != null).length,
      );
      const best = SWITCHABLE_TARGET_GROUPS[shown.indexOf(Math.max(...shown))];
      expect(municipalityOverview(traced, m, null).targetGroup, code).toBe(best);
    }
  });
});
