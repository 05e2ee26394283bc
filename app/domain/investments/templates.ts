/**
 * Investment cases from the sources, built from the sources' own inputs so the tests can check
 * that they give the published figures (ADR 0027). Amounts are the sources' prices: 2022 for
 * the learning-environment model and SØM, 2025 for Hørsholm.
 */
import { TEMPLATE_TEXT } from "../../i18n/investment-templates";
import type { InvestmentModel, Price } from "./model";

export const TEMPLATE_KEYS = ["laeringsmiljoe", "soem-a", "soem-b", "soem-c", "hoersholm-sib"] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export type Template = { key: TemplateKey; title: string; effort: string; targetGroup: string; model: InvestmentModel; sources: string[] };

/** The Ministry of Finance's real discount rate for public projects (3.5 % for the first 35 years). */
export const DEFAULT_DISCOUNT_RATE = 0.035;

const roundTo = (x: number, step: number) => Math.round(x / step) * step;
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** `002` table 7-2: the three model municipalities' yearly running costs without a project leader, and their children. */
export const EVALUATION_RUNNING_WITHOUT_LEADER = [1_715_900, 1_397_400, 1_418_100] as const;
export const EVALUATION_CHILDREN = [20, 20, 22] as const;
/** `002` §7.1.5: the average set-up per municipality as published (not the mean of table 7-1, which is 909,367). */
export const EVALUATION_SETUP = 982_200;

/** The evaluation's running cost: the mean of the three municipalities, rounded to whole hundreds as published. */
export const learningRunningCost = roundTo(mean(EVALUATION_RUNNING_WITHOUT_LEADER), 100);
/** The model municipalities' average caseload, to two decimals as the source writes it. */
export const learningCaseload = Math.round(mean(EVALUATION_CHILDREN) * 100) / 100;
/** The per-child running cost SØM §7.2 uses (2022 prices). */
export const SOEM_RUNNING_PER_CHILD = 73_100;

const SOEM_SOURCE = TEMPLATE_TEXT.soemSource;
export const SOEM_PRICES: Price[] = [
  { key: "almen", label: TEMPLATE_TEXT.prices.almen, weekly: 1_477, source: SOEM_SOURCE },
  {
    key: "specialundervisning-almenklasse",
    label: TEMPLATE_TEXT.prices["specialundervisning-almenklasse"],
    weekly: 4_941,
    source: SOEM_SOURCE,
  },
  { key: "specialklasse", label: TEMPLATE_TEXT.prices.specialklasse, weekly: 4_411, source: SOEM_SOURCE },
  // 002 names SØM's internal-school price but does not print it; a published tariff stands in (ADR 0027)
  { key: "intern-skole", label: TEMPLATE_TEXT.prices["intern-skole"], weekly: 307_909.14 / 40, source: TEMPLATE_TEXT.internalSchoolSource },
];

function learningEnvironment(): Template {
  return {
    key: "laeringsmiljoe",
    title: TEMPLATE_TEXT.learning.title,
    effort: TEMPLATE_TEXT.learning.effort,
    targetGroup: TEMPLATE_TEXT.learning.targetGroup,
    model: {
      childrenPerYear: learningCaseload,
      effortYears: 5,
      horizonYears: 5,
      discountRate: DEFAULT_DISCOUNT_RATE,
      successRate: 1,
      weeksPerYear: 40,
      costs: [
        { label: TEMPLATE_TEXT.learning.setup, party: "skole", kind: "etablering", amount: EVALUATION_SETUP, perChild: false, offsets: [] },
        { label: TEMPLATE_TEXT.learning.running, party: "skole", kind: "drift", amount: learningRunningCost, perChild: false, offsets: [] },
      ],
      prices: [],
      effects: [],
      transfers: [],
    },
    sources: [TEMPLATE_TEXT.learning.source],
  };
}

const ARCHETYPES = {
  "soem-a": { from: "specialundervisning-almenklasse", to: "almen" },
  "soem-b": { from: "specialklasse", to: "specialundervisning-almenklasse" },
  "soem-c": { from: "intern-skole", to: "specialundervisning-almenklasse" },
} as const;

function soemArchetype(key: keyof typeof ARCHETYPES): Template {
  const a = ARCHETYPES[key];
  return {
    key,
    title: TEMPLATE_TEXT.archetypes[key].title,
    effort: TEMPLATE_TEXT.archetypes.effort,
    targetGroup: TEMPLATE_TEXT.archetypes.targetGroup,
    model: {
      // the source computes one child with a success rate of 100 %
      childrenPerYear: 1,
      effortYears: 5,
      horizonYears: 5,
      discountRate: DEFAULT_DISCOUNT_RATE,
      successRate: 1,
      weeksPerYear: 40,
      costs: [
        {
          label: TEMPLATE_TEXT.archetypes.running,
          party: "skole",
          kind: "drift",
          amount: SOEM_RUNNING_PER_CHILD,
          perChild: true,
          offsets: [],
        },
      ],
      prices: SOEM_PRICES,
      effects: [
        { label: TEMPLATE_TEXT.archetypes[key].effect, party: "skole", fromPrice: a.from, toPrice: a.to, delayYears: 0, durationYears: 1 },
      ],
      transfers: [],
    },
    sources: [TEMPLATE_TEXT.archetypes.source],
  };
}

/** Hørsholm's social impact bond (`000`): 16 children over 8 years, 20 % of the costs from DSI. */
export const HOERSHOLM = {
  children: 16,
  years: 8,
  horizon: 14,
  investment: 600_000,
  repayment: 800_000,
  investorShare: 0.2,
  irr: 0.066,
} as const;

function hoersholm(): Template {
  const perYear = HOERSHOLM.children / HOERSHOLM.years;
  const investmentPerChild = HOERSHOLM.investment / HOERSHOLM.children;
  const costPerChild = investmentPerChild / HOERSHOLM.investorShare;
  return {
    key: "hoersholm-sib",
    title: TEMPLATE_TEXT.hoersholm.title,
    effort: TEMPLATE_TEXT.hoersholm.effort,
    targetGroup: TEMPLATE_TEXT.hoersholm.targetGroup,
    model: {
      childrenPerYear: perYear,
      effortYears: HOERSHOLM.years,
      horizonYears: HOERSHOLM.horizon,
      discountRate: DEFAULT_DISCOUNT_RATE,
      // the source gives only the expected repayment; the template pays it for every child
      successRate: 1,
      weeksPerYear: 40,
      // the schedule (ADR 0027): each cohort's cost in its first two years; repayment five years after it starts, when it takes FSA
      costs: [
        {
          label: TEMPLATE_TEXT.hoersholm.cost,
          party: "social",
          kind: "forloeb",
          amount: costPerChild / 2,
          perChild: true,
          offsets: [0, 1],
        },
      ],
      prices: [],
      effects: [],
      transfers: [
        {
          label: TEMPLATE_TEXT.hoersholm.investment,
          from: "investor",
          to: "social",
          amountPerChild: investmentPerChild / 2,
          offsets: [0, 1],
          onSuccess: false,
        },
        {
          label: TEMPLATE_TEXT.hoersholm.repayment,
          from: "social",
          to: "investor",
          amountPerChild: HOERSHOLM.repayment / HOERSHOLM.children,
          offsets: [5],
          onSuccess: true,
        },
      ],
    },
    sources: [TEMPLATE_TEXT.hoersholm.source],
  };
}

export function isTemplateKey(s: string): s is TemplateKey {
  return (TEMPLATE_KEYS as readonly string[]).includes(s);
}

export function template(key: TemplateKey): Template {
  switch (key) {
    case "laeringsmiljoe":
      return learningEnvironment();
    case "soem-a":
    case "soem-b":
    case "soem-c":
      return soemArchetype(key);
    case "hoersholm-sib":
      return hoersholm();
  }
}
