/**
 * Comparing municipalities: ranks and thirds (Kolada's colour bands), similar municipalities
 * (LAIT's statistical neighbours) and the least-squares line of a scatter plot. Pure functions;
 * the numbers they get have already passed disclosure control.
 */
import type { Polarity } from "./catalogue";

export type Band = "best" | "middle" | "worst";

/** Which municipalities the comparison table lists, and the columns it sorts by (URL values). */
export const SELECTIONS = ["alle", "partnerskab", "gruppe"] as const;
export const SORT_KEYS = ["navn", "region", "vaerdi", "n", "rang", "aendring"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type Ranked = { rank: number | null; band: Band | null };

/**
 * Competition ranks (1, 2, 2, 4) best first, by polarity; a neutral indicator is ranked largest
 * first and gets no band. Bands are thirds of the ranked values: ties share the band of their
 * first place, so two equal values never get different colours. Missing values get neither.
 */
export function rankAndBand(values: ReadonlyMap<string, number | null>, polarity: Polarity): Map<string, Ranked> {
  const known = [...values].filter((e): e is [string, number] => e[1] !== null);
  const sign = polarity === "lower" ? 1 : -1;
  known.sort((a, b) => sign * (a[1] - b[1]) || a[0].localeCompare(b[0]));
  const out = new Map<string, Ranked>();
  let rank = 0;
  known.forEach(([code, v], i) => {
    if (i === 0 || v !== known[i - 1][1]) rank = i + 1;
    out.set(code, { rank, band: polarity === "neutral" ? null : bandOf(rank, known.length) });
  });
  for (const [code, v] of values) if (v === null) out.set(code, { rank: null, band: null });
  return out;
}

function bandOf(rank: number, count: number): Band {
  const third = (rank - 1) / count; // 0 ≤ third < 1
  return third < 1 / 3 ? "best" : third < 2 / 3 ? "middle" : "worst";
}

// -----------------------------------------------------------------------------------------------
// Similar municipalities
// -----------------------------------------------------------------------------------------------

/** The variables a comparison group can be built from, in the order they are listed: structure first, then outcomes. */
export const STRUCTURE_VARIABLES = [
  "befolkning",
  "boern",
  "urbanitet",
  "udsatte-andel",
  "anbragte-andel",
  "karakter-oevrige",
  "specialundervisning",
] as const;
export type StructureVariable = (typeof STRUCTURE_VARIABLES)[number];
/**
 * Outcomes, not structure: other pupils' grades and the special-education share are results a
 * municipality's own effort moves. A user may add them, to compare like with like on outcomes.
 */
export const OUTCOME_VARIABLES: readonly StructureVariable[] = ["karakter-oevrige", "specialundervisning"];
/** Structure only (issue 22): population, children 0–17, urbanity, the share of children in vulnerable positions. */
export const DEFAULT_STRUCTURE: StructureVariable[] = ["befolkning", "boern", "urbanitet", "udsatte-andel"];

/** A comparison group's figure from at least half its members' shown cells; fewer say too little about the group. */
export function groupFigureShown(members: { used: number; of: number }): boolean {
  return members.used > 0 && members.used * 2 >= members.of;
}
export const DEFAULT_GROUP_SIZE = 7;
export const GROUP_SIZE_RANGE = { min: 3, max: 20 } as const;

export type Neighbour = { code: string; index: number };

/**
 * The k nearest municipalities on standardised variables. Each variable becomes a z-score
 * across the municipalities that have it; the difference index (forskelsindeks) is the
 * root-mean-square difference of z-scores over the variables both municipalities have, so 0 is
 * identical and 1 is one standard deviation apart on average. A pair sharing fewer than half the
 * chosen variables is not compared at all.
 */
export function nearestNeighbours(vectors: ReadonlyMap<string, readonly (number | null)[]>, code: string, k: number): Neighbour[] {
  const z = standardise(vectors);
  const own = z.get(code);
  if (!own) return [];
  const out: Neighbour[] = [];
  for (const [other, v] of z) {
    if (other === code) continue;
    const index = differenceIndex(own, v);
    if (index !== null) out.push({ code: other, index });
  }
  return out.sort((a, b) => a.index - b.index || a.code.localeCompare(b.code)).slice(0, k);
}

export function differenceIndex(a: readonly (number | null)[], b: readonly (number | null)[]): number | null {
  let sum = 0;
  let used = 0;
  a.forEach((x, i) => {
    const y = b[i];
    if (x === null || y === null || y === undefined) return;
    sum += (x - y) ** 2;
    used++;
  });
  if (used === 0 || used * 2 < a.length) return null;
  return Math.sqrt(sum / used);
}

export function standardise(vectors: ReadonlyMap<string, readonly (number | null)[]>): Map<string, (number | null)[]> {
  const rows = [...vectors.values()];
  const width = rows[0]?.length ?? 0;
  const stats = Array.from({ length: width }, (_, i) => {
    const xs = rows.map((r) => r[i]).filter((x): x is number => x !== null && x !== undefined);
    const mean = xs.reduce((s, x) => s + x, 0) / (xs.length || 1);
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length || 1));
    return { mean, sd };
  });
  return new Map(
    [...vectors].map(([code, r]) => [
      code,
      r.map((x, i) => (x === null || x === undefined ? null : stats[i].sd > 0 ? (x - stats[i].mean) / stats[i].sd : 0)),
    ]),
  );
}

/** Great-circle distance in km between two points given in degrees. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

export const URBANITY_RADIUS_KM = 30;

/**
 * Urbanity as the population living within 30 km of a municipality's point, its own included.
 * We hold no areas, so no density; this "population potential" separates the capital's
 * suburbs from a rural municipality of the same size, which size alone does not.
 */
export function populationWithin(places: readonly { code: string; lat: number; lon: number; population: number }[]): Map<string, number> {
  return new Map(
    places.map((p) => [
      p.code,
      places.reduce((s, q) => s + (q.code === p.code || distanceKm(p, q) <= URBANITY_RADIUS_KM ? q.population : 0), 0),
    ]),
  );
}

// -----------------------------------------------------------------------------------------------
// Scatter plots
// -----------------------------------------------------------------------------------------------

export type Fit = { slope: number; intercept: number; r2: number; n: number };

/** Ordinary least squares of y on x; null below three points or without spread in x. */
export function leastSquares(points: readonly { x: number; y: number }[]): Fit | null {
  const n = points.length;
  if (n < 3) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
    syy += (p.y - my) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy), n };
}
