/**
 * Investment cases from the sources, built from the sources' own inputs so the tests can check
 * that they give the published figures (ADR 0027). Amounts are the sources' prices: 2022 for
 * the learning-environment model and SØM, 2025 for Hørsholm.
 */
import type { InvestmentModel, Price } from "./model";

export const TEMPLATE_KEYS = ["laeringsmiljoe", "soem-a", "soem-b", "soem-c", "hoersholm-sib"] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export type Template = { key: TemplateKey; title: string; effort: string; targetGroup: string; model: InvestmentModel; sources: string[] };

/** The Ministry of Finance's real discount rate for public projects (3.5 % for the first 35 years). */
export const DEFAULT_DISCOUNT_RATE = 0.035;

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
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

const SOEM_SOURCE = "002 §7.2, note 45 (SØM's vidensdatabase, kommunens omkostninger)";
export const SOEM_PRICES: Price[] = [
  { key: "almen", label: "Almen undervisning", weekly: 1_477, source: SOEM_SOURCE },
  { key: "specialundervisning-almenklasse", label: "Specialundervisning i almenklasse", weekly: 4_941, source: SOEM_SOURCE },
  { key: "specialklasse", label: "Specialklasse", weekly: 4_411, source: SOEM_SOURCE },
  // 002 names SØM's internal-school price but does not print it; a published tariff stands in (ADR 0027)
  { key: "intern-skole", label: "Intern skole på en døgninstitution", weekly: 307_909.14 / 40, source: "Joanna, takst for undervisning 1. maj 2023: 307.909 kr. pr. år ÷ 40 uger (joannainfo.dk/kommuneinfo/priser)" },
];

function learningEnvironment(): Template {
  return {
    key: "laeringsmiljoe",
    title: "Styrket læringsmiljø for anbragte børn og unge",
    effort: "En læringskoordinator i PPR og en læringsvejleder på hver skole, uden central projektleder.",
    targetGroup: "Anbragte børn og unge i grundskolen",
    model: {
      childrenPerYear: learningCaseload,
      effortYears: 5,
      horizonYears: 5,
      discountRate: DEFAULT_DISCOUNT_RATE,
      successRate: 1,
      weeksPerYear: 40,
      costs: [
        { label: "Etablering (afdækning, opstart)", party: "skole", kind: "etablering", amount: EVALUATION_SETUP, perChild: false, offsets: [] },
        { label: "Drift uden projektleder", party: "skole", kind: "drift", amount: learningRunningCost, perChild: false, offsets: [] },
      ],
      prices: [],
      effects: [],
      transfers: [],
    },
    sources: ["002 kap. 7.1.5, tabel 7-1 og 7-2, figur 7-2 og 7-3 (2022-priser)"],
  };
}

const ARCHETYPES = {
  "soem-a": { from: "specialundervisning-almenklasse", to: "almen", title: "Arketype A: fra specialundervisning i almenklasse til almen klasse" },
  "soem-b": { from: "specialklasse", to: "specialundervisning-almenklasse", title: "Arketype B: fra specialklasse til specialundervisning i almenklasse" },
  "soem-c": { from: "intern-skole", to: "specialundervisning-almenklasse", title: "Arketype C: fra intern skole til almen klasse med støtte" },
} as const;

function soemArchetype(key: keyof typeof ARCHETYPES): Template {
  const a = ARCHETYPES[key];
  return {
    key,
    title: a.title,
    effort: "Styrket læringsmiljø (læringskoordinator og læringsvejledere) i drift, uden projektleder.",
    targetGroup: "Anbragte børn og unge i grundskolen",
    model: {
      // the source computes one child with a success rate of 100 %
      childrenPerYear: 1,
      effortYears: 5,
      horizonYears: 5,
      discountRate: DEFAULT_DISCOUNT_RATE,
      successRate: 1,
      weeksPerYear: 40,
      costs: [{ label: "Drift uden projektleder", party: "skole", kind: "drift", amount: SOEM_RUNNING_PER_CHILD, perChild: true, offsets: [] }],
      prices: SOEM_PRICES,
      effects: [{ label: capitalised(a.title.replace(/^Arketype .: /, "")), party: "skole", fromPrice: a.from, toPrice: a.to, delayYears: 0, durationYears: 1 }],
      transfers: [],
    },
    sources: ["002 §7.2, figur 7-5 og note 45 (2022-priser, 40 skoleuger)"],
  };
}

/** Hørsholm's social impact bond (`000`): 16 children over 8 years, 20 % of the costs from DSI. */
export const HOERSHOLM = { children: 16, years: 8, horizon: 14, investment: 600_000, repayment: 800_000, investorShare: 0.2, irr: 0.066 } as const;

function hoersholm(): Template {
  const perYear = HOERSHOLM.children / HOERSHOLM.years;
  const investmentPerChild = HOERSHOLM.investment / HOERSHOLM.children;
  const costPerChild = investmentPerChild / HOERSHOLM.investorShare;
  return {
    key: "hoersholm-sib",
    title: "Lær for Livet med social effektinvestering (Hørsholm)",
    effort: "Lær for Livet. Den Sociale Investeringsfond finansierer 20 % af omkostningerne og får dem tilbage med afkast, når de unge består FSA.",
    targetGroup: "Anbragte børn, der skal bestå folkeskolens afgangsprøve",
    model: {
      childrenPerYear: perYear,
      effortYears: HOERSHOLM.years,
      horizonYears: HOERSHOLM.horizon,
      discountRate: DEFAULT_DISCOUNT_RATE,
      // the source gives only the expected repayment; the template pays it for every child
      successRate: 1,
      weeksPerYear: 40,
      // the schedule (ADR 0027): each cohort's cost in its first two years; repayment five years after it starts, when it takes FSA
      costs: [{ label: "Lær for Livet pr. barn (fordelt på to år)", party: "social", kind: "forloeb", amount: costPerChild / 2, perChild: true, offsets: [0, 1] }],
      prices: [],
      effects: [],
      transfers: [
        { label: "Investering fra Den Sociale Investeringsfond (20 %)", from: "investor", to: "social", amountPerChild: investmentPerChild / 2, offsets: [0, 1], onSuccess: false },
        { label: "Tilbagebetaling, når den unge består FSA", from: "social", to: "investor", amountPerChild: HOERSHOLM.repayment / HOERSHOLM.children, offsets: [5], onSuccess: true },
      ],
    },
    sources: ["000, Lær for Livet i Hørsholm Kommune: pengeflow og nøgletal (2025-priser)"],
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
