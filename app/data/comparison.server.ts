/**
 * Comparing municipalities (/sammenlign): the ranked table with bands and reference rows, the
 * comparison groups (sammenligningsgrupper) and the scatter plot. Every figure comes through
 * `readFigures`, so a withheld cell is `..` here exactly as everywhere else.
 */
import { DomainError, type ErrorParams } from "../domain/errors";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { prepared, untilChanged, type Db } from "../../db/connection";
import { comparisonSettings as settingsTable } from "../../db/schema";
import {
  DEFAULT_GROUP_SIZE,
  DEFAULT_STRUCTURE,
  SELECTIONS,
  SORT_KEYS,
  STRUCTURE_VARIABLES,
  leastSquares,
  nearestNeighbours,
  populationWithin,
  rankAndBand,
  type Band,
  type Fit,
  type SortKey,
  type StructureVariable,
} from "../domain/comparison";
import { effectiveTargetGroup } from "../domain/catalogue";
import type { settingsSchema } from "../domain/comparison-settings";
import { compareDa } from "../domain/format";
import { changeBetween, type Figure } from "../domain/figures";
import { parsePeriod, periodPosition } from "../domain/periods";
import { audit } from "./audit.server";
import type { Actor } from "./auth.server";
import { findIndicator, listMunicipalities, readMeta, type Indicator, type Municipality } from "./catalogue.server";
import { disclosureConfig } from "./config.server";
import { readFigures } from "./figures.server";

// -----------------------------------------------------------------------------------------------
// Settings and comparison groups
// -----------------------------------------------------------------------------------------------

export type ComparisonSettings = { variables: StructureVariable[]; groupSize: number; updatedAt: string | null };

export function comparisonSettings(db: Db): ComparisonSettings {
  // read on every comparison: kept until the database changes, each caller getting its own copy
  const kept = untilChanged(db, "comparison-settings", (): ComparisonSettings => {
    const row = db.select().from(settingsTable).where(eq(settingsTable.id, 1)).get();
    if (!row) return { variables: DEFAULT_STRUCTURE, groupSize: DEFAULT_GROUP_SIZE, updatedAt: null };
    const variables = z.array(z.enum(STRUCTURE_VARIABLES)).safeParse(JSON.parse(row.variables));
    return { variables: variables.success ? variables.data : DEFAULT_STRUCTURE, groupSize: row.groupSize, updatedAt: row.updatedAt };
  });
  return { ...kept, variables: [...kept.variables] };
}

export function saveComparisonSettings(db: Db, actor: Actor, input: z.output<typeof settingsSchema>): void {
  db.transaction((tx) => {
    const before = tx.select().from(settingsTable).where(eq(settingsTable.id, 1)).get();
    const row = { variables: JSON.stringify(input.variables), groupSize: input.groupSize, updatedAt: new Date().toISOString(), updatedBy: actor.id };
    tx.insert(settingsTable)
      .values({ id: 1, ...row })
      .onConflictDoUpdate({ target: settingsTable.id, set: row })
      .run();
    audit(tx, {
      actor,
      action: "comparison-settings.update",
      entity: "comparison-settings",
      entityId: 1,
      before: before ? { variables: JSON.parse(before.variables), groupSize: before.groupSize } : null,
      after: input,
    });
  });
  cache = null;
}

export type StructureRow = { code: string; values: Record<StructureVariable, number | null> };

/** The latest figure per municipality of one indicator and group, with the period it is from. */
function latestByMunicipality(db: Db, code: string, targetGroup: string): { period: string | null; figures: Map<string, Figure> } {
  const indicator = findIndicator(db, code);
  if (!indicator) return { period: null, figures: new Map() };
  const figures = readFigures(db, { indicator, targetGroups: [targetGroup], municipalities: "all" });
  const period = figures.filter((f) => f.shown !== null).at(-1)?.period ?? null;
  return {
    period,
    figures: new Map(figures.filter((f) => f.period === period && f.scope.kind === "municipality").map((f) => [(f.scope as { code: string }).code, f])),
  };
}

/** Every municipality's structural variables, from shown figures only (a withheld one is missing). */
export function structureTable(db: Db): { rows: StructureRow[]; periods: Partial<Record<StructureVariable, string>> } {
  const all = listMunicipalities(db);
  const children = latestByMunicipality(db, "udgift-udsatte-pr-barn", "alle"); // its n is the 0–17-year-olds
  const placed = latestByMunicipality(db, "anbragte-type", "anbragte");
  // udsatte is the union of placed and preventive, so its share is counted, never added: the
  // udsatte pupils of all pupils (the special-education share's denominators)
  const vulnerable = latestByMunicipality(db, "specialundervisning-andel", "udsatte");
  const grades = latestByMunicipality(db, "fp9-karakter", "oevrige");
  const special = latestByMunicipality(db, "specialundervisning-andel", "alle");
  const urban = populationWithin(all.map((m) => ({ code: m.code, lat: m.lat, lon: m.lon, population: m.population })));
  const share = (part: number | null | undefined, whole: number | null | undefined) => (part != null && whole ? (100 * part) / whole : null);
  const rows = all.map((m) => {
    const kids = children.figures.get(m.code)?.n ?? null;
    const a = placed.figures.get(m.code)?.shown;
    const u = vulnerable.figures.get(m.code);
    return {
      code: m.code,
      values: {
        befolkning: m.population,
        boern: kids,
        "udsatte-andel": share(u?.n, special.figures.get(m.code)?.n),
        "anbragte-andel": share(a, kids),
        urbanitet: urban.get(m.code) ?? null,
        "karakter-oevrige": grades.figures.get(m.code)?.shown ?? null,
        specialundervisning: special.figures.get(m.code)?.shown ?? null,
      },
    };
  });
  const periods: Partial<Record<StructureVariable, string>> = {
    boern: children.period ?? undefined,
    "udsatte-andel": vulnerable.period ?? undefined,
    "anbragte-andel": placed.period ?? undefined,
    "karakter-oevrige": grades.period ?? undefined,
    specialundervisning: special.period ?? undefined,
  };
  return { rows, periods };
}

// Sizes are skewed (København against Læsø); neighbours are found on their logarithm.
const LOGGED: ReadonlySet<StructureVariable> = new Set(["befolkning", "boern", "urbanitet"]);

export type ComparisonGroups = {
  settings: ComparisonSettings;
  structure: ReturnType<typeof structureTable>;
  groups: Map<string, { code: string; index: number }[]>;
};

// Recomputed when the data or the settings change; both are rare next to page views.
let cache: { key: string; db: Db; value: ComparisonGroups } | null = null;

export function comparisonGroups(db: Db): ComparisonGroups {
  const settings = comparisonSettings(db);
  const key = `${readMeta(db).data_loaded_at ?? ""}|${settings.updatedAt ?? ""}|${disclosureConfig().k}`;
  if (cache && cache.db === db && cache.key === key) return cache.value;
  const structure = structureTable(db);
  const vectors = new Map(
    structure.rows.map((r) => [
      r.code,
      settings.variables.map((v) => {
        const x = r.values[v];
        return x === null ? null : LOGGED.has(v) ? Math.log(Math.max(x, 1)) : x;
      }),
    ])
  );
  const groups = new Map(structure.rows.map((r) => [r.code, nearestNeighbours(vectors, r.code, settings.groupSize)]));
  const value = { settings, structure, groups };
  cache = { key, db, value };
  return value;
}

export function comparisonGroupOf(db: Db, code: string): string[] {
  return (comparisonGroups(db).groups.get(code) ?? []).map((n) => n.code);
}

/** Municipalities taking part in Fælles retning: those with at least one active account. */
export function partnershipMembers(db: Db): Set<string> {
  const rows = prepared(db, "select distinct municipality_code as code from users where active = 1 and municipality_code is not null").all() as { code: string }[];
  return new Set(rows.map((r) => r.code));
}

// -----------------------------------------------------------------------------------------------
// The comparison table
// -----------------------------------------------------------------------------------------------

export type ComparisonChoice = {
  indicator: Indicator;
  targetGroup: string;
  period: string;
  periods: string[];
  /** Region code to show only its municipalities, or null. */
  region: string | null;
  selection: (typeof SELECTIONS)[number];
  /** The municipality in focus: highlighted, and whose comparison group is used. */
  focus: Municipality | null;
  sort: SortKey;
  direction: "asc" | "desc";
};

export type ComparisonRow = Omit<Municipality, "population"> & {
  value: number | null;
  n: number | null;
  withheld: boolean;
  rank: number | null;
  band: Band | null;
  change: number | null;
  member: boolean;
  inGroup: boolean;
  focus: boolean;
};

/** `name`: the region, or the municipality whose comparison group it is; empty for the nation. */
export type ReferenceRow = {
  kind: "nation" | "region" | "group";
  code: string;
  name: string;
  value: number | null;
  n: number | null;
  withheld: boolean;
  members?: { used: number; of: number };
};

export type ComparisonTable = { rows: ComparisonRow[]; references: ReferenceRow[]; ranked: number; previousPeriod: string | null };

/** Periods with national data for an indicator and group, oldest first. */
export function periodsWithData(db: Db, indicator: Indicator, targetGroup: string): string[] {
  return readFigures(db, { indicator, targetGroups: [targetGroup], nation: true })
    .filter((f) => f.shown !== null)
    .map((f) => f.period);
}

export function comparisonTable(db: Db, c: ComparisonChoice): ComparisonTable {
  const all = listMunicipalities(db);
  const previousPeriod = c.periods[c.periods.indexOf(c.period) - 1] ?? null;
  const group = c.focus ? comparisonGroupOf(db, c.focus.code) : [];
  const regionCode = c.region ?? c.focus?.regionCode ?? null;
  const figures = readFigures(db, {
    indicator: c.indicator,
    targetGroups: [c.targetGroup],
    periods: previousPeriod ? [previousPeriod, c.period] : [c.period],
    municipalities: "all",
    regions: regionCode ? [regionCode] : "all",
    nation: true,
    groups: c.focus ? [{ code: c.focus.code, members: group }] : undefined,
  });
  const at = (period: string | null) =>
    new Map(figures.filter((f) => f.period === period && f.scope.kind === "municipality").map((f) => [(f.scope as { code: string }).code, f]));
  const now = at(c.period);
  const before = at(previousPeriod);
  // bands are thirds of all 98, whatever the filter, so a municipality keeps its colour
  const ranked = rankAndBand(new Map(all.map((m) => [m.code, now.get(m.code)?.shown ?? null])), c.indicator.polarity);
  const members = partnershipMembers(db);
  const inGroup = new Set(group);

  let rows: ComparisonRow[] = all.map((m) => {
    const f = now.get(m.code);
    // named fields, not `{ population, ...place } = m`: V8's object rest is slow, and so are reads of the objects it makes
    return {
      code: m.code,
      name: m.name,
      regionCode: m.regionCode,
      regionName: m.regionName,
      lat: m.lat,
      lon: m.lon,
      value: f?.shown ?? null,
      n: f?.n ?? null,
      withheld: Boolean(f?.withheld),
      rank: ranked.get(m.code)?.rank ?? null,
      band: ranked.get(m.code)?.band ?? null,
      change: changeBetween(f, before.get(m.code)),
      member: members.has(m.code),
      inGroup: inGroup.has(m.code),
      focus: m.code === c.focus?.code,
    };
  });
  if (c.region) rows = rows.filter((r) => r.regionCode === c.region);
  if (c.selection === "partnerskab") rows = rows.filter((r) => r.member || r.focus);
  if (c.selection === "gruppe") rows = rows.filter((r) => r.inGroup || r.focus);
  rows = sortRows(rows, c.sort, c.direction);

  const ref = (f: Figure | undefined): Pick<ReferenceRow, "value" | "n" | "withheld" | "members"> => ({
    value: f?.shown ?? null,
    n: f?.n ?? null,
    withheld: Boolean(f?.withheld),
    ...(f?.members ? { members: f.members } : {}),
  });
  const current = figures.filter((f) => f.period === c.period);
  const references: ReferenceRow[] = [{ kind: "nation", code: "", name: "", ...ref(current.find((f) => f.scope.kind === "nation")) }];
  const regions = [...new Map(all.map((m) => [m.regionCode, m.regionName]))].sort((a, b) => compareDa(a[1], b[1]));
  for (const [code, name] of regions) {
    if (regionCode && code !== regionCode) continue;
    references.push({ kind: "region", code, name, ...ref(current.find((f) => f.scope.kind === "region" && f.scope.code === code)) });
  }
  if (c.focus) {
    references.push({
      kind: "group",
      code: c.focus.code,
      name: c.focus.name,
      ...ref(current.find((f) => f.scope.kind === "group")),
    });
  }
  return { rows, references, ranked: [...ranked.values()].filter((r) => r.rank !== null).length, previousPeriod };
}

function sortRows(rows: ComparisonRow[], key: SortKey, direction: "asc" | "desc"): ComparisonRow[] {
  const sign = direction === "asc" ? 1 : -1;
  const pick = (r: ComparisonRow): string | number | null =>
    ({ navn: r.name, region: r.regionName, vaerdi: r.value, n: r.n, rang: r.rank, aendring: r.change }[key]);
  return [...rows].sort((a, b) => {
    const x = pick(a);
    const y = pick(b);
    // missing and withheld last in either direction: they are not "small"
    if (x === null || y === null) return x === y ? compareDa(a.name, b.name) : x === null ? 1 : -1;
    const d = typeof x === "string" ? compareDa(x, y as string) : x - (y as number);
    return sign * d || compareDa(a.name, b.name);
  });
}

// -----------------------------------------------------------------------------------------------
// Scatter plot
// -----------------------------------------------------------------------------------------------

export type ScatterPoint = { code: string; name: string; x: number; y: number; focus: boolean };
export type Scatter = {
  x: { indicator: Indicator; targetGroup: string; period: string };
  y: { indicator: Indicator; targetGroup: string; period: string };
  points: ScatterPoint[];
  /** Municipalities left out because one of the two figures is withheld or missing. */
  omitted: number;
  fit: Fit | null;
};

/** The y axis is the chosen indicator; x is another, for the same group where it has it, in the nearest period. */
export function scatter(db: Db, c: Pick<ComparisonChoice, "indicator" | "targetGroup" | "period" | "focus">, xIndicator: Indicator): Scatter | null {
  const xGroup = effectiveTargetGroup(xIndicator, c.targetGroup);
  const xPeriods = periodsWithData(db, xIndicator, xGroup);
  const target = parsePeriod(c.period);
  if (!target || xPeriods.length === 0) return null;
  const pos = periodPosition(target);
  const xPeriod = [...xPeriods].sort((a, b) => Math.abs(periodPosition(parsePeriod(a)!) - pos) - Math.abs(periodPosition(parsePeriod(b)!) - pos))[0];
  const read = (indicator: Indicator, group: string, period: string) =>
    new Map(
      readFigures(db, { indicator, targetGroups: [group], periods: [period], municipalities: "all" }).map((f) => [(f.scope as { code: string }).code, f.shown])
    );
  const xs = read(xIndicator, xGroup, xPeriod);
  const ys = read(c.indicator, c.targetGroup, c.period);
  const points: ScatterPoint[] = [];
  let omitted = 0;
  for (const m of listMunicipalities(db)) {
    const x = xs.get(m.code);
    const y = ys.get(m.code);
    if (x == null || y == null) omitted++;
    else points.push({ code: m.code, name: m.name, x, y, focus: m.code === c.focus?.code });
  }
  return {
    x: { indicator: xIndicator, targetGroup: xGroup, period: xPeriod },
    y: { indicator: c.indicator, targetGroup: c.targetGroup, period: c.period },
    points,
    omitted,
    fit: leastSquares(points),
  };
}

// -----------------------------------------------------------------------------------------------
// The query string: the page, its export and a shared link all parse it here
// -----------------------------------------------------------------------------------------------

/** A comparison query that cannot be answered: 400 with the reason in the reader's language. */
export class ComparisonQueryError extends DomainError {
  constructor(key: string, params: ErrorParams = {}) {
    super("invalid", key, params);
  }
}

export type ComparisonNotice = { kind: "group" | "period"; asked: string; shown: string };

const DEFAULT_INDICATOR = "fp9-deltagelse";
const DEFAULT_SCATTER_X = "udgift-udsatte-pr-barn";
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === null || v === "" ? undefined : v), schema.optional());
const querySchema = z.object({
  indikator: optional(z.string().max(60)),
  maalgruppe: optional(z.string().max(30)),
  periode: optional(z.string().max(10)),
  region: optional(z.string().regex(/^\d{4}$/, "compareErrors.regionCode")),
  udvalg: optional(z.enum(SELECTIONS, { message: "compareErrors.selection" })),
  kommune: optional(z.string().regex(/^\d{3}$/, "compareErrors.municipalityCode")),
  sorter: optional(z.enum(SORT_KEYS, { message: "compareErrors.sort" })),
  retning: optional(z.enum(["asc", "desc"], { message: "compareErrors.direction" })),
  x: optional(z.string().max(60)),
});

/**
 * Reads `indikator`, `maalgruppe`, `periode`, `region`, `udvalg`, `kommune`, `sorter`, `retning`.
 * Nonsense is refused with a ComparisonQueryError; a group or period the indicator has no figures for
 * (say, after switching indicator in the form) falls back to the latest, with a notice.
 */
export function parseComparisonQuery(
  db: Db,
  params: URLSearchParams,
  ownMunicipality: string | null
): { choice: ComparisonChoice; notices: ComparisonNotice[]; scatterX: Indicator } {
  const parsed = querySchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw new ComparisonQueryError(parsed.error.issues[0].message.startsWith("compareErrors.") ? parsed.error.issues[0].message : "compareErrors.query");
  const q = parsed.data;
  const indicator = findIndicator(db, q.indikator ?? DEFAULT_INDICATOR);
  if (!indicator) throw new ComparisonQueryError("errors.unknownIndicator", { code: q.indikator ?? "" });
  const notices: ComparisonNotice[] = [];
  const targetGroup = effectiveTargetGroup(indicator, q.maalgruppe ?? "anbragte");
  if (q.maalgruppe && q.maalgruppe !== targetGroup) notices.push({ kind: "group", asked: q.maalgruppe, shown: targetGroup });
  const periods = periodsWithData(db, indicator, targetGroup);
  if (periods.length === 0) throw new ComparisonQueryError("compareErrors.noFigures", { code: indicator.code });
  if (q.periode && !parsePeriod(q.periode)) throw new ComparisonQueryError("compareErrors.period", { value: q.periode });
  const period = q.periode && periods.includes(q.periode) ? q.periode : periods.at(-1)!;
  if (q.periode && q.periode !== period) notices.push({ kind: "period", asked: q.periode, shown: period });
  const all = listMunicipalities(db);
  if (q.region && !all.some((m) => m.regionCode === q.region)) throw new ComparisonQueryError("compareErrors.region", { value: q.region });
  const focusCode = params.has("kommune") ? q.kommune ?? null : ownMunicipality;
  const focus = focusCode ? all.find((m) => m.code === focusCode) ?? null : null;
  if (focusCode && !focus) throw new ComparisonQueryError("errors.unknownMunicipality", { code: focusCode });
  const selection = q.udvalg ?? "alle";
  if (selection === "gruppe" && !focus) throw new ComparisonQueryError("compareErrors.groupNeedsMunicipality");
  const sort = q.sorter ?? (indicator.polarity === "neutral" ? "vaerdi" : "rang");
  const direction = q.retning ?? (sort === "vaerdi" && indicator.polarity !== "lower" ? "desc" : "asc");
  // the scatter's horizontal axis: spending per child against the chosen outcome, unless asked otherwise
  const xCode = q.x ?? (indicator.code === DEFAULT_SCATTER_X ? DEFAULT_INDICATOR : DEFAULT_SCATTER_X);
  const scatterX = findIndicator(db, xCode);
  if (!scatterX) throw new ComparisonQueryError("errors.unknownIndicator", { code: xCode });
  return { choice: { indicator, targetGroup, period, periods, region: q.region ?? null, selection, focus, sort, direction }, notices, scatterX };
}

/** The query string of a choice, for links (sorting, export, the form's hidden fields). */
export function comparisonSearch(c: ComparisonChoice, overrides: Record<string, string> = {}): string {
  const p = new URLSearchParams({
    indikator: c.indicator.code,
    maalgruppe: c.targetGroup,
    periode: c.period,
    ...(c.region ? { region: c.region } : {}),
    udvalg: c.selection,
    kommune: c.focus?.code ?? "",
    sorter: c.sort,
    retning: c.direction,
    ...overrides,
  });
  return `?${p.toString()}`;
}
