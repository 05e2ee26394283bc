import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, investmentCases, targets } from "../../db/schema";
import { getActor, type Actor } from "~/data/auth.server";
import {
  casesForTarget,
  createInvestmentCase,
  editInputOf,
  investmentCaseDetail,
  investmentEditSchema,
  listInvestmentCases,
  setInvestmentTargets,
  updateInvestmentCase,
} from "~/data/investments.server";
import { DomainError } from "~/domain/errors";
import { loader as apiLoaderAsWritten } from "~/routes/api.v1.investeringer";
import type { Db } from "../../db/connection";
import { createTestDatabase } from "../support/database";
import { signIn } from "../support/session";
import { edge } from "~/http/edge.server";

// the routes as the server runs them: behind the edge that turns DomainErrors into responses
const apiLoader = edge(apiLoaderAsWritten);

let db: Db;
let cleanup: () => void;
let sessions: Record<"school" | "social" | "secretariat" | "council" | "otherSchool" | "otherCouncil", Awaited<ReturnType<typeof signIn>>>;
let a: Record<keyof typeof sessions, Actor>;

beforeAll(async () => {
  ({ db, cleanup } = createTestDatabase());
  sessions = {
    school: await signIn(db, "skoledirektoer", "849"),
    social: await signIn(db, "socialdirektoer", "849"),
    secretariat: await signIn(db, "sekretariat"),
    council: await signIn(db, "byraad", "849"),
    otherSchool: await signIn(db, "skoledirektoer", "167"),
    otherCouncil: await signIn(db, "byraad", "167"),
  };
  a = Object.fromEntries(
    await Promise.all(Object.entries(sessions).map(async ([k, s]) => [k, (await getActor(db, s.request("/")))!])),
  ) as typeof a;
});
afterAll(() => cleanup());

const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a failure");
};
const count = () => db.select().from(investmentCases).all().length;

/** The edit form as a browser sends it for a case, with some fields changed. */
function formFor(id: number, changes: Record<string, string> = {}): FormData {
  const { row } = investmentCaseDetail(db, a.secretariat, row849(id), id);
  const f = new FormData();
  f.set("title", row.title);
  f.set("effort", row.effort);
  f.set("targetGroup", row.targetGroup);
  f.set("childrenPerYear", String(row.model.childrenPerYear).replace(".", ","));
  f.set("effortYears", String(row.model.effortYears));
  f.set("horizonYears", String(row.model.horizonYears));
  f.set("discountRate", String(row.model.discountRate * 100).replace(".", ","));
  f.set("successRate", String(row.model.successRate * 100).replace(".", ","));
  row.model.costs.forEach((c, i) => {
    f.set(`costs.${i}.amount`, String(c.amount).replace(".", ","));
    f.set(`costs.${i}.party`, c.party);
  });
  row.model.prices.forEach((p, i) => f.set(`prices.${i}.weekly`, String(Math.round(p.weekly * 100) / 100).replace(".", ",")));
  row.model.effects.forEach((e, i) => f.set(`effects.${i}.party`, e.party));
  row.model.transfers.forEach((t, i) => f.set(`transfers.${i}.amountPerChild`, String(t.amountPerChild).replace(".", ",")));
  for (const [k, v] of Object.entries(changes)) f.set(k, v);
  return f;
}
const row849 = (id: number) => db.select().from(investmentCases).where(eq(investmentCases.id, id)).get()!.municipalityCode;
const parse = (f: FormData) => investmentEditSchema.safeParse(editInputOf(f));

describe("creating a case from a template", () => {
  it("lets both directors and the secretariat create one, audited", () => {
    for (const who of ["school", "social", "secretariat"] as const) {
      const id = createInvestmentCase(db, a[who], "849", "soem-a");
      const entry = db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "investment.create"), eq(auditLog.entityId, String(id))))
        .get();
      expect(entry?.actorUserId).toBe(a[who].id);
    }
  });

  it("refuses the council and another municipality's director, and writes nothing", () => {
    const before = count();
    for (const who of ["council", "otherSchool", "otherCouncil"] as const) {
      const e = errorOf(() => createInvestmentCase(db, a[who], "849", "soem-a"));
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe("forbidden");
    }
    expect(count()).toBe(before);
  });

  it("refuses an unknown template", () => {
    const e = errorOf(() => createInvestmentCase(db, a.school, "849", "ukendt")) as DomainError;
    expect(e.code).toBe("invalid");
    expect(e.key).toBe("investments.errors.unknownTemplate");
  });
});

describe("editing a case", () => {
  it("reads Danish numbers: 20,67 children, 3,5 %, 1.510.500 kr.", () => {
    const id = createInvestmentCase(db, a.school, "849", "laeringsmiljoe");
    const parsed = parse(
      formFor(id, { childrenPerYear: "15", discountRate: "3,5", "costs.1.amount": "1.510.500", "costs.0.party": "social" }),
    );
    expect(parsed.success).toBe(true);
    updateInvestmentCase(db, a.social, id, parsed.data!);
    const d = investmentCaseDetail(db, a.council, "849", id);
    expect(d.row.model.childrenPerYear).toBe(15);
    expect(d.row.model.discountRate).toBeCloseTo(0.035, 12);
    expect(d.result.runningCostPerChildPerYear).toBe(100_700);
    expect(d.result.years[0].parties.social.costs).toBe(982_200);
    const entry = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "investment.update"), eq(auditLog.entityId, String(id))))
      .get();
    expect(entry).toBeDefined();
  });

  it("refuses '3.5' (ambiguous in Danish), a negative amount and an effort longer than the horizon, with their messages, changing nothing", () => {
    const id = createInvestmentCase(db, a.school, "849", "soem-b");
    const before = db.select().from(investmentCases).where(eq(investmentCases.id, id)).get();
    const bad = parse(formFor(id, { discountRate: "3.5", "costs.0.amount": "-5" }));
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toContain("discountRate: investments.errors.discountRate");
    expect(messages).toContain("costs.0.amount: investments.errors.amount");
    const longer = parse(formFor(id, { effortYears: "9", horizonYears: "5" }));
    expect(longer.success).toBe(true);
    const e = errorOf(() => updateInvestmentCase(db, a.school, id, longer.data!)) as DomainError;
    expect(e.key).toBe("investments.errors.effortAfterHorizon");
    expect(db.select().from(investmentCases).where(eq(investmentCases.id, id)).get()).toEqual(before);
  });

  it("refuses an edit with a different number of lines (a stale form)", () => {
    const id = createInvestmentCase(db, a.school, "849", "soem-c");
    const f = formFor(id);
    f.set("costs.1.amount", "5");
    f.set("costs.1.party", "skole");
    const e = errorOf(() => updateInvestmentCase(db, a.school, id, parse(f).data!)) as DomainError;
    expect(e.code).toBe("conflict");
  });

  it("refuses the council and another municipality's director", () => {
    const id = createInvestmentCase(db, a.school, "849", "soem-c");
    const edit = parse(formFor(id, { title: "Ændret" })).data!;
    for (const who of ["council", "otherSchool"] as const)
      expect((errorOf(() => updateInvestmentCase(db, a[who], id, edit)) as DomainError).code).toBe("forbidden");
    expect(investmentCaseDetail(db, a.school, "849", id).row.title).not.toBe("Ændret");
  });
});

describe("linking to joint targets", () => {
  it("links the municipality's own targets, shows the case on the target, and refuses another municipality's", () => {
    const id = createInvestmentCase(db, a.school, "849", "soem-a");
    const now = new Date().toISOString();
    const target = (code: string) =>
      db
        .insert(targets)
        .values({ municipalityCode: code, title: `Mål i ${code}`, rationale: "Test", kind: "milepael", createdAt: now, updatedAt: now })
        .returning()
        .get();
    const own = target("849");
    const other = target("167");
    setInvestmentTargets(db, a.social, id, [own.id]);
    expect(investmentCaseDetail(db, a.council, "849", id).linked.map((t) => t.id)).toEqual([own.id]);
    expect(casesForTarget(db, a.council, own.id).map((c) => c.id)).toContain(id);
    expect(casesForTarget(db, a.otherCouncil, own.id)).toEqual([]);
    const e = errorOf(() => setInvestmentTargets(db, a.school, id, [own.id, other.id])) as DomainError;
    expect(e.code).toBe("invalid");
    expect(investmentCaseDetail(db, a.school, "849", id).linked.map((t) => t.id)).toEqual([own.id]);
    expect((errorOf(() => setInvestmentTargets(db, a.council, id, [])) as DomainError).code).toBe("forbidden");
  });
});

describe("reading", () => {
  it("lets the council read its own municipality, not another's; another municipality's case is not found under this one", () => {
    expect(listInvestmentCases(db, a.council, "849").length).toBeGreaterThan(0);
    expect((errorOf(() => listInvestmentCases(db, a.otherCouncil, "849")) as DomainError).code).toBe("forbidden");
    const id = createInvestmentCase(db, a.otherSchool, "167", "soem-a");
    expect((errorOf(() => investmentCaseDetail(db, a.school, "849", id)) as DomainError).code).toBe("not_found");
  });
});

describe("GET /api/v1/investeringer", () => {
  const get = async (who: keyof typeof sessions, query: string) => {
    const res = (await apiLoader({
      request: sessions[who].request(`/api/v1/investeringer${query}`, { headers: { Accept: "application/json" } }),
      params: {},
      context: sessions[who].context,
    }).catch((e: unknown) => {
      if (e instanceof Response) return e;
      throw e;
    })) as Response;
    return { status: res.status, body: await res.json() };
  };

  it("gives the council its municipality's cases with inputs, cash flows and results in Danish field names", async () => {
    const { status, body } = await get("council", "?kommune=849");
    expect(status).toBe(200);
    const c = body.find((x: { skabelon: string }) => x.skabelon === "soem-a");
    expect(c).toMatchObject({ skabelon: "soem-a", boernPrAar: 1, horisontAar: 5, diskonteringsrente: 0.035 });
    expect(c.pengestroemme).toHaveLength(5);
    expect(c.pengestroemme[0]).toMatchObject({
      aar: 1,
      omkostninger: { skole: 73_100, social: 0, kommune: 73_100 },
      gevinster: { skole: 138_560, kommune: 138_560 },
    });
    expect(c.resultat).toMatchObject({ tilbagebetalingsaar: 1, omkostningPrBarnPrAar: 73_100, nettoPrBarnPrAar: 65_460 });
    expect(c.resultat.nutidsvaerdi).toBeGreaterThan(0);
    expect(c.resultat.internRente).toBeNull();
  });

  it("refuses another municipality's council, an unknown parameter and a bad code", async () => {
    expect((await get("otherCouncil", "?kommune=849")).status).toBe(403);
    const unknown = await get("council", "?kommune=849&x=1");
    expect(unknown.status).toBe(400);
    expect(unknown.body.fejl).toContain("'x'");
    expect((await get("council", "?kommune=84")).status).toBe(400);
    expect((await get("council", "?kommune=849&kommune=167")).status).toBe(400);
  });
});

describe("demo data", () => {
  it("gives each demo municipality a case from each template, A, B and C as three, linked to its targets", async () => {
    const { ensureDemoAccounts } = await import("~/data/users.server");
    const { ensureDemoTargets } = await import("../../seeds/demo-targets");
    const { ensureDemoInvestments } = await import("../../seeds/demo-investments");
    const fresh = createTestDatabase();
    try {
      await ensureDemoAccounts(fresh.db, "faelles-retning-demo");
      ensureDemoTargets(fresh.db);
      expect(ensureDemoInvestments(fresh.db)).toBe(15);
      expect(ensureDemoInvestments(fresh.db)).toBe(0);
      const rows = fresh.db.select().from(investmentCases).all();
      for (const code of ["849", "167", "580"]) {
        expect(
          rows
            .filter((r) => r.municipalityCode === code)
            .map((r) => r.template)
            .sort(),
        ).toEqual(["hoersholm-sib", "laeringsmiljoe", "soem-a", "soem-b", "soem-c"]);
      }
      const secretariat = (await getActor(fresh.db, (await signIn(fresh.db, "sekretariat")).request("/")))!;
      const a849 = listInvestmentCases(fresh.db, secretariat, "849");
      expect(a849.find((c) => c.template === "soem-a")!.targetIds).toHaveLength(1);
      expect(a849.find((c) => c.template === "laeringsmiljoe")!.targetIds).toHaveLength(1);
    } finally {
      fresh.cleanup();
    }
  });
});

describe("the quarterly report", () => {
  it("freezes each case's expected result, its linked targets and the realised spending in its own field of the snapshot", async () => {
    const { buildSnapshot } = await import("~/data/reports.server");
    const school580 = (await getActor(db, (await signIn(db, "skoledirektoer", "580")).request("/")))!;
    const id = createInvestmentCase(db, school580, "580", "soem-a");
    const now = new Date().toISOString();
    const target = db
      .insert(targets)
      .values({
        municipalityCode: "580",
        title: "Flere i almen klasse",
        rationale: "Test",
        kind: "milepael",
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    setInvestmentTargets(db, school580, id, [target.id]);
    const snapshot = buildSnapshot(db, "580", "2025K4");
    const c = snapshot.investments!.find((x) => x.id === id)!;
    expect(c.expected.netPerChildPerYear).toBeCloseTo(65_460, 6);
    expect(c.targetIds).toEqual([target.id]);
    expect(c.realisedSpending?.indicatorCode).toBe("udgift-specialundervisning-pr-elev");
    expect(snapshot.targets.some((x) => x.id === target.id)).toBe(true);
  });
});

describe("the target page", () => {
  it("shows the investment cases linked to the target", async () => {
    const { loader } = await import("~/routes/kommuner.$kode.maal.$id");
    const { createTarget } = await import("~/data/targets.server");
    const targetId = createTarget(db, a.school, "849", {
      kind: "milepael",
      title: "Læringsvejledere på alle skoler",
      rationale: "Test",
      challenges: [6],
      milestones: [{ title: "Ansat", dueDate: "2026-06-30" }],
      schoolOwnerId: a.school.id,
      socialOwnerId: a.social.id,
    });
    const id = createInvestmentCase(db, a.school, "849", "laeringsmiljoe");
    setInvestmentTargets(db, a.school, id, [targetId]);
    const data = (await loader({
      request: sessions.council.request(`/kommuner/849/maal/${targetId}`),
      params: { kode: "849", id: String(targetId) },
      context: sessions.council.context,
    })) as unknown as { investments: { id: number }[] };
    expect(data.investments.map((c) => c.id)).toEqual([id]);
  });
});
