/**
 * The partnership's eight challenges and the first indicator catalogue (see domain brief).
 * This is reference data: it is written into the database by the seed, and the database is
 * what pages read. Kept in code so that the generator, the seed and tests share one source.
 */
import { CHALLENGE_TEXT, INDICATOR_TEXT, SOURCE_NAMES, type IndicatorText } from "../i18n/catalogue.da";
import type { Cadence } from "./periods";

/** `ratio`: a mean of something per person other than a child (cases per caseworker); its n counts those persons. */
export type Unit = "percent" | "count" | "kr" | "grade" | "ratio";
export type Polarity = "higher" | "lower" | "neutral";
export type Department = "school" | "social" | "joint";
/** How an observation's raw figures combine: a rate (Σt/Σn), a count (Σ), or a weighted mean. */
export type Measure = "rate" | "count" | "mean";

export const TARGET_GROUPS = ["anbragte", "forebyggende", "udsatte", "oevrige", "alle"] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** The groups a person can switch between on the overview (alle is shown where it is the only one). */
export const SWITCHABLE_TARGET_GROUPS = ["anbragte", "forebyggende", "udsatte", "oevrige"] as const;

export const PLACEMENT_SITES = [
  "familiepleje",
  "netvaerkspleje",
  "kommunal-plejefamilie",
  "doegninstitution",
  "opholdssted",
  "eget-vaerelse",
  "andet",
] as const;
export type PlacementSite = (typeof PLACEMENT_SITES)[number];

/** Where pupils are taught: the breakdown of `undervisningssted`. All but the first are special education. */
export const TEACHING_SITES = ["almen-uden-stoette", "almen-med-stoette", "specialklasse", "specialskole", "intern-skole"] as const;

export type ChallengeDef = { number: number; title: string; shortTitle: string; description: string };

export const CHALLENGES: ChallengeDef[] = Object.entries(CHALLENGE_TEXT).map(([n, text]) => ({ number: Number(n), ...text }));

/** An indicator's name in the page's language. */
export function indicatorName(indicator: { nameDa: string; nameEn: string }, locale: string): string {
  return locale === "en" ? indicator.nameEn : indicator.nameDa;
}

export type IndicatorDef = {
  code: string;
  nameDa: string;
  nameEn: string;
  unit: Unit;
  polarity: Polarity;
  department: Department;
  cadence: Cadence;
  source: string;
  definition: string;
  targetGroups: readonly TargetGroup[];
  /** Breakdown values (placement sites) besides the total, for indicators that have one. */
  breakdowns?: readonly string[];
  challenges: readonly number[];
  /** Per challenge: why the indicator measures it, in the sources' words. */
  why: Readonly<Record<number, string>>;
  /**
   * The children a rate counts in its denominator, when other indicators count the same ones
   * (same municipality, period and target group): their tables are protected together (ADR 0029).
   */
  population?: Population;
};

/** Denominator populations shared between indicators: pupils, ninth-graders, social cases. */
export const POPULATIONS = ["elever", "9-klasse", "sager"] as const;
export type Population = (typeof POPULATIONS)[number];

const ALL_GROUPS = TARGET_GROUPS;
const CASE_GROUPS = ["anbragte", "forebyggende", "udsatte"] as const;

const DEFINITIONS: Omit<IndicatorDef, keyof IndicatorText | "challenges">[] = [
  {
    code: "fp9-deltagelse",
    unit: "percent",
    polarity: "higher",
    department: "school",
    cadence: "school_year",
    targetGroups: ALL_GROUPS,
    population: "9-klasse",
  },
  {
    code: "fsa-gennemfoert",
    unit: "percent",
    polarity: "higher",
    department: "school",
    cadence: "school_year",
    targetGroups: ALL_GROUPS,
    population: "9-klasse",
  },
  {
    code: "fp9-min2",
    unit: "percent",
    polarity: "higher",
    department: "school",
    cadence: "school_year",
    targetGroups: ALL_GROUPS,
    population: "9-klasse",
  },
  {
    code: "fp9-karakter",
    unit: "grade",
    polarity: "higher",
    department: "school",
    cadence: "school_year",
    targetGroups: ALL_GROUPS,
  },
  {
    code: "uu-21",
    unit: "percent",
    polarity: "higher",
    department: "joint",
    cadence: "year",
    targetGroups: ALL_GROUPS,
  },
  {
    code: "uu-25",
    unit: "percent",
    polarity: "higher",
    department: "joint",
    cadence: "year",
    targetGroups: ALL_GROUPS,
  },
  {
    code: "anbragte-type",
    unit: "count",
    polarity: "neutral",
    department: "social",
    cadence: "year",
    targetGroups: ["anbragte"],
    breakdowns: PLACEMENT_SITES,
  },
  {
    code: "familiepleje-andel",
    unit: "percent",
    polarity: "higher",
    department: "social",
    cadence: "year",
    targetGroups: ["anbragte"],
  },
  {
    code: "forebyggende-antal",
    unit: "count",
    polarity: "neutral",
    department: "social",
    cadence: "year",
    targetGroups: ["forebyggende"],
  },
  {
    code: "specialundervisning-andel",
    unit: "percent",
    polarity: "lower",
    department: "school",
    cadence: "school_year",
    targetGroups: ALL_GROUPS,
    population: "elever",
  },
  {
    code: "almen-skole-anbragte",
    unit: "percent",
    polarity: "higher",
    department: "joint",
    cadence: "school_year",
    targetGroups: ["anbragte"],
    population: "elever",
  },
  {
    code: "skoleskift",
    unit: "percent",
    polarity: "lower",
    department: "joint",
    cadence: "school_year",
    targetGroups: ["anbragte"],
    population: "elever",
  },
  {
    code: "fravaer",
    unit: "percent",
    polarity: "lower",
    department: "school",
    cadence: "school_year",
    targetGroups: ALL_GROUPS,
    population: "elever",
  },
  {
    code: "udgift-udsatte-pr-barn",
    unit: "kr",
    polarity: "neutral",
    department: "social",
    cadence: "year",
    targetGroups: ["alle"],
  },
  {
    code: "udgift-specialundervisning-pr-elev",
    unit: "kr",
    polarity: "neutral",
    department: "school",
    cadence: "year",
    targetGroups: ["alle"],
  },
  {
    code: "sager-pr-raadgiver",
    unit: "ratio",
    polarity: "lower",
    department: "social",
    cadence: "year",
    targetGroups: ["alle"],
  },
  {
    code: "handleplan-skolemaal",
    unit: "percent",
    polarity: "higher",
    department: "joint",
    cadence: "quarter",
    targetGroups: CASE_GROUPS,
    population: "sager",
  },
  {
    code: "opfoelgning-rettidig",
    unit: "percent",
    polarity: "higher",
    department: "joint",
    cadence: "quarter",
    targetGroups: ["anbragte"],
    population: "sager",
  },
  {
    code: "trivsel-social",
    unit: "percent",
    polarity: "higher",
    department: "school",
    cadence: "school_year",
    targetGroups: ALL_GROUPS,
  },
  {
    code: "progression-social",
    unit: "percent",
    polarity: "higher",
    department: "joint",
    cadence: "school_year",
    targetGroups: ["anbragte"],
  },
  {
    code: "progression-laering",
    unit: "percent",
    polarity: "higher",
    department: "joint",
    cadence: "school_year",
    targetGroups: ["anbragte"],
  },
  {
    code: "undervisningssted",
    unit: "count",
    polarity: "neutral",
    department: "joint",
    cadence: "school_year",
    targetGroups: ALL_GROUPS,
    breakdowns: TEACHING_SITES,
  },
  {
    code: "anbragte-drenge",
    unit: "percent",
    polarity: "neutral",
    department: "social",
    cadence: "year",
    targetGroups: ["anbragte"],
  },
  {
    code: "anbragt-anden-kommune",
    unit: "percent",
    polarity: "neutral",
    department: "joint",
    cadence: "year",
    targetGroups: ["anbragte"],
  },
  {
    code: "undersoegelse-rettidig",
    unit: "percent",
    polarity: "higher",
    department: "social",
    cadence: "quarter",
    targetGroups: ["alle"],
  },
  {
    code: "boernesamtale",
    unit: "percent",
    polarity: "higher",
    department: "social",
    cadence: "quarter",
    targetGroups: CASE_GROUPS,
  },
  {
    code: "handleplan-opdateret",
    unit: "percent",
    polarity: "higher",
    department: "social",
    cadence: "quarter",
    targetGroups: CASE_GROUPS,
  },
  {
    code: "anbringelse-revurderet",
    unit: "percent",
    polarity: "higher",
    department: "social",
    cadence: "quarter",
    targetGroups: ["anbragte"],
  },
  {
    code: "elevplan-faelles-maal",
    unit: "percent",
    polarity: "higher",
    department: "joint",
    cadence: "quarter",
    targetGroups: CASE_GROUPS,
  },
  {
    code: "barn-inddraget-maal",
    unit: "percent",
    polarity: "higher",
    department: "joint",
    cadence: "school_year",
    targetGroups: ["anbragte"],
  },
  {
    code: "hoeje-forventninger",
    unit: "percent",
    polarity: "higher",
    department: "joint",
    cadence: "school_year",
    targetGroups: ["anbragte"],
  },
  {
    code: "sparring-brugbar",
    unit: "percent",
    polarity: "higher",
    department: "school",
    cadence: "school_year",
    targetGroups: ["anbragte"],
  },
  {
    code: "laeringsvejleder-skoler",
    unit: "percent",
    polarity: "higher",
    department: "joint",
    cadence: "year",
    targetGroups: ["alle"],
  },
];

/**
 * Why each indicator measures each of its challenges, in the sources' words (seed 001's
 * challenge texts, 002 the evaluation, 003 KL's paper, 004 the model). The only place links are
 * made: an indicator's challenges are the keys here.
 */

export const INDICATORS: IndicatorDef[] = DEFINITIONS.map((d) => {
  const text = INDICATOR_TEXT[d.code];
  return { ...d, ...text, challenges: Object.keys(text.why).map(Number) };
});

/** A catalogue text with its "seed 00N" citations named for readers. */
export function citeSources(text: string): string {
  return text.replace(/\b[Ss]eed (00[0-4])\b( \(KL\))?/g, (_, n: string) => SOURCE_NAMES[n] ?? n);
}

export function measureOf(unit: Unit): Measure {
  return unit === "percent" ? "rate" : unit === "count" ? "count" : "mean";
}

export function findIndicatorDef(code: string): IndicatorDef | undefined {
  return INDICATORS.find((i) => i.code === code);
}

/** The group an indicator is shown for: the chosen one if it has it, else its own first group. */
export function effectiveTargetGroup(indicator: { targetGroups: readonly string[] }, chosen: string): string {
  return indicator.targetGroups.includes(chosen) ? chosen : indicator.targetGroups[0];
}
