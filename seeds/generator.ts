/**
 * Deterministic demo observations for every indicator in the catalogue and every municipality.
 *
 * Model, in short: each municipality gets persistent structural factors (a "vulnerability"
 * factor that sets its share of placed and preventive children, an age factor) and, per
 * indicator and group, a persistent effect on the logit scale with a small slope. Counts are
 * Poisson around population-proportional expectations, numerators binomial. After sampling,
 * a deterministic ±1 correction moves the national sums onto the reference trends, so the
 * national figures in CALIBRATION_TARGETS hold by construction, not by luck.
 *
 * Every random draw comes from a stream keyed by what it is for (indicator, period, group,
 * municipality), so a figure does not change when the iteration order or the catalogue does.
 */
import { INDICATORS, TEACHING_SITES, measureOf, type IndicatorDef, type Measure, type TargetGroup } from "../app/domain/catalogue";
import { parsePeriod, periodPosition, periodRange, type Cadence, type Period } from "../app/domain/periods";
import type { MunicipalitySeed } from "./municipalities";

export type ObservationSeed = {
  indicatorCode: string;
  municipalityCode: string;
  period: string;
  targetGroup: string;
  breakdown: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
};

export type GenerateOptions = { seed?: number; scale?: number };

export const DEMO_SEED = 20241;

export const DEMO_PERIODS: Readonly<Record<Cadence, readonly string[]>> = {
  school_year: periodRange("2015/16", "2024/25"),
  year: periodRange("2015", "2025"),
  quarter: periodRange("2023K1", "2025K4"),
};

/** Σ population_approx in seeds/kommuner.csv. National counts scale with the population passed in. */
export const REFERENCE_POPULATION = 5_947_000;

// ---------------------------------------------------------------------------------------------
// Reference figures the national totals must reproduce (domain brief). Tolerance is absolute in
// the statistic's unit unless `relative` (then a fraction of expected).

export type CalibrationTarget = {
  indicatorCode: string;
  period: string;
  targetGroup: TargetGroup;
  /** "" = the total; placement sites joined by "+" for a `share` of the total. */
  breakdown: string;
  /** value: national rate in %, count or weighted mean; n: Σ denominator; share: % of the breakdown total. */
  statistic: "value" | "n" | "share";
  expected: number;
  tolerance: number;
  relative?: boolean;
  source: string;
};

const ref = (
  indicatorCode: string,
  period: string,
  targetGroup: TargetGroup,
  expected: number,
  tolerance: number,
  source: string,
  extra: Partial<Pick<CalibrationTarget, "statistic" | "breakdown" | "relative">> = {},
): CalibrationTarget => ({
  indicatorCode,
  period,
  targetGroup,
  breakdown: extra.breakdown ?? "",
  statistic: extra.statistic ?? "value",
  expected,
  tolerance,
  relative: extra.relative ?? false,
  source,
});
const n3 = { statistic: "n", relative: true } as const;
const rel = { relative: true } as const;
// Each target names where its figure comes from: a seed file (with page or section), a named
// publisher outside the seeds, or "antaget" (the demo data's own assumption).
const S000 = "seed 000 s. 11 (SBST på registerdata fra Danmarks Statistik, 2023/24)";
const S001_FSA = "seed 001 (intet år angivet; lagt i 2021/22 og 'social indsats' læst som forebyggende: antaget)";
const S001_UU = "seed 001 (intet år angivet; holdt fra 2021 til 2023: antaget)";
const ASSUMED = "antaget";

export const CALIBRATION_TARGETS: readonly CalibrationTarget[] = [
  ref("fp9-deltagelse", "2023/24", "anbragte", 48, 1, S000),
  ref("fp9-deltagelse", "2023/24", "forebyggende", 57, 1, S000),
  ref("fp9-deltagelse", "2023/24", "udsatte", 56, 1, S000),
  ref("fp9-deltagelse", "2023/24", "oevrige", 92, 1, S000),
  ref("fp9-deltagelse", "2023/24", "udsatte", 5520, 0.02, S000, n3),
  ref("fp9-deltagelse", "2023/24", "anbragte", 1227, 0.02, S000, n3),
  ref("fp9-deltagelse", "2023/24", "forebyggende", 4930, 0.02, S000, n3),
  ref("fp9-deltagelse", "2023/24", "oevrige", 64185, 0.02, S000, n3),
  ref("fp9-deltagelse", "2015/16", "anbragte", 44, 1, ASSUMED),
  ref("fsa-gennemfoert", "2021/22", "anbragte", 50, 1, S001_FSA),
  ref("fsa-gennemfoert", "2021/22", "forebyggende", 63, 1, S001_FSA),
  ref("fsa-gennemfoert", "2021/22", "oevrige", 93, 1, S001_FSA),
  ref("fp9-min2", "2023/24", "anbragte", 35, 1, ASSUMED),
  ref("fp9-min2", "2023/24", "forebyggende", 45, 1, ASSUMED),
  ref("fp9-min2", "2023/24", "oevrige", 86, 1, ASSUMED),
  ref(
    "fp9-karakter",
    "2021/22",
    "anbragte",
    5.7,
    0.1,
    "antaget (domænebeskrivelsen; ikke i kilderne, der har 4,5 mod 6,7 i 2013, seed 003 fig. 6)",
  ),
  ref("fp9-karakter", "2021/22", "forebyggende", 6.0, 0.1, "antaget (domænebeskrivelsen; ikke i kilderne)"),
  ref("fp9-karakter", "2021/22", "oevrige", 8.0, 0.1, "antaget (domænebeskrivelsen; ikke i kilderne)"),
  ref("fp9-karakter", "2015/16", "anbragte", 5.0, 0.1, ASSUMED),
  ...(["2021", "2022", "2023"] as const).flatMap((y) => [
    ref("uu-21", y, "anbragte", 22, 1, S001_UU),
    ref("uu-21", y, "forebyggende", 34, 1, S001_UU),
    ref("uu-21", y, "oevrige", 73, 1, S001_UU),
  ]),
  ref("uu-21", "2022", "alle", 69300, 0.03, ASSUMED, n3),
  ref("uu-21", "2022", "anbragte", 1400, 0.03, ASSUMED, n3),
  ref("uu-21", "2022", "forebyggende", 4900, 0.03, ASSUMED, n3),
  ref(
    "uu-25",
    "2022",
    "anbragte",
    30,
    1,
    "seed 003 (KL: 70 pct. af tidligere anbragte har ikke fuldført en ungdomsuddannelse som 25-årig; intet år angivet)",
  ),
  ref("uu-25", "2022", "oevrige", 79, 1, "seed 003 (KL: 21 pct. af øvrige unge har ikke; intet år angivet)"),
  ref("uu-25", "2022", "forebyggende", 42, 1, "antaget (domænebeskrivelsen; ikke i kilderne)"),
  ref(
    "anbragte-type",
    "2018",
    "anbragte",
    10800,
    0.03,
    "Danmarks Statistik (ANBAAR): 13.823 anbragte 0–22-årige i 2018, × 0,78 for 0–17 år (antaget)",
    rel,
  ),
  ref(
    "anbragte-type",
    "2021",
    "anbragte",
    10450,
    0.03,
    "Danmarks Statistik (ANBAAR): 13.386 anbragte 0–22-årige i 2021, × 0,78 for 0–17 år (antaget)",
    rel,
  ),
  ref("anbragte-type", "2019", "anbragte", 55, 1, "seed 002 (familiepleje inkl. netværkspleje 55 pct. af de anbragte i 2019)", {
    statistic: "share",
    breakdown: "familiepleje+netvaerkspleje+kommunal-plejefamilie",
  }),
  ref("familiepleje-andel", "2019", "anbragte", 55, 1, "seed 002 (55 pct. i familiepleje i 2019)"),
  ref("familiepleje-andel", "2024", "anbragte", 60, 2, "seed 003 (KL: i Danmark er fordelingen mere 60/40; intet år angivet)"),
  ref(
    "forebyggende-antal",
    "2021",
    "forebyggende",
    35900,
    0.03,
    "Danmarks Statistik (BUForan): 43.769 0–22-årige med forebyggende foranstaltninger i 2021, × 0,82 for 0–17 år (antaget)",
    rel,
  ),
  ref("specialundervisning-andel", "2015/16", "alle", 6.5, 1, ASSUMED),
  ref("specialundervisning-andel", "2024/25", "alle", 8.5, 1, ASSUMED),
  ref("specialundervisning-andel", "2019/20", "anbragte", 45, 1, ASSUMED),
  ref("specialundervisning-andel", "2019/20", "forebyggende", 22, 1, ASSUMED),
  ref("specialundervisning-andel", "2015/16", "oevrige", 5.5, 1, ASSUMED),
  ref("specialundervisning-andel", "2019/20", "alle", 556500, 0.03, ASSUMED, n3),
  ref("specialundervisning-andel", "2019/20", "anbragte", 6500, 0.03, ASSUMED, n3),
  ref("specialundervisning-andel", "2019/20", "forebyggende", 26000, 0.03, ASSUMED, n3),
  ref("almen-skole-anbragte", "2018/19", "anbragte", 54, 1, "seed 002 (54 pct. af alle anbragte i den almene grundskole i 2018/19)"),
  ref("almen-skole-anbragte", "2018/19", "anbragte", 6500, 0.03, ASSUMED, n3),
  ref(
    "skoleskift",
    "2019/20",
    "anbragte",
    59,
    2,
    "seed 002 (59 pct. af modellens anbragte børn har skiftet skole i skoletiden; modellens børn, ikke landstal)",
  ),
  ref("fravaer", "2022/23", "alle", 27, 1, ASSUMED),
  ref("fravaer", "2022/23", "anbragte", 45, 1, ASSUMED),
  ref("fravaer", "2022/23", "forebyggende", 40, 1, ASSUMED),
  ref("fravaer", "2022/23", "oevrige", 25, 1, ASSUMED),
  ref(
    "udgift-udsatte-pr-barn",
    "2016",
    "alle",
    12200,
    0.03,
    "antaget (domænebeskrivelsen: ca. 10.000 kr. pr. 0–22-årig i 2016, omregnet til 0–17-årige; ikke i kilderne)",
    rel,
  ),
  ref("udgift-udsatte-pr-barn", "2025", "alle", 14800, 0.03, ASSUMED, rel),
  ref(
    "sager-pr-raadgiver",
    "2025",
    "alle",
    26,
    0.3,
    "antaget (ingen landstal i kilderne; seed 003: Hernings projektområder har 20 børnesager pr. rådgiver som mål)",
  ),
  ref("udgift-specialundervisning-pr-elev", "2015", "alle", 24000, 0.03, ASSUMED, rel),
  ref("udgift-specialundervisning-pr-elev", "2025", "alle", 33000, 0.03, ASSUMED, rel),
  ref("handleplan-skolemaal", "2023K1", "udsatte", 35, 1.5, ASSUMED),
  ref("handleplan-skolemaal", "2025K4", "udsatte", 60, 1.5, ASSUMED),
  ref(
    "progression-social",
    "2019/20",
    "anbragte",
    48,
    2,
    "seed 002 kap. 4 (5-15, social: 48 pct. før indsatsen; modellens børn, ikke landstal)",
  ),
  ref("progression-social", "2021/22", "anbragte", 57, 2, "seed 002 kap. 4 (5-15, social: 57 pct. ved anden progressionsmåling)"),
  ref("progression-laering", "2019/20", "anbragte", 30, 2, "seed 002 kap. 4 (5-15, læring: 30 pct. før indsatsen)"),
  ref("progression-laering", "2021/22", "anbragte", 54, 2, "seed 002 kap. 4 (5-15, læring: 54 pct. i slutningen af indsatsperioden)"),
  ref(
    "anbragte-drenge",
    "2019",
    "anbragte",
    58,
    1.5,
    "antaget (seed 002: 63 pct. af modellens anbragte børn var drenge, en overrepræsentation i forhold til alle anbragte; landstallet er ikke i kilderne)",
  ),
  ref(
    "anbragt-anden-kommune",
    "2019",
    "anbragte",
    39,
    1.5,
    "seed 002 (39 pct. af modellens børn var anbragt af en anden kommune; landstallet antaget ens)",
  ),
  ref("trivsel-social", "2022/23", "oevrige", 91, 1, ASSUMED),
  ref("trivsel-social", "2022/23", "anbragte", 75, 1.5, ASSUMED),
  ref("opfoelgning-rettidig", "2023K1", "anbragte", 55, 1, ASSUMED),
  ref("opfoelgning-rettidig", "2025K4", "anbragte", 77, 1, ASSUMED),
];

// ---------------------------------------------------------------------------------------------
// National trends the generator corrects to. x is the period position: year, school year by its
// autumn (2023/24 → 2023), quarter 2025K4 → 2025.75. Piecewise linear between anchors.

type Anchors = ReadonlyArray<readonly [number, number]>;
type Base = "anbragte" | "forebyggende" | "oevrige";
const BASES: readonly Base[] = ["anbragte", "forebyggende", "oevrige"];
type PerBase<T> = Partial<Record<Base, T>>;

const NINTH_GRADERS: Record<Base, Anchors> = {
  anbragte: [
    [2015, 1300],
    [2019, 1260],
    [2023, 1227],
    [2025, 1215],
  ],
  forebyggende: [
    [2015, 4300],
    [2019, 4650],
    [2023, 4930],
    [2025, 5000],
  ],
  oevrige: [
    [2015, 62500],
    [2019, 63000],
    [2023, 64185],
    [2025, 64500],
  ],
};
const PUPILS: Record<Base, Anchors> = {
  anbragte: [
    [2015, 6650],
    [2018, 6500],
    [2021, 6420],
    [2025, 6300],
  ],
  forebyggende: [
    [2015, 24500],
    [2019, 26000],
    [2025, 27500],
  ],
  oevrige: [
    [2015, 528000],
    [2020, 527500],
    [2025, 522000],
  ],
};
const COHORT_21: Record<Base, Anchors> = {
  anbragte: [
    [2015, 1350],
    [2022, 1400],
    [2025, 1420],
  ],
  forebyggende: [
    [2015, 4730],
    [2022, 4900],
    [2025, 4970],
  ],
  oevrige: [
    [2015, 61900],
    [2022, 63700],
    [2025, 64400],
  ],
};
/** 25-year-olds by the measure they had as children (antaget, like COHORT_21). */
const COHORT_25: Record<Base, Anchors> = {
  anbragte: [
    [2015, 1300],
    [2022, 1380],
    [2025, 1400],
  ],
  forebyggende: [
    [2015, 4500],
    [2022, 4800],
    [2025, 4900],
  ],
  oevrige: [
    [2015, 63500],
    [2022, 65000],
    [2025, 65500],
  ],
};
const CHILD_SHARE = 0.195; // 0–17-year-olds per inhabitant
const CASE_SHARE = 0.9; // active school-age cases per placed/preventive pupil
/** seed 000 p. 11 (2023/24): 1,227 + 4,930 − 5,520 = 637 of the 1,227 placed ninth-graders also had a preventive measure. */
const OVERLAP_OF_PLACED = 637 / 1227;

const RATE_TRENDS: Record<string, PerBase<Anchors>> = {
  "fp9-deltagelse": {
    anbragte: [
      [2015, 44],
      [2017, 45.5],
      [2019, 47],
      [2021, 48],
      [2022, 48],
      [2023, 48],
      [2024, 48.5],
    ],
    forebyggende: [
      [2015, 59],
      [2017, 60.5],
      [2019, 61],
      [2021, 61.5],
      [2022, 59.5],
      [2023, 57],
      [2024, 57],
    ],
    oevrige: [
      [2015, 91.5],
      [2018, 92.3],
      [2021, 93],
      [2022, 92.5],
      [2023, 92],
      [2024, 92],
    ],
  },
  "fsa-gennemfoert": {
    anbragte: [
      [2015, 46],
      [2018, 48],
      [2021, 50],
      [2024, 51],
    ],
    forebyggende: [
      [2015, 60],
      [2018, 61.5],
      [2021, 63],
      [2024, 63.5],
    ],
    oevrige: [
      [2015, 92],
      [2018, 92.5],
      [2021, 93],
      [2024, 93],
    ],
  },
  "uu-25": {
    anbragte: [
      [2015, 27],
      [2018, 28.5],
      [2022, 30],
      [2025, 31],
    ],
    forebyggende: [
      [2015, 39],
      [2018, 40.5],
      [2022, 42],
      [2025, 43],
    ],
    oevrige: [
      [2015, 77.5],
      [2018, 78.2],
      [2022, 79],
      [2025, 79.3],
    ],
  },
  "trivsel-social": {
    anbragte: [
      [2015, 74],
      [2024, 76],
    ],
    forebyggende: [
      [2015, 79],
      [2024, 80],
    ],
    oevrige: [
      [2015, 91],
      [2024, 91.5],
    ],
  },
  // seed 002 ch. 4: 48 → 57 % (social) and 30 → 54 % (learning) from the start to the end of the evaluation
  "progression-social": {
    anbragte: [
      [2015, 45],
      [2019, 48],
      [2021, 57],
      [2024, 60],
    ],
  },
  "progression-laering": {
    anbragte: [
      [2015, 28],
      [2019, 30],
      [2021, 54],
      [2024, 57],
    ],
  },
  "barn-inddraget-maal": {
    anbragte: [
      [2015, 35],
      [2019, 40],
      [2021, 60],
      [2024, 65],
    ],
  },
  "hoeje-forventninger": {
    anbragte: [
      [2015, 40],
      [2019, 45],
      [2021, 62],
      [2024, 66],
    ],
  },
  "sparring-brugbar": {
    anbragte: [
      [2015, 30],
      [2019, 35],
      [2021, 55],
      [2024, 60],
    ],
  },
  boernesamtale: {
    anbragte: [
      [2023, 78],
      [2025.75, 88],
    ],
    forebyggende: [
      [2023, 65],
      [2025.75, 78],
    ],
  },
  "handleplan-opdateret": {
    anbragte: [
      [2023, 70],
      [2025.75, 82],
    ],
    forebyggende: [
      [2023, 60],
      [2025.75, 72],
    ],
  },
  "elevplan-faelles-maal": {
    anbragte: [
      [2023, 20],
      [2025.75, 40],
    ],
    forebyggende: [
      [2023, 15],
      [2025.75, 32],
    ],
  },
  "anbringelse-revurderet": {
    anbragte: [
      [2023, 60],
      [2025.75, 75],
    ],
  },
  "uu-21": {
    anbragte: [
      [2015, 19],
      [2018, 20.5],
      [2021, 21.7],
      [2022, 22],
      [2023, 22.3],
      [2025, 23],
    ],
    forebyggende: [
      [2015, 31],
      [2018, 32.5],
      [2021, 33.7],
      [2022, 34],
      [2023, 34.3],
      [2025, 35],
    ],
    oevrige: [
      [2015, 71],
      [2018, 72],
      [2021, 72.8],
      [2022, 73],
      [2023, 73.2],
      [2025, 73.6],
    ],
  },
  "specialundervisning-andel": {
    anbragte: [
      [2015, 42],
      [2019, 45],
      [2024, 48],
    ],
    forebyggende: [
      [2015, 20],
      [2019, 22],
      [2024, 25],
    ],
    oevrige: [
      [2015, 5.5],
      [2019, 6.2],
      [2024, 7.2],
    ],
  },
  "almen-skole-anbragte": {
    anbragte: [
      [2015, 52],
      [2018, 54],
      [2024, 56],
    ],
  },
  // school changes during the whole schooling so far (seed 002's measure), falling slowly
  skoleskift: {
    anbragte: [
      [2015, 61],
      [2019, 59],
      [2024, 55],
    ],
  },
  fravaer: {
    anbragte: [
      [2015, 42],
      [2019, 43],
      [2021, 46],
      [2022, 45],
      [2024, 44.5],
    ],
    forebyggende: [
      [2015, 37],
      [2019, 38],
      [2021, 41],
      [2022, 40],
      [2024, 39.5],
    ],
    oevrige: [
      [2015, 22],
      [2019, 23],
      [2021, 26.5],
      [2022, 25.6],
      [2024, 25.2],
    ],
  },
  // group offsets chosen so udsatte (≈ 19% anbragte, 81% forebyggende) follows the brief's line
  "handleplan-skolemaal": {
    anbragte: [
      [2023, 39],
      [2025.75, 64],
    ],
    forebyggende: [
      [2023, 34],
      [2025.75, 59],
    ],
  },
  "opfoelgning-rettidig": {
    anbragte: [
      [2023, 55],
      [2025.75, 77],
    ],
    forebyggende: [
      [2023, 48.75],
      [2025.75, 70.75],
    ],
  },
};
/** Share of the participants who reach at least 2 in both subjects. */
const MIN2_OF_PARTICIPANTS: Record<Base, Anchors> = {
  anbragte: [
    [2015, 0.7],
    [2024, 0.73],
  ],
  forebyggende: [
    [2015, 0.76],
    [2024, 0.78],
  ],
  oevrige: [
    [2015, 0.925],
    [2024, 0.935],
  ],
};
const GRADES: Record<Base, Anchors> = {
  anbragte: [
    [2015, 5.0],
    [2018, 5.3],
    [2021, 5.7],
    [2024, 5.8],
  ],
  forebyggende: [
    [2015, 5.5],
    [2018, 5.75],
    [2021, 6.0],
    [2024, 6.0],
  ],
  oevrige: [
    [2015, 7.4],
    [2018, 7.6],
    [2021, 8.0],
    [2023, 7.8],
    [2024, 7.8],
  ],
};
const PLACED_TOTAL: Anchors = [
  [2015, 11150],
  [2018, 10800],
  [2021, 10450],
  [2025, 10250],
];
const FAMILY_CARE_PCT: Anchors = [
  [2015, 53],
  [2019, 55],
  [2022, 58],
  [2025, 60],
];
const PREVENTIVE_TOTAL: Anchors = [
  [2015, 33800],
  [2018, 34900],
  [2021, 35900],
  [2025, 37000],
];
const SPEND_PER_CHILD: Anchors = [
  [2015, 11900],
  [2016, 12200],
  [2025, 14800],
];
const SPECIAL_SPEND_PER_PUPIL: Anchors = [
  [2015, 24000],
  [2018, 25800],
  [2021, 28500],
  [2025, 33000],
];

/** Child-welfare cases per caseworker, national mean (antaget; seed 003 names 20 as a project's goal). */
const CASELOAD: Anchors = [
  [2015, 30],
  [2020, 28],
  [2025, 26],
];
const CHILDREN_PER_CASEWORKER = 700; // children aged 0–17 per caseworker in the family department (antaget: about 43,000 children with a measure at 26 cases each)

/** Municipal spread of rates on the logit scale; process indicators differ more between municipalities. */
const MUNI_SD: Record<string, number> = {
  "handleplan-skolemaal": 0.4,
  "opfoelgning-rettidig": 0.4,
  boernesamtale: 0.4,
  "handleplan-opdateret": 0.4,
  "elevplan-faelles-maal": 0.5,
  "anbringelse-revurderet": 0.4,
  "undersoegelse-rettidig": 0.4,
  "laeringsvejleder-skoler": 0.8,
};
/** Single-group rates drawn on their own denominators (antaget, except where the calibration says otherwise). */
const SINGLE_TRENDS: Record<string, Anchors> = {
  "anbragte-drenge": [
    [2015, 58],
    [2025, 58],
  ],
  "anbragt-anden-kommune": [
    [2015, 37],
    [2019, 39],
    [2025, 40],
  ],
  "undersoegelse-rettidig": [
    [2023, 70],
    [2025.75, 80],
  ],
  "laeringsvejleder-skoler": [
    [2015, 5],
    [2019, 12],
    [2025, 35],
  ],
};
/** Of the special-education pupils per part: support in a mainstream class, special class, special school, internal school (antaget; seed 002: internal schools are for the placed). */
const TEACHING_SPLIT: Record<Part, readonly [number, number, number, number]> = {
  a0: [0.12, 0.3, 0.18, 0.4],
  ab: [0.12, 0.3, 0.18, 0.4],
  f0: [0.45, 0.3, 0.2, 0.05],
  o: [0.5, 0.3, 0.2, 0],
};
const RESPONDENT_SHARE = 0.55; // pupils in grades 4–9 who answer the well-being survey, of all pupils
const MODEL_SHARE = 0.3; // placed pupils measured in the model, of all placed pupils
const INVESTIGATION_SHARE = 0.3; // child-welfare investigations closed in a quarter, of active cases
const DEFAULT_MUNI_SD = 0.25;
const SLOPE_SD = 0.02; // logit per year: a municipality's own drift
const YEAR_SD = 0.08; // logit: year-to-year wobble around it
const PLACEMENT_SD = 0.3;

// ---------------------------------------------------------------------------------------------
// PRNG: sfc32 seeded from a 64-bit string hash, one short-lived stream per purpose.

function hash2(key: string, seed: number): [number, number] {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(key: string, seed: number) {
    const [h1, h2] = hash2(key, seed);
    this.a = h1 | 0;
    this.b = h2 | 0;
    this.c = (h1 ^ 0x9e3779b9) | 0;
    this.d = (h2 ^ 0x6a09e667) | 0;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const r = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + r) | 0;
    return (r >>> 0) / 4294967296;
  }

  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    if (lambda >= 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    const flip = p > 0.5;
    const q = flip ? 1 - p : p;
    let k: number;
    if (n * q >= 30) {
      k = Math.min(n, Math.max(0, Math.round(n * q + Math.sqrt(n * q * (1 - q)) * this.normal())));
    } else {
      // exact inversion: small expected counts are where the disclosure cells come from
      const s = q / (1 - q);
      const a = (n + 1) * s;
      let r = Math.pow(1 - q, n);
      let u = this.next();
      k = 0;
      while (u > r && k < n && r > 0) {
        u -= r;
        k++;
        r *= a / k - s;
      }
    }
    return flip ? n - k : k;
  }
}

// ---------------------------------------------------------------------------------------------
// Small numeric helpers.

function trendAt(anchors: Anchors, x: number): number {
  const first = anchors[0]!;
  if (x <= first[0]) return first[1];
  for (let i = 1; i < anchors.length; i++) {
    const [x1, y1] = anchors[i]!;
    if (x <= x1) {
      const [x0, y0] = anchors[i - 1]!;
      return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return anchors[anchors.length - 1]![1];
}

const logit = (p: number): number => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};
const logistic = (l: number): number => 1 / (1 + Math.exp(-l));
const sum = (xs: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
};
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const round1 = (x: number): number => Math.round(x * 10) / 10 + 0; // + 0 turns -0 into 0

/**
 * Moves integer `values` by whole steps until they sum to `target`, each municipality's share of
 * the correction proportional to its weight (largest remainder for the last steps), within
 * 0 ≤ value ≤ upper. Proportional steps keep a rate's correction the same in every municipality,
 * so small municipalities keep their sampled noise.
 */
export function adjustToTotal(values: number[], target: number, weights: ArrayLike<number>, upper?: ArrayLike<number>): void {
  let diff = target - sum(values);
  while (diff !== 0) {
    const up = diff > 0;
    const need = Math.abs(diff);
    const idx: number[] = [];
    const cap: number[] = [];
    let totalWeight = 0;
    for (let i = 0; i < values.length; i++) {
      const c = up ? (upper ? upper[i]! - values[i]! : Infinity) : values[i]!;
      if (c > 0) {
        idx.push(i);
        cap.push(c);
        totalWeight += weights[i]!;
      }
    }
    if (idx.length === 0) throw new Error(`adjustToTotal: ${target} is out of reach`);
    const quota = idx.map((i) => (totalWeight > 0 ? (need * weights[i]!) / totalWeight : need / idx.length));
    const step = idx.map((_, j) => Math.min(cap[j]!, Math.floor(quota[j]!)));
    let given = sum(step);
    if (given < need) {
      const order = idx
        .map((_, j) => j)
        .filter((j) => step[j]! < cap[j]!)
        .sort((x, y) => quota[y]! - Math.floor(quota[y]!) - (quota[x]! - Math.floor(quota[x]!)) || x - y);
      for (const j of order) {
        if (given >= need) break;
        step[j]!++;
        given++;
      }
    }
    idx.forEach((i, j) => {
      values[i] = values[i]! + (up ? step[j]! : -step[j]!);
    });
    diff = up ? diff - given : diff + given;
  }
}

// ---------------------------------------------------------------------------------------------
// The model for one replicate (scale copy) of the data.

type Cell = { numerator: number | null; denominator: number | null; value: number | null };
type Block = {
  measure: Measure;
  groups: Partial<Record<TargetGroup, Cell[]>>;
  /** Breakdown rows per group, in the indicator's breakdown order. */
  breakdowns?: Partial<Record<TargetGroup, ReadonlyArray<readonly [string, Cell[]]>>>;
};

/**
 * The four disjoint parts every child falls in: placed only (a0), placed and with a preventive
 * measure in the same year (ab), preventive only (f0), and all others (o). The target groups are
 * unions of parts, so udsatte (a0 + ab + f0) is below anbragte + forebyggende by the overlap and
 * alle = udsatte + øvrige exactly.
 */
type Part = "a0" | "ab" | "f0" | "o";
const PARTS: readonly Part[] = ["a0", "ab", "f0", "o"];
type PerPart<T> = Partial<Record<Part, T>>;

function partsOf(g: TargetGroup): readonly Part[] {
  switch (g) {
    case "anbragte":
      return ["a0", "ab"];
    case "forebyggende":
      return ["ab", "f0"];
    case "udsatte":
      return ["a0", "ab", "f0"];
    case "oevrige":
      return ["o"];
    case "alle":
      return PARTS;
  }
}

/** The parts a list of target groups is built from. */
function partsFor(groups: readonly TargetGroup[]): Part[] {
  const need = new Set(groups.flatMap((g) => partsOf(g)));
  return PARTS.filter((p) => need.has(p));
}

/**
 * Per-part values (rates, ratios or means) whose weighted mean per group is the group's trend:
 * the overlap is taken to resemble the placed (antaget), and the preventive-only part takes the
 * rest of forebyggende's figure. `w` is each part's weight (its national count).
 */
function partValues(trend: PerBase<number>, w: Record<Part, number>): Record<Part, number> {
  const va = trend.anbragte ?? trend.forebyggende ?? 0;
  const vf = trend.forebyggende ?? va;
  const f0 = w.f0 > 0 ? (vf * (w.f0 + w.ab) - va * w.ab) / w.f0 : vf;
  return { a0: va, ab: va, f0, o: trend.oevrige ?? 0 };
}

const weightsOf = (xs: PerPart<readonly number[]>): Record<Part, number> => ({
  a0: xs.a0 ? sum(xs.a0) : 0,
  ab: xs.ab ? sum(xs.ab) : 0,
  f0: xs.f0 ? sum(xs.f0) : 0,
  o: xs.o ? sum(xs.o) : 0,
});

function trendsAt(anchors: PerBase<Anchors>, x: number, scale = 1): PerBase<number> {
  const out: PerBase<number> = {};
  for (const b of BASES) if (anchors[b]) out[b] = trendAt(anchors[b]!, x) * scale;
  return out;
}

function rateCells(groups: readonly TargetGroup[], num: PerPart<number[]>, den: PerPart<readonly number[]>, n: number) {
  const out: Partial<Record<TargetGroup, Cell[]>> = {};
  for (const g of groups) {
    const parts = partsOf(g);
    out[g] = Array.from({ length: n }, (_, i) => {
      let t = 0;
      let d = 0;
      for (const b of parts) {
        t += num[b]![i]!;
        d += den[b]![i]!;
      }
      return { numerator: t, denominator: d, value: null };
    });
  }
  return out;
}

function meanCells(groups: readonly TargetGroup[], value: PerPart<(number | null)[]>, count: PerPart<readonly number[]>, n: number) {
  const out: Partial<Record<TargetGroup, Cell[]>> = {};
  for (const g of groups) {
    const parts = partsOf(g);
    out[g] = Array.from({ length: n }, (_, i) => {
      let weighted = 0;
      let d = 0;
      for (const b of parts) {
        const v = value[b]![i]!;
        const c = count[b]![i]!;
        if (v !== null && c > 0) weighted += v * c;
        d += c;
      }
      // a single group keeps its own value; combined groups are the weighted mean of the rounded parts
      const v = parts.length === 1 ? value[parts[0]!]![i]! : d > 0 ? round1(weighted / d) : null;
      return { numerator: null, denominator: d, value: d > 0 ? v : null };
    });
  }
  return out;
}

class DemoModel {
  private readonly n: number;
  private readonly codes: readonly string[];
  private readonly vulnerability: Float64Array; // standard normal per municipality
  private readonly share: Record<Base, Float64Array>;
  private readonly popFactor: number;
  private readonly childTotal: number;
  private readonly memo = new Map<string, unknown>();

  constructor(
    munis: readonly MunicipalitySeed[],
    private readonly seed: number,
  ) {
    this.n = munis.length;
    this.codes = munis.map((m) => m.code);
    this.vulnerability = new Float64Array(this.n);
    this.share = { anbragte: new Float64Array(this.n), forebyggende: new Float64Array(this.n), oevrige: new Float64Array(this.n) };
    let pop = 0;
    munis.forEach((m, i) => {
      const r = this.rng(`muni|${m.code}`);
      const zv = r.normal();
      const za = r.normal();
      const zf = r.normal();
      const age = Math.exp(0.08 * r.normal()); // municipalities differ in how young they are
      const v = Math.exp(0.25 * zv);
      this.vulnerability[i] = zv;
      this.share.oevrige[i] = m.populationApprox * age;
      this.share.anbragte[i] = m.populationApprox * age * v * Math.exp(0.12 * za);
      this.share.forebyggende[i] = m.populationApprox * age * v * Math.exp(0.12 * zf);
      pop += m.populationApprox;
    });
    for (const b of BASES) {
      const s = sum(this.share[b]);
      this.share[b] = this.share[b].map((x) => x / s);
    }
    this.popFactor = pop / REFERENCE_POPULATION;
    this.childTotal = CHILD_SHARE * pop;
  }

  private rng(key: string): Rng {
    return new Rng(key, this.seed);
  }

  private cached<T>(key: string, make: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const v = make();
    this.memo.set(key, v);
    return v;
  }

  private national(anchors: Anchors, x: number): number {
    return trendAt(anchors, x) * this.popFactor;
  }

  /** Poisson counts around expected, corrected to the national total. */
  private counts(key: string, expected: ArrayLike<number>, total: number): number[] {
    const out = Array.from({ length: this.n }, (_, i) => this.rng(`${key}|${this.codes[i]}`).poisson(expected[i]!));
    adjustToTotal(out, Math.round(total), expected);
    return out;
  }

  /** Children per part: the groups' national trends, with OVERLAP_OF_PLACED of the placed also in forebyggende. */
  private groupCounts(key: string, anchors: Record<Base, Anchors>, x: number): Record<Part, number[]> {
    const placed = this.national(anchors.anbragte, x);
    const both = OVERLAP_OF_PLACED * placed;
    const total: Record<Part, number> = {
      a0: placed - both,
      ab: both,
      f0: this.national(anchors.forebyggende, x) - both,
      o: this.national(anchors.oevrige, x),
    };
    const share: Record<Part, Float64Array> = {
      a0: this.share.anbragte,
      ab: this.share.anbragte,
      f0: this.share.forebyggende,
      o: this.share.oevrige,
    };
    const out = {} as Record<Part, number[]>;
    for (const part of PARTS)
      out[part] = this.counts(
        `${key}|${part}`,
        share[part].map((s) => s * total[part]),
        total[part],
      );
    return out;
  }

  /** Persistent municipal effects (standard normal): partly shared between an indicator's groups. */
  private effect(key: string, group: string): { level: Float64Array; slope: Float64Array } {
    return this.cached(`eff|${key}|${group}`, () => {
      const level = new Float64Array(this.n);
      const slope = new Float64Array(this.n);
      for (let i = 0; i < this.n; i++) {
        const shared = this.rng(`eff|${key}|${this.codes[i]}`).normal();
        const own = this.rng(`eff|${key}|${group}|${this.codes[i]}`);
        level[i] = 0.6 * shared + 0.8 * own.normal();
        slope[i] = own.normal();
      }
      return { level, slope };
    });
  }

  /** Binomial numerators out of `trials`, corrected so their national sum is `targetCount`. */
  private rates(
    key: string,
    effectKey: string,
    group: string,
    trials: readonly number[],
    p: number,
    x: number,
    targetCount: number,
    sd: number,
  ): number[] {
    const eff = this.effect(effectKey, group);
    const base = logit(p);
    const out = Array.from({ length: this.n }, (_, i) => {
      const r = this.rng(`${key}|${group}|${this.codes[i]}`);
      const l = base + sd * eff.level[i]! + SLOPE_SD * eff.slope[i]! * (x - 2020) + YEAR_SD * r.normal();
      return r.binomial(trials[i]!, logistic(l));
    });
    adjustToTotal(out, clamp(Math.round(targetCount), 0, sum(trials)), trials, trials);
    return out;
  }

  /** Grade means per municipality, shifted so the weighted national mean is `target` (±0.05 after rounding). */
  private grades(key: string, group: Part, count: readonly number[], target: number, x: number): (number | null)[] {
    const eff = this.effect("fp9-karakter", group);
    const raw = count.map((c, i) => {
      const r = this.rng(`${key}|${group}|${this.codes[i]}`);
      // pupil-level sd ≈ 2.3, so a municipality's mean over c pupils is noisy when c is small
      const noise = c > 0 ? (2.3 / Math.sqrt(c)) * r.normal() : 0;
      return target + 0.3 * eff.level[i]! + 0.03 * eff.slope[i]! * (x - 2020) + 0.1 * r.normal() + noise;
    });
    return calibrateMean(raw, count, target, (v, shift) => round1(clamp(v + shift, -3, 12)), "shift");
  }

  /** Amounts in whole kroner, scaled so the weighted national mean is `target`. */
  private kroner(
    key: string,
    count: readonly number[],
    target: number,
    x: number,
    vulnerabilityWeight: number,
    sd: number,
  ): (number | null)[] {
    const eff = this.effect(key, "alle");
    const raw = count.map((_, i) => {
      const r = this.rng(`${key}|${x}|${this.codes[i]}`);
      const l = vulnerabilityWeight * this.vulnerability[i]! + sd * eff.level[i]! + 0.01 * eff.slope[i]! * (x - 2020) + 0.03 * r.normal();
      return target * Math.exp(l);
    });
    return calibrateMean(raw, count, target, (v, factor) => Math.round(v * factor), "scale");
  }

  /** Cases per caseworker, one decimal, scaled so the weighted national mean is `target`; more vulnerable municipalities carry more. */
  private caseload(key: string, workers: readonly number[], target: number, x: number): (number | null)[] {
    const eff = this.effect(key, "alle");
    const raw = workers.map((_, i) => {
      const r = this.rng(`${key}|${x}|${this.codes[i]}`);
      return target * Math.exp(0.1 * this.vulnerability[i]! + 0.15 * eff.level[i]! + 0.05 * r.normal());
    });
    return calibrateMean(raw, workers, target, (v, factor) => round1(v * factor), "scale");
  }

  private ninth(sy: number) {
    return this.cached(`ninth|${sy}`, () => this.groupCounts(`ninth|${sy}`, NINTH_GRADERS, sy));
  }

  private pupils(sy: number) {
    return this.cached(`pupils|${sy}`, () => this.groupCounts(`pupils|${sy}`, PUPILS, sy));
  }

  private cohort21(year: number) {
    return this.cached(`cohort21|${year}`, () => this.groupCounts(`cohort21|${year}`, COHORT_21, year));
  }

  private cohort25(year: number) {
    return this.cached(`cohort25|${year}`, () => this.groupCounts(`cohort25|${year}`, COHORT_25, year));
  }

  private children(year: number) {
    return this.cached(`children|${year}`, () =>
      this.counts(
        `children|${year}`,
        this.share.oevrige.map((s) => s * this.childTotal),
        this.childTotal,
      ),
    );
  }

  /** Binomial numerators per part around partValues of the groups' trends (in %). */
  private partRates(
    code: string,
    period: string,
    parts: readonly Part[],
    dens: PerPart<readonly number[]>,
    trend: PerBase<Anchors>,
    x: number,
    sd: number,
  ): PerPart<number[]> {
    const p = partValues(trendsAt(trend, x, 1 / 100), weightsOf(dens));
    const out: PerPart<number[]> = {};
    for (const part of parts) {
      const den = dens[part];
      if (!den) throw new Error(`Ingen demomodel for ${code}/${part}`);
      const q = clamp(p[part], 0, 1);
      out[part] = this.rates(`${code}|${period}`, code, part, den, q, x, q * sum(den), sd);
    }
    return out;
  }

  private participation(sy: number, period: string) {
    return this.cached(
      `participation|${sy}`,
      () =>
        this.partRates("fp9-deltagelse", period, PARTS, this.ninth(sy), RATE_TRENDS["fp9-deltagelse"]!, sy, DEFAULT_MUNI_SD) as Record<
          Part,
          number[]
        >,
    );
  }

  /** Active school-age cases in a quarter: most placed/preventive pupils of that school year. */
  private cases(q: Period & { cadence: "quarter" }, period: string) {
    return this.cached(`cases|${period}`, () => {
      const pupils = this.pupils(q.quarter <= 2 ? q.year - 1 : q.year); // K3 holds the August start
      const out: PerPart<number[]> = {};
      for (const part of ["a0", "ab", "f0"] as const) {
        out[part] = pupils[part].map((c, i) => this.rng(`cases|${period}|${part}|${this.codes[i]}`).binomial(c, CASE_SHARE));
      }
      return out;
    });
  }

  private placements(year: number) {
    return this.cached(`placements|${year}`, () => {
      const expectedTotal = this.national(PLACED_TOTAL, year);
      const total = this.counts(
        `placed|${year}`,
        this.share.anbragte.map((s) => s * expectedTotal),
        expectedTotal,
      );
      // sites as a chain of binary splits, each corrected nationally, so every site total is exact
      const split = (name: string, parent: readonly number[], share: number): [number[], number[]] => {
        const left = this.rates(`placement|${year}`, "placement", name, parent, share, year, share * sum(parent), PLACEMENT_SD);
        return [left, parent.map((p, i) => p - left[i]!)];
      };
      const [familyCare, otherCare] = split("family-care", total, trendAt(FAMILY_CARE_PCT, year) / 100);
      const [familiepleje, networkOrMunicipal] = split("familiepleje", familyCare, 48 / 63);
      const [netvaerkspleje, kommunal] = split("netvaerkspleje", networkOrMunicipal, 11 / 15);
      const [doegn, restOther] = split("doegninstitution", otherCare, 17 / 37);
      const [opholdssted, ownOrOther] = split("opholdssted", restOther, 14 / 20);
      const [egetVaerelse, andet] = split("eget-vaerelse", ownOrOther, 4 / 6);
      const sites: Record<string, number[]> = {
        familiepleje,
        netvaerkspleje,
        "kommunal-plejefamilie": kommunal,
        doegninstitution: doegn,
        opholdssted,
        "eget-vaerelse": egetVaerelse,
        andet,
      };
      return { total, familyCare, sites };
    });
  }

  /** A fixed share of each part's children, drawn once per purpose and period. */
  private subset(key: string, from: PerPart<readonly number[]>, share: number): PerPart<number[]> {
    return this.cached(key, () => {
      const out: PerPart<number[]> = {};
      for (const part of PARTS) {
        const xs = from[part];
        if (xs) out[part] = xs.map((c, i) => this.rng(`${key}|${part}|${this.codes[i]}`).binomial(c, share));
      }
      return out;
    });
  }

  /** One group's rate on its own denominators, corrected to the trend nationally. */
  private singleRate(code: string, period: string, group: TargetGroup, dens: readonly number[], x: number): Block {
    const p = trendAt(SINGLE_TRENDS[code]!, x) / 100;
    const nums = this.rates(`${code}|${period}`, code, group, dens, p, x, p * sum(dens), MUNI_SD[code] ?? DEFAULT_MUNI_SD);
    return { measure: "rate", groups: { [group]: dens.map((d, i) => ({ numerator: nums[i]!, denominator: d, value: null })) } };
  }

  /** Pupils by where they are taught: the special-education numerators split four ways, the rest in a mainstream class without support. */
  private teaching(ind: IndicatorDef, period: string, x: number): Block {
    const pupils = this.pupils(x);
    const parts = partsFor(ind.targetGroups);
    const special = this.partRates(
      "specialundervisning-andel",
      period,
      parts,
      pupils,
      RATE_TRENDS["specialundervisning-andel"]!,
      x,
      MUNI_SD["specialundervisning-andel"] ?? DEFAULT_MUNI_SD,
    );
    const sites: Record<string, PerPart<number[]>> = Object.fromEntries(TEACHING_SITES.map((t) => [t, {}]));
    for (const part of parts) {
      const split = TEACHING_SPLIT[part];
      sites["almen-uden-stoette"]![part] = pupils[part].map((c, i) => c - special[part]![i]!);
      const rest = [...special[part]!];
      TEACHING_SITES.slice(1).forEach((site, j) => {
        const left = split.slice(j).reduce((a, b) => a + b, 0);
        const share = left > 0 ? split[j]! / left : 0;
        sites[site]![part] = rest.map((c, i) => {
          const k = j === split.length - 1 ? c : this.rng(`teaching|${period}|${site}|${part}|${this.codes[i]}`).binomial(c, share);
          rest[i] = c - k;
          return k;
        });
      });
    }
    const cells = (perPart: PerPart<readonly number[]>, g: TargetGroup): Cell[] =>
      Array.from({ length: this.n }, (_, i) => ({
        numerator: partsOf(g).reduce((t, p) => t + perPart[p]![i]!, 0),
        denominator: null,
        value: null,
      }));
    const groups: Partial<Record<TargetGroup, Cell[]>> = {};
    const breakdowns: Partial<Record<TargetGroup, ReadonlyArray<readonly [string, Cell[]]>>> = {};
    for (const g of ind.targetGroups) {
      groups[g] = cells(pupils, g);
      breakdowns[g] = TEACHING_SITES.map((site) => [site, cells(sites[site]!, g)] as const);
    }
    return { measure: "count", groups, breakdowns };
  }

  private rateIndicator(ind: IndicatorDef, period: string, x: number, dens: PerPart<readonly number[]>): Block {
    const trends = RATE_TRENDS[ind.code];
    if (!trends) throw new Error(`Ingen demotrend for ${ind.code}`);
    const nums = this.partRates(ind.code, period, partsFor(ind.targetGroups), dens, trends, x, MUNI_SD[ind.code] ?? DEFAULT_MUNI_SD);
    return { measure: "rate", groups: rateCells(ind.targetGroups, nums, dens, this.n) };
  }

  block(ind: IndicatorDef, period: string): Block {
    const p = parsePeriod(period);
    if (!p) throw new Error(`Ugyldig periode: ${period}`);
    const x = periodPosition(p);
    const n = this.n;
    const groups = ind.targetGroups;
    switch (ind.code) {
      case "fp9-deltagelse":
        return { measure: "rate", groups: rateCells(groups, this.participation(x, period), this.ninth(x), n) };
      case "fp9-min2": {
        const dens = this.ninth(x);
        const participants = this.participation(x, period);
        const ratios = partValues(trendsAt(MIN2_OF_PARTICIPANTS, x), weightsOf(participants));
        const nums: PerPart<number[]> = {};
        for (const part of partsFor(groups)) {
          const ratio = clamp(ratios[part], 0, 1);
          // drawn among participants: nobody reaches 2 without sitting the exams
          nums[part] = this.rates(
            `fp9-min2|${period}`,
            "fp9-min2",
            part,
            participants[part],
            ratio,
            x,
            ratio * sum(participants[part]),
            DEFAULT_MUNI_SD,
          );
        }
        return { measure: "rate", groups: rateCells(groups, nums, dens, n) };
      }
      case "fp9-karakter": {
        const counts = this.participation(x, period);
        const means = partValues(trendsAt(GRADES, x), weightsOf(counts));
        const values: PerPart<(number | null)[]> = {};
        for (const part of partsFor(groups)) values[part] = this.grades(`fp9-karakter|${period}`, part, counts[part], means[part], x);
        return { measure: "mean", groups: meanCells(groups, values, counts, n) };
      }
      case "uu-21":
        return this.rateIndicator(ind, period, x, this.cohort21(x));
      case "uu-25":
        return this.rateIndicator(ind, period, x, this.cohort25(x));
      case "fsa-gennemfoert":
        return this.rateIndicator(ind, period, x, this.ninth(x));
      case "specialundervisning-andel":
      case "almen-skole-anbragte":
      case "skoleskift":
      case "fravaer":
        return this.rateIndicator(ind, period, x, this.pupils(x));
      case "handleplan-skolemaal":
      case "opfoelgning-rettidig":
      case "boernesamtale":
      case "handleplan-opdateret":
      case "elevplan-faelles-maal":
      case "anbringelse-revurderet":
        if (p.cadence !== "quarter") throw new Error(`${ind.code} er kvartalsvis`);
        return this.rateIndicator(ind, period, x, this.cases(p, period));
      case "undersoegelse-rettidig": {
        if (p.cadence !== "quarter") throw new Error(`${ind.code} er kvartalsvis`);
        const cases = this.cases(p, period);
        const dens = cases.a0!.map((a, i) =>
          this.rng(`investigations|${period}|${this.codes[i]}`).binomial(a + cases.ab![i]! + cases.f0![i]!, INVESTIGATION_SHARE),
        );
        return this.singleRate(ind.code, period, "alle", dens, x);
      }
      case "trivsel-social":
        return this.rateIndicator(ind, period, x, this.subset(`respondents|${x}`, this.pupils(x), RESPONDENT_SHARE));
      case "progression-social":
      case "progression-laering":
      case "barn-inddraget-maal":
      case "hoeje-forventninger":
      case "sparring-brugbar":
        return this.rateIndicator(ind, period, x, this.subset(`model|${x}`, this.pupils(x), MODEL_SHARE));
      case "undervisningssted":
        return this.teaching(ind, period, x);
      case "anbragte-drenge":
      case "anbragt-anden-kommune":
        return this.singleRate(ind.code, period, "anbragte", this.placements(x).total, x);
      case "laeringsvejleder-skoler": {
        // schools with placed pupils: about one per 4,500 inhabitants, at least one
        const schools = Array.from(this.share.oevrige, (s) => Math.max(1, Math.round((s * REFERENCE_POPULATION * this.popFactor) / 4500)));
        return this.singleRate(ind.code, period, "alle", schools, x);
      }
      case "anbragte-type": {
        const pl = this.placements(x);
        const cell = (c: number): Cell => ({ numerator: c, denominator: null, value: null });
        return {
          measure: "count",
          groups: { anbragte: pl.total.map(cell) },
          breakdowns: { anbragte: Object.entries(pl.sites).map(([site, cs]) => [site, cs.map(cell)] as const) },
        };
      }
      case "familiepleje-andel": {
        const pl = this.placements(x);
        return {
          measure: "rate",
          groups: { anbragte: pl.total.map((d, i) => ({ numerator: pl.familyCare[i]!, denominator: d, value: null })) },
        };
      }
      case "forebyggende-antal": {
        const total = this.national(PREVENTIVE_TOTAL, x);
        const counts = this.counts(
          `preventive|${x}`,
          this.share.forebyggende.map((s) => s * total),
          total,
        );
        return { measure: "count", groups: { forebyggende: counts.map((c) => ({ numerator: c, denominator: null, value: null })) } };
      }
      case "udgift-udsatte-pr-barn": {
        const count = this.children(x);
        // sd ≈ 20 %: 0.15 via the vulnerability factor (0.6 × its 0.25), 0.13 of the municipality's own
        const values = this.kroner(ind.code, count, trendAt(SPEND_PER_CHILD, x), x, 0.15, 0.13);
        return {
          measure: "mean",
          groups: { alle: count.map((c, i) => ({ numerator: null, denominator: c, value: c > 0 ? values[i]! : null })) },
        };
      }
      case "udgift-specialundervisning-pr-elev": {
        const pupils = this.pupils(x);
        const count = pupils.a0.map((a, i) => a + pupils.ab[i]! + pupils.f0[i]! + pupils.o[i]!);
        const values = this.kroner(ind.code, count, trendAt(SPECIAL_SPEND_PER_PUPIL, x), x, 0.08, 0.15);
        return {
          measure: "mean",
          groups: { alle: count.map((c, i) => ({ numerator: null, denominator: c, value: c > 0 ? values[i]! : null })) },
        };
      }
      case "sager-pr-raadgiver": {
        const children = this.children(x);
        // staffing follows the municipality's size and moves a little from year to year
        const workers = children.map((c, i) =>
          Math.max(1, Math.round((c / CHILDREN_PER_CASEWORKER) * Math.exp(0.06 * this.rng(`caseworkers|${x}|${this.codes[i]}`).normal()))),
        );
        const values = this.caseload(ind.code, workers, trendAt(CASELOAD, x), x);
        return {
          measure: "mean",
          groups: { alle: workers.map((w, i) => ({ numerator: null, denominator: w, value: values[i]! })) },
        };
      }
      default:
        throw new Error(`Ingen demomodel for indikatoren ${ind.code}; tilføj en i seeds/generator.ts`);
    }
  }
}

/** Applies an additive shift or a factor until the weighted mean of the rounded values hits target. */
function calibrateMean(
  raw: readonly number[],
  count: readonly number[],
  target: number,
  apply: (v: number, adjustment: number) => number,
  mode: "shift" | "scale",
): (number | null)[] {
  let adj = mode === "shift" ? 0 : 1;
  let out: (number | null)[] = [];
  for (let iter = 0; iter < 8; iter++) {
    out = raw.map((v, i) => (count[i]! > 0 ? apply(v, adj) : null));
    let w = 0;
    let d = 0;
    out.forEach((v, i) => {
      if (v !== null) {
        w += v * count[i]!;
        d += count[i]!;
      }
    });
    if (d === 0) break;
    const mean = w / d;
    if (Math.abs(mean - target) < (mode === "shift" ? 0.005 : 0.01)) break;
    adj = mode === "shift" ? adj + (target - mean) : (adj * target) / mean;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function replicateSeed(seed: number, replicate: number): number {
  return replicate === 1 ? seed : hash2(`skala-${replicate}`, seed)[0];
}

/** Rows in a fixed order: replicate, indicator (catalogue order), period, municipality, group, breakdown. */
export function* iterateDemoObservations(
  municipalities: readonly MunicipalitySeed[],
  opts: GenerateOptions = {},
): Generator<ObservationSeed, void, undefined> {
  const seed = opts.seed ?? DEMO_SEED;
  const scale = opts.scale ?? 1;
  if (!Number.isInteger(seed)) throw new RangeError(`seed skal være et heltal: ${seed}`);
  if (!Number.isInteger(scale) || scale < 1) throw new RangeError(`scale skal være et heltal ≥ 1: ${scale}`);
  if (municipalities.length === 0) throw new Error("Ingen kommuner at generere data for");
  if (new Set(municipalities.map((m) => m.code)).size !== municipalities.length) throw new Error("Dublerede kommunekoder");

  for (let k = 1; k <= scale; k++) {
    // each scale copy is a full data set from its own stream; scale 1 is the plain demo data
    const model = new DemoModel(municipalities, replicateSeed(seed, k));
    const label = (b: string): string => (k === 1 ? b : b === "" ? `skala-${k}` : `skala-${k}/${b}`);
    for (const ind of INDICATORS) {
      const measure = measureOf(ind.unit);
      const sites = ind.breakdowns ?? [];
      for (const period of DEMO_PERIODS[ind.cadence]) {
        const block = model.block(ind, period);
        if (block.measure !== measure) throw new Error(`${ind.code}: demomodellen giver ${block.measure}, kataloget ${measure}`);
        const parts = ind.targetGroups.map((g) => {
          const cells = block.groups[g];
          const rows = block.breakdowns?.[g] ?? [];
          if (!cells) throw new Error(`${ind.code}: ingen demodata for ${g}`);
          if (rows.length !== sites.length || rows.some(([s], j) => s !== sites[j])) {
            throw new Error(`${ind.code}: opdelingen passer ikke med kataloget`);
          }
          return { g, cells, rows };
        });
        for (let i = 0; i < municipalities.length; i++) {
          const municipalityCode = municipalities[i]!.code;
          for (const { g, cells, rows } of parts) {
            const row = (breakdown: string, c: Cell): ObservationSeed => ({
              indicatorCode: ind.code,
              municipalityCode,
              period,
              targetGroup: g,
              breakdown: label(breakdown),
              numerator: c.numerator,
              denominator: c.denominator,
              value: c.value,
            });
            yield row("", cells[i]!);
            for (const [site, cs] of rows) yield row(site, cs[i]!);
          }
        }
      }
    }
  }
}

export function generateDemoObservations(municipalities: readonly MunicipalitySeed[], opts: GenerateOptions = {}): ObservationSeed[] {
  return Array.from(iterateDemoObservations(municipalities, opts));
}
