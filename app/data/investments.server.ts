/**
 * Investment cases: stored inputs, results computed on read (ADR 0027). Owned like joint
 * targets: the municipality's two directors and the secretariat write, the council reads its
 * own. Every change is validated (zod), authorised (the one policy) and written in one
 * transaction with its audit entry. Failures are DomainErrors whose keys are in the i18n files.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/connection";
import { investmentCases, investmentCaseTargets, targets } from "../../db/schema";
import { can } from "../domain/access";
import { DomainError } from "../domain/errors";
import { computeInvestment, PARTIES, sensitivity, type InvestmentModel, type InvestmentResult, type Party } from "../domain/investments/model";
import { parseDanishNumber } from "../domain/investments/numbers";
import { isTemplateKey, template } from "../domain/investments/templates";
import { SPENDING_INDICATOR, type ReportInvestment } from "../domain/investments/report";
import { audit } from "./audit.server";
import { findIndicator } from "./catalogue.server";
import { readFigures } from "./figures.server";
import type { Actor } from "./auth.server";

const E = "investments.errors.";
const partySchema = z.enum(PARTIES, { error: `${E}party` });

/** The stored model: checked on every write, so a read never meets a case it cannot compute. */
export const investmentModelSchema = z
  .object({
    childrenPerYear: z.number().gt(0).max(10_000),
    effortYears: z.number().int().min(1).max(50),
    horizonYears: z.number().int().min(1).max(50),
    discountRate: z.number().min(0).max(0.5),
    successRate: z.number().min(0).max(1),
    weeksPerYear: z.number().gt(0).max(52),
    costs: z.array(z.object({ label: z.string().min(1).max(200), party: partySchema, kind: z.enum(["etablering", "drift", "forloeb"]), amount: z.number().min(0).max(1e10), perChild: z.boolean(), offsets: z.array(z.number().int().min(0).max(50)).max(50) })).max(50),
    prices: z.array(z.object({ key: z.string().min(1).max(60), label: z.string().min(1).max(200), weekly: z.number().min(0).max(1e8), source: z.string().max(500) })).max(50),
    effects: z.array(z.object({ label: z.string().min(1).max(200), party: partySchema, fromPrice: z.string(), toPrice: z.string(), delayYears: z.number().int().min(0).max(50), durationYears: z.number().int().min(1).max(50) })).max(50),
    transfers: z.array(z.object({ label: z.string().min(1).max(200), from: partySchema, to: partySchema, amountPerChild: z.number().min(0).max(1e10), offsets: z.array(z.number().int().min(0).max(50)).max(50), onSuccess: z.boolean() })).max(50),
  })
  .refine((m) => m.effortYears <= m.horizonYears, { error: `${E}effortAfterHorizon`, path: ["effortYears"] })
  .refine((m) => m.effects.every((e) => m.prices.some((p) => p.key === e.fromPrice) && m.prices.some((p) => p.key === e.toPrice)), { error: `${E}unknownPrice` });

/** A number typed the Danish way; `scale` turns a percentage into a fraction. */
const danish = (key: string, check: (n: number) => boolean, scale = 1) =>
  z
    .string({ error: `${E}${key}` })
    .transform((s, ctx) => {
      const n = parseDanishNumber(s);
      if (n === null || !check(n)) {
        ctx.addIssue({ code: "custom", message: `${E}${key}` });
        return z.NEVER;
      }
      return n / scale;
    });

const text = (key: string, max: number) => z.string({ error: `${E}${key}` }).trim().min(1, { error: `${E}${key}` }).max(max, { error: `${E}${key}` });

/** What the edit form changes: the case's words, its scale and its amounts; the lines themselves come from its template. */
export const investmentEditSchema = z.object({
  title: text("title", 200),
  effort: text("effort", 2000),
  targetGroup: text("targetGroup", 500),
  childrenPerYear: danish("childrenPerYear", (n) => n > 0 && n <= 10_000),
  effortYears: danish("effortYears", (n) => Number.isInteger(n) && n >= 1 && n <= 50),
  horizonYears: danish("horizonYears", (n) => Number.isInteger(n) && n >= 1 && n <= 50),
  discountRate: danish("discountRate", (n) => n >= 0 && n <= 50, 100),
  successRate: danish("successRate", (n) => n >= 0 && n <= 100, 100),
  costs: z.array(z.object({ amount: danish("amount", (n) => n >= 0 && n <= 1e10), party: partySchema })).max(50),
  prices: z.array(z.object({ weekly: danish("amount", (n) => n >= 0 && n <= 1e8) })).max(50),
  effects: z.array(z.object({ party: partySchema })).max(50),
  transfers: z.array(z.object({ amountPerChild: danish("amount", (n) => n >= 0 && n <= 1e10) })).max(50),
});
export type InvestmentEdit = z.output<typeof investmentEditSchema>;

/** The edit form's flat fields (`costs.0.amount`) as the object the schema reads. */
export function editInputOf(form: FormData): unknown {
  const out: Record<string, unknown> = {};
  for (const [name, value] of form) {
    if (typeof value !== "string") continue;
    const parts = name.split(".");
    if (parts.length === 1) out[name] = value;
    else if (parts.length === 3 && /^\d{1,2}$/.test(parts[1]) && ["costs", "prices", "effects", "transfers"].includes(parts[0])) {
      const list = ((out[parts[0]] as Record<string, string>[] | undefined) ??= []);
      (list[Number(parts[1])] ??= {})[parts[2]] = value;
    }
  }
  for (const k of ["costs", "prices", "effects", "transfers"]) out[k] = Array.from((out[k] as unknown[] | undefined) ?? [], (x) => x ?? {});
  return out;
}

export type InvestmentCaseRow = typeof investmentCases.$inferSelect & { model: InvestmentModel };

function requireRead(actor: Actor, municipalityCode: string) {
  if (!can(actor, { kind: "read-targets", municipality: municipalityCode })) throw new DomainError("forbidden", `${E}forbiddenRead`);
}

function requireWrite(actor: Actor, municipalityCode: string) {
  if (!can(actor, { kind: "write-targets", municipality: municipalityCode })) throw new DomainError("forbidden", `${E}forbiddenWrite`);
}

function loadCase(db: Db, id: number): InvestmentCaseRow {
  const row = db.select().from(investmentCases).where(eq(investmentCases.id, id)).get();
  if (!row) throw new DomainError("not_found", `${E}notFound`);
  return { ...row, model: row.model as InvestmentModel };
}

/** A new case from a template, with the template's inputs; the directors adjust them after. */
export function createInvestmentCase(db: Db, actor: Actor, municipalityCode: string, templateKey: string): number {
  requireWrite(actor, municipalityCode);
  if (!isTemplateKey(templateKey)) throw new DomainError("invalid", `${E}unknownTemplate`, {}, "template");
  const t = template(templateKey);
  const model = investmentModelSchema.parse(t.model);
  const now = new Date().toISOString();
  return db.transaction((tx) => {
    const row = tx
      .insert(investmentCases)
      .values({ municipalityCode, template: t.key, title: t.title, effort: t.effort, targetGroup: t.targetGroup, model, createdAt: now, updatedAt: now })
      .returning({ id: investmentCases.id })
      .get();
    audit(tx, { actor, action: "investment.create", entity: "investment_case", entityId: row.id, municipalityCode, after: { template: t.key } });
    return row.id;
  });
}

/** The case's inputs after an edit: the lines keep their labels and kinds, the amounts and payers change. */
export function applyEdit(model: InvestmentModel, edit: InvestmentEdit): InvestmentModel {
  const same = (a: unknown[], b: unknown[]) => a.length === b.length;
  if (!same(edit.costs, model.costs) || !same(edit.prices, model.prices) || !same(edit.effects, model.effects) || !same(edit.transfers, model.transfers)) {
    throw new DomainError("conflict", `${E}linesChanged`);
  }
  const next: InvestmentModel = {
    ...model,
    childrenPerYear: edit.childrenPerYear,
    effortYears: edit.effortYears,
    horizonYears: edit.horizonYears,
    discountRate: edit.discountRate,
    successRate: edit.successRate,
    costs: model.costs.map((c, i) => ({ ...c, amount: edit.costs[i].amount, party: edit.costs[i].party })),
    prices: model.prices.map((p, i) => ({ ...p, weekly: edit.prices[i].weekly })),
    effects: model.effects.map((e, i) => ({ ...e, party: edit.effects[i].party })),
    transfers: model.transfers.map((t, i) => ({ ...t, amountPerChild: edit.transfers[i].amountPerChild })),
  };
  const checked = investmentModelSchema.safeParse(next);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new DomainError("invalid", issue.message.startsWith(E) ? issue.message : `${E}invalidModel`, {}, issue.path[0] === "effortYears" ? "effortYears" : undefined);
  }
  return checked.data;
}

export function updateInvestmentCase(db: Db, actor: Actor, id: number, edit: InvestmentEdit): void {
  const current = loadCase(db, id);
  requireWrite(actor, current.municipalityCode);
  const model = applyEdit(current.model, edit);
  db.transaction((tx) => {
    tx.update(investmentCases).set({ title: edit.title, effort: edit.effort, targetGroup: edit.targetGroup, model, updatedAt: new Date().toISOString() }).where(eq(investmentCases.id, id)).run();
    audit(tx, {
      actor,
      action: "investment.update",
      entity: "investment_case",
      entityId: id,
      municipalityCode: current.municipalityCode,
      before: { title: current.title, effort: current.effort, targetGroup: current.targetGroup, model: current.model },
      after: { title: edit.title, effort: edit.effort, targetGroup: edit.targetGroup, model },
    });
  });
}

export const linkSchema = z.object({ targetIds: z.array(z.coerce.number({ error: `${E}target` }).int().positive({ error: `${E}target` })).max(50).default([]) });

/** The joint targets the case assumes; only the same municipality's targets can be linked. */
export function setInvestmentTargets(db: Db, actor: Actor, id: number, targetIds: number[]): void {
  const current = loadCase(db, id);
  requireWrite(actor, current.municipalityCode);
  const wanted = [...new Set(targetIds)];
  const found = wanted.length ? db.select({ id: targets.id, municipalityCode: targets.municipalityCode }).from(targets).where(inArray(targets.id, wanted)).all() : [];
  if (found.length !== wanted.length || found.some((t) => t.municipalityCode !== current.municipalityCode)) throw new DomainError("invalid", `${E}target`, {}, "targetIds");
  const before = linkedTargetIds(db, id);
  db.transaction((tx) => {
    tx.delete(investmentCaseTargets).where(eq(investmentCaseTargets.caseId, id)).run();
    for (const targetId of wanted) tx.insert(investmentCaseTargets).values({ caseId: id, targetId }).run();
    audit(tx, { actor, action: "investment.targets", entity: "investment_case", entityId: id, municipalityCode: current.municipalityCode, before: { targetIds: before }, after: { targetIds: wanted } });
  });
}

export function linkedTargetIds(db: Db, caseId: number): number[] {
  return db.select({ id: investmentCaseTargets.targetId }).from(investmentCaseTargets).where(eq(investmentCaseTargets.caseId, caseId)).orderBy(asc(investmentCaseTargets.targetId)).all().map((r) => r.id);
}

/** A municipality's cases with their results, for the list, the API and the report. */
export function listInvestmentCases(db: Db, actor: Actor, municipalityCode: string): (InvestmentCaseRow & { result: InvestmentResult; targetIds: number[] })[] {
  requireRead(actor, municipalityCode);
  const rows = db.select().from(investmentCases).where(eq(investmentCases.municipalityCode, municipalityCode)).orderBy(asc(investmentCases.id)).all();
  const links = rows.length ? db.select().from(investmentCaseTargets).where(inArray(investmentCaseTargets.caseId, rows.map((r) => r.id))).all() : [];
  return rows.map((r) => {
    const model = r.model as InvestmentModel;
    return { ...r, model, result: computeInvestment(model), targetIds: links.filter((l) => l.caseId === r.id).map((l) => l.targetId).sort((a, b) => a - b) };
  });
}

/** One case with its results, sensitivity table and linked targets; not_found also for another municipality's case. */
export function investmentCaseDetail(db: Db, actor: Actor, municipalityCode: string, id: number) {
  const row = loadCase(db, id);
  if (row.municipalityCode !== municipalityCode) throw new DomainError("not_found", `${E}notFound`);
  requireRead(actor, municipalityCode);
  const targetIds = linkedTargetIds(db, id);
  const linked = targetIds.length ? db.select({ id: targets.id, title: targets.title, indicatorCode: targets.indicatorCode, state: targets.state }).from(targets).where(inArray(targets.id, targetIds)).all() : [];
  return { row, result: computeInvestment(row.model), sensitivity: sensitivity(row.model), linked };
}

/** The cases that assume a target, for the target page. */
export function casesForTarget(db: Db, actor: Actor, targetId: number) {
  const rows = db
    .select({ c: investmentCases })
    .from(investmentCaseTargets)
    .innerJoin(investmentCases, eq(investmentCases.id, investmentCaseTargets.caseId))
    .where(eq(investmentCaseTargets.targetId, targetId))
    .orderBy(asc(investmentCases.id))
    .all()
    .map((r) => r.c);
  return rows
    .filter((c) => can(actor, { kind: "read-targets", municipality: c.municipalityCode }))
    .map((c) => ({ id: c.id, municipalityCode: c.municipalityCode, title: c.title, result: summary(computeInvestment(c.model as InvestmentModel)) }));
}

/** The handful of results a list, a target page or a report shows. */
export function summary(r: InvestmentResult) {
  return { npv: r.npv, irr: r.irr, paybackYear: r.paybackYear, costPerChildPerYear: r.costPerChildPerYear, netPerChildPerYear: r.netPerChildPerYear };
}

const round = (x: number | null) => (x === null ? null : Math.round(x));
const byParty = (f: (p: Party) => number) => ({ skole: round(f("skole")), social: round(f("social")), investor: round(f("investor")) });

/** A case as the API gives it: Danish field names, whole kroner, rates as fractions. */
export function investmentCaseForApi(c: InvestmentCaseRow & { result: InvestmentResult; targetIds: number[] }) {
  const r = c.result;
  return {
    id: c.id,
    titel: c.title,
    skabelon: c.template,
    indsats: c.effort,
    maalgruppe: c.targetGroup,
    boernPrAar: c.model.childrenPerYear,
    indsatsAar: c.model.effortYears,
    horisontAar: c.model.horizonYears,
    diskonteringsrente: c.model.discountRate,
    succesrate: c.model.successRate,
    maal: c.targetIds,
    omkostningslinjer: c.model.costs.map((l) => ({ tekst: l.label, betaler: l.party, type: l.kind, beloeb: l.amount, prBarn: l.perChild })),
    effekter: c.model.effects.map((e) => ({ tekst: e.label, budget: e.party, fra: e.fromPrice, til: e.toPrice })),
    priser: c.model.prices.map((p) => ({ noegle: p.key, tekst: p.label, prUge: p.weekly, kilde: p.source })),
    pengestroemme: r.years.map((y) => ({
      aar: y.year,
      omkostninger: { ...byParty((p) => y.parties[p].costs), kommune: round(y.municipality.costs) },
      gevinster: { ...byParty((p) => y.parties[p].gains), kommune: round(y.municipality.gains) },
      finansiering: { ...byParty((p) => y.parties[p].financing), kommune: round(y.municipality.financing) },
      netto: { ...byParty((p) => y.parties[p].net), kommune: round(y.municipality.net) },
    })),
    resultat: {
      nutidsvaerdi: round(r.npv),
      internRente: r.irr,
      tilbagebetalingsaar: r.paybackYear,
      omkostningPrBarnPrAar: round(r.costPerChildPerYear),
      nettoPrBarnPrAar: round(r.netPerChildPerYear),
      nutidsvaerdiPrPart: byParty((p) => r.partyNpv[p]),
      internRentePrPart: r.partyIrr,
    },
  };
}

/** The report's view of a municipality's cases; server-internal, called where the snapshot is built. */
export function investmentsForReport(db: Db, municipalityCode: string): ReportInvestment[] {
  const rows = db.select().from(investmentCases).where(eq(investmentCases.municipalityCode, municipalityCode)).orderBy(asc(investmentCases.id)).all();
  if (rows.length === 0) return [];
  const links = db.select().from(investmentCaseTargets).where(inArray(investmentCaseTargets.caseId, rows.map((r) => r.id))).all();
  const indicator = findIndicator(db, SPENDING_INDICATOR);
  const figures = indicator ? readFigures(db, { indicator, municipalities: [municipalityCode] }).filter((f) => f.breakdown === "") : [];
  const last = figures.sort((a, b) => a.periodKey - b.periodKey).at(-1);
  const realisedSpending = last ? { indicatorCode: SPENDING_INDICATOR, period: last.period, value: last.shown, withheld: last.withheld !== null } : null;
  return rows.map((r) => {
    const model = r.model as InvestmentModel;
    const result = computeInvestment(model);
    return {
      id: r.id,
      title: r.title,
      childrenPerYear: model.childrenPerYear,
      successRate: model.successRate,
      expected: { npv: result.npv, costPerChildPerYear: result.costPerChildPerYear, netPerChildPerYear: result.netPerChildPerYear, paybackYear: result.paybackYear },
      targetIds: links.filter((l) => l.caseId === r.id).map((l) => l.targetId).sort((a, b) => a - b),
      realisedSpending,
    };
  });
}
