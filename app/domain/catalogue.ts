/**
 * The partnership's eight challenges and the first indicator catalogue (see domain brief).
 * This is reference data: it is written into the database by the seed, and the database is
 * what pages read. Kept in code so that the generator, the seed and tests share one source.
 */
import type { Cadence } from "./periods";

export type Unit = "percent" | "count" | "kr" | "grade";
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

export type ChallengeDef = { number: number; title: string; shortTitle: string; description: string };

export const CHALLENGES: ChallengeDef[] = [
  {
    number: 1,
    shortTitle: "Barnets perspektiv",
    title: "Barnets og den unges perspektiv og ressourcer danner ikke afsæt for organisering af indsats på tværs af skole- og socialområdet",
    description:
      "Børn og unge har brug for voksne, der inddrager dem som eksperter i eget liv. Målsætninger formes ofte inden for ét fagområde ad gangen, selv om barnets liv foregår på tværs af skole, fritidsliv og familie, og indsatsen tilrettelægges ofte uden barnets eget perspektiv og uden et helhedsorienteret blik.",
  },
  {
    number: 2,
    shortTitle: "Lave forventninger",
    title: "Børn og unge i udsatte positioner mødes af lave forventninger til deres faglige udvikling",
    description:
      "Forventningsfattigdom – en misforstået positiv særbehandling – kan stigmatisere børnene og få fagprofessionelle til at forvente for lidt af deres faglige udvikling. Når børn mødes af lave forventninger, præsterer de dårligere og risikerer at få lave forventninger til sig selv.",
  },
  {
    number: 3,
    shortTitle: "Støtte og fællesskaber",
    title: "Der mangler sammenhæng mellem støtten til det enkelte barn og de fællesskaber, som barnet er en del af",
    description:
      "Støtte bygger på individuelle rettigheder og defineres ofte som et snævert individuelt behov frem for støtte til et fællesskab, der rummer barnet. Der bygges for lidt bro mellem fællesskaber i og uden for skolen, og PPR bruger megen tid på individuel udredning frem for forebyggende arbejde i læringsmiljøerne.",
  },
  {
    number: 4,
    shortTitle: "Systematik og fælles ansvar",
    title: "Der mangler systematik, kontinuitet og fælles ansvar i det tværgående samarbejde",
    description:
      "Sektorerne trækker sig ofte væk fra hinanden, så barnet selv må holde den røde tråd. Der mangler gennemgående voksne med en tovholderfunktion, samarbejdet ved skoleskift er begrænset, og samarbejdet på tværs af kommuner er svært, når børn anbringes i en anden kommune.",
  },
  {
    number: 5,
    shortTitle: "Kompetencer og redskaber",
    title: "De nødvendige kompetencer og redskaber er ikke altid til stede på skoler og i familieafdelinger",
    description:
      "Lærere, pædagoger, socialrådgivere og socialpædagoger mangler konkrete redskaber til at holde et fælles fokus på både læring og trivsel. Kompetenceprofilerne på skolerne favner ikke tilstrækkeligt de specialpædagogiske og socialfaglige kompetencer, og anbringelsessteder mangler viden om skolegang.",
  },
  {
    number: 6,
    shortTitle: "Sociale investeringer",
    title: "Der gennemføres for få sociale investeringer i udsatte børn og unges skolegang",
    description:
      "Investeringer i børnenes skolegang har langsigtede gevinster for den enkelte og for samfundet, men økonomien styres kortsigtet og i adskilte budgetter. Der er få eksempler på, at midler flyttes fra individuel støtte og dyre foranstaltninger til indsatser i det almene læringsmiljø.",
  },
  {
    number: 7,
    shortTitle: "Styringslogikker",
    title: "Styringsmæssige logikker udfordrer en fælles tværgående strategisk indsats",
    description:
      "Skole- og socialområdet har hver sine budgetter, mål og styringslogikker. Det gør det svært at lægge en fælles strategi for børnenes skolegang og at holde fælles ansvar for resultaterne, når målene sættes i én forvaltning ad gangen.",
  },
  {
    number: 8,
    shortTitle: "Viden i praksis",
    title: "Viden og forskning om udsatte børn og unges skolegang anvendes ikke i praksis",
    description:
      "Der findes viden om, hvad der virker for udsatte børns skolegang, men den omsættes for sjældent til praksis på skoler, anbringelsessteder og i familieafdelinger, og data om børnenes skolegang bruges for lidt i den fælles styring.",
  },
];

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

export const INDICATORS: IndicatorDef[] = [
  {
    code: "fp9-deltagelse",
    nameDa: "Andel der har aflagt de bundne prøver i dansk og matematik (9. kl.)",
    nameEn: "9th-grade exam participation",
    unit: "percent",
    polarity: "higher",
    department: "school",
    cadence: "school_year",
    source: "Børne- og Undervisningsministeriet (STIL) og Danmarks Statistik",
    definition:
      "Andelen af elever i 9. klasse, der har aflagt alle de bundne prøver i dansk og matematik ved folkeskolens afgangsprøve. Tæller: elever med aflagte prøver. Nævner: elever i 9. klasse i skoleåret.",
    targetGroups: ALL_GROUPS,
    challenges: [2, 4, 7],
    population: "9-klasse",
  },
  {
    code: "fp9-min2",
    nameDa: "Andel med mindst 2 i både dansk og matematik (9. kl.)",
    nameEn: "9th grade: at least 2 in Danish and maths",
    unit: "percent",
    polarity: "higher",
    department: "school",
    cadence: "school_year",
    source: "Børne- og Undervisningsministeriet (STIL)",
    definition:
      "Andelen af elever i 9. klasse, der har opnået mindst 2 i både dansk og matematik ved de bundne prøver. Nævner: alle elever i 9. klasse, også dem der ikke har aflagt prøverne.",
    targetGroups: ALL_GROUPS,
    challenges: [2, 5],
    population: "9-klasse",
  },
  {
    code: "fp9-karakter",
    nameDa: "Gennemsnitskarakter ved de bundne prøver i dansk og matematik",
    nameEn: "Average grade, Danish and maths exams",
    unit: "grade",
    polarity: "higher",
    department: "school",
    cadence: "school_year",
    source: "Børne- og Undervisningsministeriet (STIL)",
    definition:
      "Gennemsnittet af karaktererne (−3 til 12) ved de bundne prøver i dansk og matematik for elever, der har aflagt prøverne. Antallet er antal elever med karakter.",
    targetGroups: ALL_GROUPS,
    challenges: [2, 5],
  },
  {
    code: "uu-21",
    nameDa: "Andel med gennemført ungdomsuddannelse som 21-årig",
    nameEn: "Upper-secondary completion at 21",
    unit: "percent",
    polarity: "higher",
    department: "joint",
    cadence: "year",
    source: "Danmarks Statistik",
    definition:
      "Andelen af 21-årige, der har gennemført en ordinær ungdomsuddannelse. Målgruppen følger den foranstaltning, den unge havde som barn.",
    targetGroups: ALL_GROUPS,
    challenges: [2, 6],
  },
  {
    code: "anbragte-type",
    nameDa: "Anbragte børn og unge (0–17 år) efter anbringelsessted, 31.12",
    nameEn: "Placed children by placement site",
    unit: "count",
    polarity: "neutral",
    department: "social",
    cadence: "year",
    source: "Danmarks Statistik (ANBAAR)",
    definition:
      "Antal børn og unge på 0–17 år, der var anbragt uden for hjemmet pr. 31. december, fordelt på anbringelsessted. Opdelingen summerer til det samlede antal.",
    targetGroups: ["anbragte"],
    breakdowns: PLACEMENT_SITES,
    challenges: [3, 4],
  },
  {
    code: "familiepleje-andel",
    nameDa: "Andel af anbringelser i familiepleje (inkl. netværkspleje)",
    nameEn: "Share of placements in foster care",
    unit: "percent",
    polarity: "higher",
    department: "social",
    cadence: "year",
    source: "Danmarks Statistik (ANBAAR)",
    definition:
      "Andelen af anbragte børn og unge (0–17 år) pr. 31. december, der er anbragt i en plejefamilie, netværksplejefamilie eller kommunal plejefamilie.",
    targetGroups: ["anbragte"],
    challenges: [3],
  },
  {
    code: "forebyggende-antal",
    nameDa: "Børn og unge (0–17 år) med forebyggende foranstaltninger, 31.12",
    nameEn: "Children with preventive measures",
    unit: "count",
    polarity: "neutral",
    department: "social",
    cadence: "year",
    source: "Danmarks Statistik (BUForan)",
    definition: "Antal børn og unge på 0–17 år, der modtog en forebyggende foranstaltning pr. 31. december.",
    targetGroups: ["forebyggende"],
    challenges: [3, 6],
  },
  {
    code: "specialundervisning-andel",
    nameDa: "Andel elever i specialundervisning",
    nameEn: "Share of pupils in special education",
    unit: "percent",
    polarity: "lower",
    department: "school",
    cadence: "school_year",
    source: "Børne- og Undervisningsministeriet (STIL)",
    definition:
      "Andelen af elever i grundskolen, der går i specialklasse eller specialskole eller modtager mindst 9 timers ugentlig specialpædagogisk støtte i almenundervisningen.",
    targetGroups: ALL_GROUPS,
    challenges: [3, 6],
    population: "elever",
  },
  {
    code: "almen-skole-anbragte",
    nameDa: "Andel anbragte elever i almen grundskole",
    nameEn: "Placed pupils in mainstream school",
    unit: "percent",
    polarity: "higher",
    department: "joint",
    cadence: "school_year",
    source: "Danmarks Statistik og STIL",
    definition:
      "Andelen af anbragte elever i grundskolealderen, der går i almen grundskole – ikke i specialklasse, specialskole eller intern skole på et anbringelsessted.",
    targetGroups: ["anbragte"],
    challenges: [1, 3],
    population: "elever",
  },
  {
    code: "skoleskift",
    nameDa: "Andel anbragte elever med skoleskift i løbet af skoleåret",
    nameEn: "Placed pupils changing school",
    unit: "percent",
    polarity: "lower",
    department: "joint",
    cadence: "school_year",
    source: "Danmarks Statistik og STIL",
    definition: "Andelen af anbragte elever, der har skiftet skole mindst én gang i løbet af skoleåret.",
    targetGroups: ["anbragte"],
    challenges: [1, 4],
    population: "elever",
  },
  {
    code: "fravaer",
    nameDa: "Andel elever med mere end 10 % fravær",
    nameEn: "Pupils with more than 10% absence",
    unit: "percent",
    polarity: "lower",
    department: "school",
    cadence: "school_year",
    source: "Børne- og Undervisningsministeriet (STIL)",
    definition: "Andelen af elever i grundskolen med et samlet fravær på mere end 10 % af skoledagene i skoleåret.",
    targetGroups: ALL_GROUPS,
    challenges: [1, 3],
    population: "elever",
  },
  {
    code: "udgift-udsatte-pr-barn",
    nameDa: "Nettodriftsudgifter til udsatte børn og unge pr. 0–17-årig",
    nameEn: "Net spending on vulnerable children per child",
    unit: "kr",
    polarity: "neutral",
    department: "social",
    cadence: "year",
    source: "KL's nøgletal og Danmarks Statistik (kommunale regnskaber)",
    definition:
      "Kommunens nettodriftsudgifter til forebyggende foranstaltninger og anbringelser af børn og unge, delt med antallet af 0–17-årige i kommunen. Antallet er antal 0–17-årige.",
    targetGroups: ["alle"],
    challenges: [6, 7],
  },
  {
    code: "udgift-specialundervisning-pr-elev",
    nameDa: "Udgifter til specialundervisning pr. elev",
    nameEn: "Special-education spending per pupil",
    unit: "kr",
    polarity: "neutral",
    department: "school",
    cadence: "year",
    source: "KL's nøgletal og Danmarks Statistik (kommunale regnskaber)",
    definition:
      "Kommunens udgifter til specialundervisning i specialklasser, specialskoler og støtte i almenundervisningen, delt med antallet af elever i kommunens grundskoler.",
    targetGroups: ["alle"],
    challenges: [6, 7],
  },
  {
    code: "handleplan-skolemaal",
    nameDa: "Andel sager med skolefaglige mål i handleplanen",
    nameEn: "Action plans with school goals",
    unit: "percent",
    polarity: "higher",
    department: "joint",
    cadence: "quarter",
    source: "Kommunens egen opgørelse (procesindikator)",
    definition:
      "Andelen af aktive sager om børn i skolealderen, hvor handleplanen efter barnets lov indeholder skolefaglige mål, som skolen kender. Opgøres ved kvartalets udgang.",
    targetGroups: CASE_GROUPS,
    challenges: [1, 4, 7],
    population: "sager",
  },
  {
    code: "opfoelgning-rettidig",
    nameDa: "Andel børn med opfølgningsmøde inden for 4 måneder",
    nameEn: "Children with follow-up within 4 months",
    unit: "percent",
    polarity: "higher",
    department: "joint",
    cadence: "quarter",
    source: "Kommunens egen opgørelse (procesindikator)",
    definition:
      "Andelen af børn med en social indsats, hvor skole og familieafdeling har holdt et fælles opfølgningsmøde inden for de seneste 4 måneder. Opgøres ved kvartalets udgang.",
    targetGroups: CASE_GROUPS,
    challenges: [4, 5, 8],
    population: "sager",
  },
];

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
