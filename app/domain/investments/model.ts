/**
 * An investment case (social investment): who pays, who gains, and when. Pure and deterministic.
 *
 * Conventions (ADR 0027):
 * - years run 1..horizon; year 1 is the first budget year and is not discounted (see finance.ts);
 * - every amount is in the template's fixed prices (real), so the discount rate is real;
 * - each of the effort years a cohort of `childrenPerYear` children starts (the caseload of a
 *   running effort); set-up costs fall in year 1, running costs in every effort year;
 * - an effect moves a successful child from one school offer to another: the gain is the price
 *   difference × the school weeks a year, for `durationYears` from `delayYears` after the start;
 * - transfers (an investor's money in, repayments out) move money between parties; they count
 *   as financing, neither cost nor gain;
 * - anything that would fall after the horizon is left out.
 */
import { irr, npv } from "./finance";

export const PARTIES = ["skole", "social", "investor"] as const;
export type Party = (typeof PARTIES)[number];
/** The municipality's own departments: the municipality's result is their sum. */
export const MUNICIPAL_PARTIES = ["skole", "social"] as const satisfies readonly Party[];

export type CostLine = {
  label: string;
  party: Party;
  /** etablering: once, in year 1; drift: every effort year; forloeb: per child of each cohort, in the years `offsets` after its start. */
  kind: "etablering" | "drift" | "forloeb";
  /** kr. (per child when `perChild`; a forloeb line is always per child, per offset year). */
  amount: number;
  perChild: boolean;
  offsets: number[];
};

export type Price = { key: string; label: string; weekly: number; source: string };

export type Effect = {
  label: string;
  /** Whose budget the school offer is paid from. */
  party: Party;
  fromPrice: string;
  toPrice: string;
  delayYears: number;
  durationYears: number;
};

export type Transfer = {
  label: string;
  from: Party;
  to: Party;
  amountPerChild: number;
  offsets: number[];
  /** Paid only for the children who reach the payment metric (× the success rate). */
  onSuccess: boolean;
};

export type InvestmentModel = {
  childrenPerYear: number;
  effortYears: number;
  horizonYears: number;
  /** Real, as a fraction (0.035 = 3.5 %). */
  discountRate: number;
  /** Share of the children who reach the effect (0..1). */
  successRate: number;
  weeksPerYear: number;
  costs: CostLine[];
  prices: Price[];
  effects: Effect[];
  transfers: Transfer[];
};

export type PartyYear = { costs: number; gains: number; financing: number; net: number };
export type YearFlows = { year: number; parties: Record<Party, PartyYear>; municipality: PartyYear };

export type InvestmentResult = {
  years: YearFlows[];
  totals: { parties: Record<Party, PartyYear>; municipality: PartyYear };
  /** The municipality's net present value at the case's rate. */
  npv: number;
  /** The municipality's internal rate of return (null without one). */
  irr: number | null;
  partyNpv: Record<Party, number>;
  partyIrr: Record<Party, number | null>;
  /** The first year from which the municipality's discounted cumulative net stays ≥ 0; null if never within the horizon. */
  paybackYear: number | null;
  childYears: number;
  /** All the municipality's costs (set-up included, undiscounted) ÷ child-years. */
  costPerChildPerYear: number | null;
  /** The municipality's net (gains − costs + financing, undiscounted) ÷ child-years. */
  netPerChildPerYear: number | null;
  /** A running year's costs ÷ the children in it (the evaluation's "driftsomkostninger pr. barn"). */
  runningCostPerChildPerYear: number | null;
  /** Set-up costs ÷ the children of one year. */
  setupCostPerChild: number | null;
  /** The yearly gain of one successful child, per effect. */
  gainPerSuccessfulChildPerYear: number[];
  /** Money from outside into the municipality (an investor's) and back out (repayments), over the horizon. */
  externalFinancing: { in: number; out: number };
};

const zero = (): PartyYear => ({ costs: 0, gains: 0, financing: 0, net: 0 });
const emptyParties = (): Record<Party, PartyYear> => ({ skole: zero(), social: zero(), investor: zero() });

function add(target: PartyYear, part: Partial<Omit<PartyYear, "net">>) {
  target.costs += part.costs ?? 0;
  target.gains += part.gains ?? 0;
  target.financing += part.financing ?? 0;
  target.net = target.gains - target.costs + target.financing;
}

/** The yearly gain for one successful child of an effect: (price without − price with) × weeks. */
export function effectGainPerYear(model: Pick<InvestmentModel, "prices" | "weeksPerYear">, effect: Effect): number {
  const price = (key: string) => {
    const p = model.prices.find((x) => x.key === key);
    if (!p) throw new Error(`unknown price '${key}'`);
    return p.weekly;
  };
  return (price(effect.fromPrice) - price(effect.toPrice)) * model.weeksPerYear;
}

export function computeInvestment(model: InvestmentModel): InvestmentResult {
  const H = model.horizonYears;
  const n = model.childrenPerYear;
  const effortYears = Math.min(model.effortYears, H);
  const years: YearFlows[] = Array.from({ length: H }, (_, i) => ({ year: i + 1, parties: emptyParties(), municipality: zero() }));
  const at = (year: number) => (year >= 1 && year <= H ? years[year - 1] : null);

  for (const c of model.costs) {
    const perYear = c.perChild ? c.amount * n : c.amount;
    if (c.kind === "etablering") add(years[0].parties[c.party], { costs: perYear });
    else if (c.kind === "drift") for (let y = 1; y <= effortYears; y++) add(years[y - 1].parties[c.party], { costs: perYear });
    else
      for (let cohort = 1; cohort <= effortYears; cohort++)
        for (const o of c.offsets) {
          const row = at(cohort + o);
          if (row) add(row.parties[c.party], { costs: c.amount * n });
        }
  }

  const gains = model.effects.map((e) => effectGainPerYear(model, e));
  model.effects.forEach((e, i) => {
    const perYear = gains[i] * n * model.successRate;
    for (let cohort = 1; cohort <= effortYears; cohort++)
      for (let d = 0; d < e.durationYears; d++) {
        const row = at(cohort + e.delayYears + d);
        // a negative "gain" (the new offer costs more) is a cost of that department
        if (row) add(row.parties[e.party], perYear >= 0 ? { gains: perYear } : { costs: -perYear });
      }
  });

  const municipal = (p: Party) => (MUNICIPAL_PARTIES as readonly Party[]).includes(p);
  const externalFinancing = { in: 0, out: 0 };
  for (const t of model.transfers) {
    const amount = t.amountPerChild * n * (t.onSuccess ? model.successRate : 1);
    for (let cohort = 1; cohort <= effortYears; cohort++)
      for (const o of t.offsets) {
        const row = at(cohort + o);
        if (!row) continue;
        add(row.parties[t.from], { financing: -amount });
        add(row.parties[t.to], { financing: amount });
        if (municipal(t.to) && !municipal(t.from)) externalFinancing.in += amount;
        if (municipal(t.from) && !municipal(t.to)) externalFinancing.out += amount;
      }
  }

  for (const y of years) for (const p of MUNICIPAL_PARTIES) add(y.municipality, y.parties[p]);

  const totals = { parties: emptyParties(), municipality: zero() };
  for (const y of years) {
    for (const p of PARTIES) add(totals.parties[p], y.parties[p]);
    add(totals.municipality, y.municipality);
  }

  const flows = years.map((y) => y.municipality.net);
  const partyFlows = (p: Party) => years.map((y) => y.parties[p].net);
  const partyNpv = Object.fromEntries(PARTIES.map((p) => [p, npv(model.discountRate, partyFlows(p))])) as Record<Party, number>;
  const partyIrr = Object.fromEntries(PARTIES.map((p) => [p, irr(partyFlows(p))])) as Record<Party, number | null>;

  const childYears = n * effortYears;
  const perChildYear = (v: number) => (childYears > 0 ? v / childYears : null);
  const running = model.costs
    .filter((c) => c.kind === "drift" && MUNICIPAL_PARTIES.includes(c.party as "skole"))
    .reduce((s, c) => s + (c.perChild ? c.amount * n : c.amount), 0);
  const setup = model.costs
    .filter((c) => c.kind === "etablering" && MUNICIPAL_PARTIES.includes(c.party as "skole"))
    .reduce((s, c) => s + (c.perChild ? c.amount * n : c.amount), 0);

  return {
    years,
    totals,
    npv: npv(model.discountRate, flows),
    irr: irr(flows),
    partyNpv,
    partyIrr,
    paybackYear: paybackYear(flows, model.discountRate),
    childYears,
    costPerChildPerYear: perChildYear(totals.municipality.costs),
    netPerChildPerYear: perChildYear(totals.municipality.net),
    runningCostPerChildPerYear: n > 0 && effortYears > 0 ? running / n : null,
    setupCostPerChild: n > 0 ? setup / n : null,
    gainPerSuccessfulChildPerYear: gains,
    externalFinancing,
  };
}

/** The first year from which the discounted cumulative net stays at or above zero. */
export function paybackYear(flows: readonly number[], rate: number): number | null {
  let cumulative = 0;
  let from: number | null = null;
  flows.forEach((v, i) => {
    cumulative += v / (1 + rate) ** i;
    if (cumulative >= -1e-6) from ??= i + 1;
    else from = null;
  });
  return from;
}

export type SensitivityCell = {
  childrenPerYear: number;
  successRate: number;
  npv: number;
  netPerChildPerYear: number | null;
  costPerChildPerYear: number | null;
};

/** The case recomputed for each number of children and success rate (all else as in the case). */
export function sensitivity(
  model: InvestmentModel,
  children: readonly number[] = defaultChildren(model.childrenPerYear),
  rates: readonly number[] = defaultRates(model.successRate),
): SensitivityCell[][] {
  return children.map((c) =>
    rates.map((s) => {
      const r = computeInvestment({ ...model, childrenPerYear: c, successRate: s });
      return {
        childrenPerYear: c,
        successRate: s,
        npv: r.npv,
        netPerChildPerYear: r.netPerChildPerYear,
        costPerChildPerYear: r.costPerChildPerYear,
      };
    }),
  );
}

const uniqueSorted = (xs: number[]) => [...new Set(xs.map((x) => Math.round(x * 100) / 100))].sort((a, b) => a - b);

/** Three-quarters, the case's own and five-quarters of the children (whole children, at least one). */
export function defaultChildren(n: number): number[] {
  return uniqueSorted([Math.max(1, Math.round(n * 0.75)), n, Math.max(1, Math.round(n * 1.25))]);
}

/** The case's success rate and 25 percentage points either side, within 0–100 %. */
export function defaultRates(s: number): number[] {
  return uniqueSorted([Math.max(0, s - 0.25), s, Math.min(1, s + 0.25)]);
}
