/**
 * /sammenlign over the full demo data in a real SQLite file: the table, its references and
 * exports, comparison groups and their settings, and /udfordringer – through the route loaders
 * and actions with a real session.
 */
import { getT, translateMessage } from "~/i18n/i18n";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getActor } from "~/data/auth.server";
import { findIndicator } from "~/data/catalogue.server";
import { comparisonGroupOf } from "~/data/comparison.server";
import { createTarget, targetInputSchema } from "~/data/targets.server";
import { readFigures } from "~/data/figures.server";
import { combine } from "~/domain/figures";
import { OUTCOME_VARIABLES } from "~/domain/comparison";
import { loader as exportLoaderAsWritten } from "~/routes/sammenlign.eksport";
import { action as groupsActionAsWritten, loader as groupsLoaderAsWritten } from "~/routes/sammenlign.grupper";
import { loader as compareLoaderAsWritten } from "~/routes/sammenlign._index";
import { loader as challengesLoaderAsWritten } from "~/routes/udfordringer";
import type { Db } from "../../db/connection";
import { createTestDatabase } from "../support/database";
import { signIn } from "../support/session";
import { edge } from "~/http/edge.server";

// the routes as the server runs them: behind the edge that turns DomainErrors into responses
const exportLoader = edge(exportLoaderAsWritten);
const groupsAction = edge(groupsActionAsWritten);
const groupsLoader = edge(groupsLoaderAsWritten);
const compareLoader = edge(compareLoaderAsWritten);
const challengesLoader = edge(challengesLoaderAsWritten);

let db: Db;
let cleanup: () => void;
let secretariat: Awaited<ReturnType<typeof signIn>>;
let director: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  ({ db, cleanup } = createTestDatabase());
  secretariat = await signIn(db, "sekretariat");
  director = await signIn(db, "skoledirektoer", "849");
});
afterAll(() => cleanup());

const FP9 = "/sammenlign?indikator=fp9-deltagelse&maalgruppe=anbragte&periode=2023/24";

async function page(as: typeof secretariat, path: string) {
  return compareLoader({ request: as.request(path), params: {}, context: as.context });
}

async function refused(fn: () => Promise<unknown>): Promise<[number, string]> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof Response) return [e.status, await e.text()];
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("the comparison table", () => {
  it("lists all 98 municipalities with ranks, thirds and withheld cells, and the nation from raw counts", async () => {
    const data = await page(secretariat, FP9);
    const rows = data.table.rows;
    expect(rows).toHaveLength(98);
    const ranked = rows.filter((r) => r.rank !== null);
    const withheld = rows.filter((r) => r.withheld);
    expect(withheld.length).toBeGreaterThan(0);
    expect(withheld.every((r) => r.value === null && r.n === null && r.rank === null && r.band === null)).toBe(true);
    // thirds of the ranked: each band holds about a third, and every best value beats every worst
    const count = (b: string) => ranked.filter((r) => r.band === b).length;
    // ties share a band, so a band can be off by the largest tie
    const ties = Math.max(...ranked.map((r) => ranked.filter((o) => o.value === r.value).length));
    for (const b of ["best", "middle", "worst"]) expect(Math.abs(count(b) - ranked.length / 3)).toBeLessThanOrEqual(2 + ties);
    const minBest = Math.min(...ranked.filter((r) => r.band === "best").map((r) => r.value!));
    const maxWorst = Math.max(...ranked.filter((r) => r.band === "worst").map((r) => r.value!));
    expect(minBest).toBeGreaterThan(maxWorst);
    // national 2023/24 for anbragte: 589 of 1,227 (the seeds' 48 %)
    const nation = data.table.references.find((r) => r.kind === "nation")!;
    expect(nation.n).toBe(1227);
    expect(nation.value).toBeCloseTo((100 * 589) / 1227, 6);
  });

  it("shows a withheld cell exactly where the read path withholds it", async () => {
    const data = await page(secretariat, FP9);
    const indicator = findIndicator(db, "fp9-deltagelse")!;
    const figures = readFigures(db, { indicator, targetGroups: ["anbragte"], periods: ["2023/24"], municipalities: "all" });
    for (const r of data.table.rows) {
      const f = figures.find((x) => x.scope.kind === "municipality" && x.scope.code === r.code)!;
      expect(r.withheld, r.name).toBe(Boolean(f.withheld));
      expect(r.value, r.name).toBe(f.shown);
    }
  });

  it("computes the comparison group only from its members' shown cells, so a withheld cell cannot be subtracted back out", async () => {
    // find a municipality and period whose group has shown and withheld members
    const indicator = findIndicator(db, "fravaer")!;
    const all = readFigures(db, { indicator, targetGroups: ["anbragte"], municipalities: "all" });
    let focus = "";
    let period = "";
    for (const code of ["849", "167", "580", "101", "751", "461"]) {
      const members = comparisonGroupOf(db, code);
      const p = [...new Set(all.map((f) => f.period))].find((per) => {
        const cells = all.filter((f) => f.period === per && f.scope.kind === "municipality" && members.includes(f.scope.code));
        return cells.some((f) => f.withheld) && cells.some((f) => !f.withheld && f.shown !== null);
      });
      if (p) {
        focus = code;
        period = p;
        break;
      }
    }
    expect(focus, "a group with both shown and withheld members").not.toBe("");
    const path = `/sammenlign?indikator=fravaer&maalgruppe=anbragte&periode=${period}&kommune=${focus}`;
    const before = (await page(secretariat, path)).table.references.find((r) => r.kind === "group")!;
    const members = comparisonGroupOf(db, focus);
    const cells = all.filter((f) => f.period === period && f.scope.kind === "municipality" && members.includes(f.scope.code));
    const shown = cells.filter((f) => !f.withheld);
    const expected = combine("rate", shown);
    expect(before.members).toEqual({ used: shown.length, of: members.length });
    expect(before.value).toBeCloseTo((100 * expected.numerator!) / expected.denominator!, 6);

    // change a withheld member's raw figures: the group's value must not move
    const hidden = cells.find((f) => f.withheld)!;
    const code = (hidden.scope as { code: string }).code;
    db.$client
      .prepare(
        "update observations set numerator = 0 where indicator_code = 'fravaer' and municipality_code = ? and period = ? and target_group = 'anbragte' and breakdown = ''",
      )
      .run(code, period);
    const after = (await page(secretariat, path)).table.references.find((r) => r.kind === "group")!;
    expect(after.value).toBe(before.value);
    expect(after.n).toBe(before.n);
  });

  it("shows a group's figure only when at least half its members are shown, always saying how many; else ..", async () => {
    const indicator = findIndicator(db, "fp9-deltagelse")!;
    let few = 0;
    let enough = 0;
    for (const code of ["849", "167", "580", "101", "751", "461", "825", "492"]) {
      const figures = readFigures(db, {
        indicator,
        targetGroups: ["anbragte"],
        municipalities: [],
        groups: [{ code, members: comparisonGroupOf(db, code) }],
      });
      for (const f of figures.filter((x) => x.scope.kind === "group")) {
        expect(f.members!.of).toBe(comparisonGroupOf(db, code).length);
        if (f.members!.used * 2 < f.members!.of) {
          few++;
          expect(f.shown, `${code} ${f.period}`).toBeNull();
          expect(f.withheld, `${code} ${f.period}`).toBeTruthy();
        } else if (f.members!.used > 0) {
          enough++;
          expect(f.shown).not.toBeNull();
        }
      }
    }
    expect(few).toBeGreaterThan(0);
    expect(enough).toBeGreaterThan(0);
  });

  it("filters by region, partnership members and comparison group without changing anyone's colour", async () => {
    const all = await page(secretariat, `${FP9}&kommune=849`);
    const north = await page(secretariat, `${FP9}&kommune=849&region=1081`);
    expect(north.table.rows.length).toBe(11);
    for (const r of north.table.rows) expect(r.band).toBe(all.table.rows.find((x) => x.code === r.code)!.band);
    // members are the municipalities with an active account: 849 (the director) and now 167
    await signIn(db, "byraad", "167");
    const members = await page(secretariat, `${FP9}&udvalg=partnerskab&kommune=`);
    expect(members.table.rows.map((r) => r.code).sort()).toEqual(["167", "849"]);
    const group = await page(secretariat, `${FP9}&udvalg=gruppe&kommune=849`);
    expect(group.table.rows.map((r) => r.code).sort()).toEqual(["849", ...comparisonGroupOf(db, "849")].sort());
    expect(group.table.rows.find((r) => r.code === "849")!.focus).toBe(true);
  });

  it("sorts by any column in either direction, missing values last", async () => {
    const asc = (await page(secretariat, `${FP9}&sorter=vaerdi&retning=asc`)).table.rows;
    const desc = (await page(secretariat, `${FP9}&sorter=vaerdi&retning=desc`)).table.rows;
    const values = (rows: typeof asc) => rows.filter((r) => r.value !== null).map((r) => r.value!);
    expect(values(asc)).toEqual([...values(asc)].sort((a, b) => a - b));
    expect(values(desc)).toEqual([...values(desc)].sort((a, b) => b - a));
    expect(asc.at(-1)!.value).toBeNull();
    expect(desc.at(-1)!.value).toBeNull();
    const names = (await page(secretariat, `${FP9}&sorter=navn&retning=desc`)).table.rows.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, "da")));
  });

  it("defaults to the latest period and the director's own municipality", async () => {
    const data = await page(director, "/sammenlign");
    expect(data.choice.indicator.code).toBe("fp9-deltagelse");
    expect(data.choice.period).toBe("2024/25");
    expect(data.choice.focus?.code).toBe("849");
    expect(data.table.references.map((r) => r.kind)).toEqual(["nation", "region", "group"]);
  });

  it("refuses nonsense with a Danish 400 and falls back, with a notice, from a period the indicator lacks", async () => {
    expect(await refused(() => page(secretariat, "/sammenlign?indikator=findes-ikke"))).toEqual([
      400,
      "Indikatoren 'findes-ikke' findes ikke.",
    ]);
    expect((await refused(() => page(secretariat, "/sammenlign?periode=sidste-år")))[0]).toBe(400);
    expect((await refused(() => page(secretariat, "/sammenlign?sorter=farve")))[1]).toMatch(/kan ikke sorteres/);
    expect((await refused(() => page(secretariat, "/sammenlign?udvalg=gruppe&kommune=")))[1]).toMatch(/Vælg en kommune/);
    expect((await refused(() => page(secretariat, "/sammenlign?kommune=999")))[0]).toBe(400);
    const fallback = await page(secretariat, "/sammenlign?indikator=uu-21&periode=2023/24&maalgruppe=anbragte");
    expect(fallback.choice.period).toBe(fallback.choice.periods.at(-1));
    expect(fallback.notices).toEqual([{ kind: "period", asked: "2023/24", shown: fallback.choice.period }]);
  });

  it("refuses a council member", async () => {
    const council = await signIn(db, "byraad", "849");
    expect((await refused(() => page(council, FP9)))[0]).toBe(403);
    expect(
      (
        await refused(() =>
          exportLoader({
            request: council.request(`/sammenlign/eksport${FP9.slice(11)}&format=csv`),
            params: {},
            context: council.context,
          }),
        )
      )[0],
    ).toBe(403);
  });
});

describe("the export", () => {
  const download = async (format: string, query = FP9.slice("/sammenlign".length)) =>
    (await exportLoader({
      request: secretariat.request(`/sammenlign/eksport${query}&format=${format}&kommune=849`),
      params: {},
      context: secretariat.context,
    })) as Response;

  it("writes CSV for Danish Excel: BOM, semicolons, decimal comma, .. for withheld, the page's values", async () => {
    const res = await download("csv");
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="sammenlign-fp9-deltagelse-anbragte-2023-24.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split("\r\n");
    expect(lines[0].split(";")[0]).toBe("Type");
    const data = await page(secretariat, `${FP9}&kommune=849`);
    const byCode = new Map(
      lines
        .slice(1)
        .map((l) => l.split(";"))
        .filter((c) => c[0] === "Kommune")
        .map((c) => [c[1], c]),
    );
    expect(byCode.size).toBe(98);
    for (const r of data.table.rows) {
      const cell = byCode.get(r.code)![4];
      expect(cell, r.name).toBe(r.withheld ? ".." : r.value === null ? "–" : String(Math.round(r.value * 10) / 10).replace(".", ","));
    }
    expect(lines[1]).toBe("Hele landet;;Hele landet;;48;1227;;;;;");
  });

  it("writes an XLSX with a data sheet and a sheet on the figures; read back, it has the page's values", async () => {
    const res = await download("xlsx");
    expect(res.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Data", "Om tallene"]);
    const sheet = wb.getWorksheet("Data")!;
    const data = await page(secretariat, `${FP9}&kommune=849`);
    const rows = new Map<string, unknown>();
    sheet.eachRow((row, i) => {
      if (i > 1 && row.getCell(1).value === "Kommune") rows.set(String(row.getCell(2).value), row.getCell(5).value);
    });
    expect(rows.size).toBe(98);
    for (const r of data.table.rows)
      expect(rows.get(r.code), r.name).toEqual(r.withheld ? ".." : r.value === null ? "–" : Math.round(r.value * 10) / 10);
    const about = wb.getWorksheet("Om tallene")!;
    const text = about.getColumn(2).values.join("\n");
    expect(text).toContain("færre end 5 børn");
    expect(text).toContain("2023/24");
    expect(text).toContain("Danmarks Statistik");
  });

  it("refuses an unknown format", async () => {
    expect(await refused(() => download("pdf"))).toEqual([400, "Vælg formatet med format=xlsx eller format=csv."]);
  });
});

describe("comparison groups", () => {
  const post = async (as: typeof secretariat, fields: Record<string, string | string[]>) => {
    const actor = (await getActor(db, as.request("/")))!;
    const form = new FormData();
    form.set("csrf", actor.csrfToken!);
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) form.append(k, x);
    return groupsAction({
      request: as.request("/sammenlign/grupper?kommune=849", { method: "POST", body: form }),
      params: {},
      context: as.context,
    });
  };
  const settingsRow = () => db.$client.prepare("select * from comparison_settings").get();

  it("lists Jammerbugt's 7 nearest with a difference index, nearest first", async () => {
    const data = await groupsLoader({
      request: secretariat.request("/sammenlign/grupper?kommune=849"),
      params: {},
      context: secretariat.context,
    });
    expect(data.neighbours).toHaveLength(7);
    expect(data.neighbours.map((n) => n.code)).not.toContain("849");
    const indices = data.neighbours.map((n) => n.index!);
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
    expect(indices[0]).toBeGreaterThan(0);
    expect(data.canEdit).toBe(true);
  });

  it("builds groups from structural variables only by default; outcomes are the user's choice, with a note", async () => {
    const data = await groupsLoader({
      request: secretariat.request("/sammenlign/grupper?kommune=849"),
      params: {},
      context: secretariat.context,
    });
    expect(data.settings.variables).toEqual(["befolkning", "boern", "urbanitet", "udsatte-andel"]);
    expect(data.settings.variables.some((v: string) => OUTCOME_VARIABLES.includes(v as never))).toBe(false);
  });

  it("lets only the secretariat change the variables and size; bad input changes nothing", async () => {
    expect((await refused(() => post(director, { variables: ["boern", "urbanitet"], groupSize: "5" })))[0]).toBe(403);
    const bad = (await post(secretariat, { variables: ["boern"], groupSize: "50" })) as { status: string; error: Record<string, string[]> };
    expect(bad.status).toBe("error");
    // the reply carries keys; the form shows them in the page's language
    const da = getT("da");
    expect(bad.error.variables?.map((m) => translateMessage(da, m))).toEqual(["Vælg mindst to variable."]);
    expect(bad.error.groupSize?.map((m) => translateMessage(da, m))).toEqual(["Gruppen kan have højst 20 kommuner."]);
    expect(settingsRow()).toBeUndefined();

    const before = comparisonGroupOf(db, "849");
    const res = (await post(secretariat, { variables: ["boern", "anbragte-andel"], groupSize: "5" })) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/sammenlign/grupper?kommune=849&gemt=1");
    const after = comparisonGroupOf(db, "849");
    expect(after).toHaveLength(5);
    expect(after).not.toEqual(before.slice(0, 5));
    const audit = db.$client.prepare("select * from audit_log where action = 'comparison-settings.update' order by id desc").get() as {
      after: string;
    };
    expect(JSON.parse(audit.after)).toEqual({ variables: ["boern", "anbragte-andel"], groupSize: 5 });
    // the page's reference row follows the new group
    const data = await page(secretariat, `${FP9}&kommune=849`);
    expect(data.table.references.find((r) => r.kind === "group")!.members!.of).toBe(5);
  });
});

describe("the eight challenges across the partnership", () => {
  it("shows each challenge's indicators nationally and counts the municipalities' joint targets by status", async () => {
    const social = await signIn(db, "socialdirektoer", "849");
    const schoolActor = (await getActor(db, director.request("/")))!;
    createTarget(
      db,
      schoolActor,
      "849",
      targetInputSchema.parse({
        kind: "kvantitativ",
        title: "Flere anbragte til prøverne",
        rationale: "Prøverne åbner for uddannelse.",
        challenges: ["2", "6"],
        indicatorCode: "fp9-deltagelse",
        targetGroup: "anbragte",
        baselinePeriod: "2021/22",
        targetValue: "70",
        deadlinePeriod: "2027/28",
        schoolOwnerId: String(director.user.id),
        socialOwnerId: String(social.user.id),
      }),
    );
    const data = await challengesLoader({ request: secretariat.request("/udfordringer"), params: {}, context: secretariat.context });
    expect(data.challenges.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const fp9 = data.challenges.find((c) => c.number === 2)!.indicators.find((i) => i.code === "fp9-deltagelse")!;
    // the series runs to 2024/25, one value per school year
    expect(fp9.last!.period).toBe("2024/25");
    expect(fp9.values.at(-2)).toBeCloseTo((100 * 589) / 1227, 1); // drawn only: two decimals
    // every challenge has at least two indicators, each saying why it belongs there in the sources' words
    for (const c of data.challenges) {
      expect(c.indicators.length, `challenge ${c.number}`).toBeGreaterThanOrEqual(2);
      for (const i of c.indicators)
        expect(i.reason, `${i.code} → ${c.number}`).toMatch(
          /^(Partnerskabets webinar|Udfordringsbilledet|Evalueringen af|KL.s udspil|Læringsmiljømodellen)/,
        );
    }
    expect(data.challenges[3]!.indicators.find((i) => i.code === "skoleskift")!.reason).toContain("skoleskift");
    const counted = db.$client
      .prepare(
        "select tc.challenge_number as c, count(*) as n, count(distinct t.municipality_code) as m from targets t join target_challenges tc on tc.target_id = t.id where t.municipality_code is not null and t.state in ('aktiv','naaet') group by tc.challenge_number",
      )
      .all() as { c: number; n: number; m: number }[];
    expect(counted.length).toBeGreaterThan(0);
    for (const row of counted) {
      const c = data.challenges.find((x) => x.number === row.c)!;
      expect(c.targets!.targets).toBe(row.n);
      expect(c.targets!.municipalities).toBe(row.m);
      expect(Object.values(c.targets!.byStatus).reduce((a, b) => a + b, 0)).toBe(row.n);
    }
  });
});
