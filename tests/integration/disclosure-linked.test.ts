/**
 * Issue 23: the attack across tables that count the same children, repeated over the API and
 * the one read path. The attacker collects every shown denominator of every table of a family
 * (pupils, ninth-graders, cases), the region and nation sums, and solves the group relations
 * and the sums over and over until nothing more follows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listIndicators, listMunicipalities } from "~/data/catalogue.server";
import { readFigures } from "~/data/figures.server";
import { findIndicatorDef } from "~/domain/catalogue";
import { loader as observationsLoaderAsWritten } from "~/routes/api.v1.observationer";
import type { Db } from "../../db/connection";
import { createTestDatabase } from "../support/database";
import { signIn } from "../support/session";
import { edge } from "~/http/edge.server";

// the routes as the server runs them: behind the edge that turns DomainErrors into responses
const observationsLoader = edge(observationsLoaderAsWritten);

let db: Db;
let cleanup: () => void;
let session: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  ({ db, cleanup } = createTestDatabase());
  session = await signIn(db, "sekretariat");
});
afterAll(() => cleanup());

type ApiRow = { indikator: string; kommune: string; periode: string; maalgruppe: string; naevner: number | null; undertrykt: boolean };

async function api(query: string): Promise<ApiRow[]> {
  const res = (await observationsLoader({
    request: session.request(`/api/v1/observationer${query}`),
    params: {},
    context: session.context,
  })) as Response;
  expect(res.status).toBe(200);
  return (await res.json()) as ApiRow[];
}

/** Every denominator the attacker can work out for one family: key "period|municipality|group" → n. */
async function attack(population: string) {
  const members = listIndicators(db).filter((i) => findIndicatorDef(i.code)?.population === population);
  const municipalities = listMunicipalities(db);
  const known = new Map<string, number>();
  const withheldEverywhere = new Set<string>();
  const seen = new Set<string>();
  const regionSums = new Map<string, number>(); // "period|region|group"
  const nationSums = new Map<string, number>();
  for (const m of members) {
    for (const r of await api(`?indikator=${m.code}`)) {
      const k = `${r.periode}|${r.kommune}|${r.maalgruppe}`;
      if (!r.undertrykt && r.naevner !== null) known.set(k, r.naevner);
      seen.add(k);
    }
    for (const r of await api(`?indikator=${m.code}&kommune=hele-landet`))
      if (!r.undertrykt && r.naevner !== null) nationSums.set(`${r.periode}|${r.maalgruppe}`, r.naevner);
    for (const f of readFigures(db, { indicator: m, regions: "all" })) {
      if (f.scope.kind === "region" && !f.withheld && f.denominator !== null)
        regionSums.set(`${f.period}|${f.scope.code}|${f.targetGroup}`, f.denominator);
    }
  }
  for (const k of seen) if (!known.has(k)) withheldEverywhere.add(k);
  const truth = new Map<string, number>();
  for (const m of members)
    for (const r of db.$client
      .prepare("select period, municipality_code as code, target_group as g, denominator as n from observations where indicator_code = ?")
      .all(m.code) as {
      period: string;
      code: string;
      g: string;
      n: number;
    }[])
      truth.set(`${r.period}|${r.code}|${r.g}`, r.n);

  // the attacker may use udsatte = anbragte + forebyggende only where the definition is a sum
  const shownTriples = [...known.keys()].filter((k) => k.endsWith("|udsatte")).map((k) => k.slice(0, -"|udsatte".length));
  const isSum = shownTriples.every(
    (p) =>
      !known.has(`${p}|anbragte`) ||
      !known.has(`${p}|forebyggende`) ||
      known.get(`${p}|udsatte`) === known.get(`${p}|anbragte`)! + known.get(`${p}|forebyggende`)!,
  );

  const periods = [...new Set([...seen].map((k) => k.split("|")[0]))];
  const groups = [...new Set([...seen].map((k) => k.split("|")[2]))];
  const equations: { total: string; parts: string[]; value?: number }[] = [];
  for (const p of periods) {
    for (const m of municipalities) {
      const groupSums = [{ total: `${p}|${m.code}|alle`, parts: [`${p}|${m.code}|udsatte`, `${p}|${m.code}|oevrige`] }];
      if (isSum) groupSums.push({ total: `${p}|${m.code}|udsatte`, parts: [`${p}|${m.code}|anbragte`, `${p}|${m.code}|forebyggende`] });
      // only between groups the family has
      for (const e of groupSums) if ([e.total, ...e.parts].every((k) => seen.has(k))) equations.push(e);
    }
    for (const g of groups) {
      for (const region of new Set(municipalities.map((m) => m.regionCode))) {
        const value = regionSums.get(`${p}|${region}|${g}`);
        if (value !== undefined)
          equations.push({
            total: "",
            value,
            parts: municipalities.filter((m) => m.regionCode === region).map((m) => `${p}|${m.code}|${g}`),
          });
      }
      const value = nationSums.get(`${p}|${g}`);
      if (value !== undefined) equations.push({ total: "", value, parts: municipalities.map((m) => `${p}|${m.code}|${g}`) });
    }
  }
  // solve every equation with one unknown, until nothing more follows
  const value = (k: string) => (known.has(k) ? known.get(k)! : seen.has(k) ? undefined : 0);
  for (let changed = true; changed;) {
    changed = false;
    for (const e of equations) {
      const members = e.total ? [e.total, ...e.parts] : e.parts;
      const unknown = members.filter((k) => value(k) === undefined);
      if (unknown.length !== 1) continue;
      const [u] = unknown;
      const total = e.total ? value(e.total) : e.value!;
      const partsKnown = e.parts.filter((k) => k !== u).reduce((s, k) => s + value(k)!, 0);
      known.set(u, u === e.total ? partsKnown : total! - partsKnown);
      changed = true;
    }
  }
  const recovered = [...withheldEverywhere].filter((k) => known.has(k));
  return { recovered, withheldEverywhere, known, truth };
}

describe("linked tables: the attack on shared denominators (issue 23)", () => {
  for (const population of ["elever", "9-klasse", "sager"]) {
    it(`recovers no withheld denominator of the ${population} family from every shown table, the groups and the region and nation sums`, async () => {
      const { recovered, withheldEverywhere, known, truth } = await attack(population);
      expect(withheldEverywhere.size).toBeGreaterThan(50);
      // the attacker's equations are right: anything recovered would be the true count
      for (const k of recovered) expect(known.get(k), k).toBe(truth.get(k));
      expect(recovered).toEqual([]);
    });
  }

  it("keeps the placed pupils of Fanø 2017/18 hidden: fravaer's udsatte n and special education's forebyggende n are not both shown", async () => {
    const fanoe = listMunicipalities(db).find((m) => m.name === "Fanø")!;
    const fravaer = await api(`?indikator=fravaer&kommune=${fanoe.code}&periode=2017/18`);
    const special = await api(`?indikator=specialundervisning-andel&kommune=${fanoe.code}&periode=2017/18`);
    const n = (rows: ApiRow[], g: string) => rows.find((r) => r.maalgruppe === g)!;
    expect(n(fravaer, "anbragte").undertrykt).toBe(true);
    const pairs = [
      [n(fravaer, "udsatte"), n(special, "forebyggende")],
      [n(special, "udsatte"), n(fravaer, "forebyggende")],
      [n(fravaer, "udsatte"), n(fravaer, "forebyggende")],
      [n(special, "udsatte"), n(special, "forebyggende")],
    ];
    for (const [u, f] of pairs)
      expect(u.undertrykt && f.undertrykt ? "both hidden" : u.undertrykt || f.undertrykt ? "one hidden" : "both shown").not.toBe(
        "both shown",
      );
  });
});
