/**
 * The import format, row by row: which columns a file has, and whether one row is a valid
 * observation. Pure functions; reading files and writing the database are in import.server.ts.
 *
 * Long format, one observation per row, columns by name in any order:
 * `indikator; kommune; periode; maalgruppe; opdeling; taeller; naevner; vaerdi`.
 */
import { measureOf, type Unit } from "../catalogue";
import { parsePeriod, periodKey, type Cadence, type Period } from "../periods";

export const IMPORT_COLUMNS = ["indikator", "kommune", "periode", "maalgruppe", "opdeling", "taeller", "naevner", "vaerdi"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Header names as people write them, after `normaliseHeader`. */
const SYNONYMS: Record<string, ImportColumn> = {
  indikator: "indikator",
  indikatorkode: "indikator",
  kommune: "kommune",
  kommunekode: "kommune",
  kommunenavn: "kommune",
  kommunenr: "kommune",
  periode: "periode",
  maalgruppe: "maalgruppe",
  malgruppe: "maalgruppe",
  gruppe: "maalgruppe",
  opdeling: "opdeling",
  anbringelsessted: "opdeling",
  taeller: "taeller",
  antal: "taeller",
  naevner: "naevner",
  antalboern: "naevner",
  vaerdi: "vaerdi",
  beloeb: "vaerdi",
  gennemsnit: "vaerdi",
};

/** Column names that can only hold person-level data: such a file is refused outright. */
const PERSON_HEADERS = new Set([
  "cpr",
  "cprnr",
  "cprnummer",
  "personnummer",
  "personnr",
  "navn",
  "fornavn",
  "efternavn",
  "mellemnavn",
  "fuldtnavn",
  "elevnavn",
  "barnetsnavn",
  "adresse",
  "vejnavn",
  "bopael",
  "boligadresse",
  "postadresse",
  "husnummer",
]);

export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replaceAll("æ", "ae")
    .replaceAll("ø", "oe")
    .replaceAll("å", "aa")
    .replace(/[\s_\-.()/]+/g, "");
}

export type Issue = { column: string; message: string };

export type HeaderMap = { columns: (ImportColumn | null)[]; issues: Issue[]; personColumn: string | null };

export function mapHeader(headers: readonly string[]): HeaderMap {
  const issues: Issue[] = [];
  const seen = new Set<ImportColumn>();
  let personColumn: string | null = null;
  const columns = headers.map((raw) => {
    const h = normaliseHeader(raw);
    if (PERSON_HEADERS.has(h)) personColumn ??= raw.trim();
    const col = SYNONYMS[h] ?? null;
    if (h === "") return null;
    if (!col) issues.push({ column: raw.trim(), message: `kolonnen '${raw.trim()}' kendes ikke. Brug ${IMPORT_COLUMNS.join(", ")}.` });
    else if (seen.has(col)) issues.push({ column: raw.trim(), message: `kolonnen '${col}' står der to gange.` });
    if (col) seen.add(col);
    return col;
  });
  for (const required of ["indikator", "kommune", "periode"] as const) {
    if (!seen.has(required)) issues.push({ column: required, message: `kolonnen '${required}' mangler.` });
  }
  return { columns, issues, personColumn };
}

// No Danish municipality has ten million of anything a row counts.
const MAX_COUNT = 10_000_000;

function parseCount(text: string): number | string {
  if (/^\d{1,7}$/.test(text)) return Number(text); // the usual cell, at most 9,999,999 ≤ MAX_COUNT
  const s = text.replace(/[\s\u00a0]/g, "");
  if (!/^\d+$/.test(s)) return /^-/.test(s) ? "skal være 0 eller derover" : "skal være et helt tal";
  const n = Number(s);
  if (n > MAX_COUNT) return "er urealistisk stort";
  return n;
}

/** A decimal with comma or point; with both, the point is a thousands separator (1.234,5). */
export function parseDecimal(text: string): number | null {
  let s = text.replace(/[\s\u00a0]/g, "");
  if (s.includes(",") && s.includes(".")) s = s.replaceAll(".", "");
  s = s.replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

export type IndicatorRules = { unit: Unit; cadence: Cadence; targetGroups: readonly string[]; breakdowns: readonly string[] };
export type ImportCatalogue = {
  indicators: ReadonlyMap<string, IndicatorRules>;
  municipalities: readonly { code: string; name: string }[];
};

export type ImportRow = {
  indicatorCode: string;
  municipalityCode: string;
  period: string;
  periodKey: number;
  targetGroup: string;
  breakdown: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
};

const CADENCE_EXAMPLE: Record<Cadence, string> = { year: "år, fx 2024", school_year: "skoleår, fx 2023/24", quarter: "kvartal, fx 2025K3" };

/** Levenshtein distance, for "mente du …?". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const keep = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = keep;
    }
  }
  return d[b.length];
}

type Place = { code: string; name: string };
type Lookup = { byCode: Map<string, Place>; byName: Map<string, Place>; guesses: Map<string, Place | null> };
const lookups = new WeakMap<ImportCatalogue["municipalities"], Lookup>();
const MAX_GUESSES = 1_000;

/**
 * Every row of a file asks, so the codes and names are looked up in maps built once per
 * catalogue, and a name that is not found is guessed once: a file may misspell the same
 * municipality in thousands of rows.
 */
function lookupOf(municipalities: ImportCatalogue["municipalities"]): Lookup {
  let lookup = lookups.get(municipalities);
  if (!lookup) {
    const byName = new Map<string, Place>();
    for (const m of municipalities) {
      byName.set(m.name.toLocaleLowerCase("da-DK"), m);
      byName.set(`${m.name} kommune`.toLocaleLowerCase("da-DK"), m);
    }
    lookups.set(municipalities, (lookup = { byCode: new Map(municipalities.map((m) => [m.code, m])), byName, guesses: new Map() }));
  }
  return lookup;
}

export function findMunicipalityCode(text: string, cat: ImportCatalogue): { code: string } | { suggestion: Place | null } {
  const t = text.trim();
  const lookup = lookupOf(cat.municipalities);
  const byCode = /^\d{1,3}$/.test(t) ? lookup.byCode.get(t.padStart(3, "0")) : undefined;
  if (byCode) return { code: byCode.code };
  const lower = t.toLocaleLowerCase("da-DK");
  const byName = lookup.byName.get(lower);
  if (byName) return { code: byName.code };
  let best = lookup.guesses.get(lower);
  if (best === undefined) {
    best = null;
    let bestDistance = 3;
    for (const m of cat.municipalities) {
      const dist = distance(lower, m.name.toLocaleLowerCase("da-DK"));
      if (dist < bestDistance) [best, bestDistance] = [m, dist];
    }
    if (lookup.guesses.size < MAX_GUESSES) lookup.guesses.set(lower, best);
  }
  return { suggestion: best };
}

type Cells = Partial<Record<ImportColumn, string>>;

// Module-level helpers rather than closures: validateRow runs once per row of a file.
const get = (cells: Cells, c: ImportColumn) => (cells[c] ?? "").trim();

function count(cells: Cells, issues: Issue[], c: "taeller" | "naevner", label: string, required: boolean): number | null {
  const text = get(cells, c);
  if (!text) {
    if (required) issues.push({ column: c, message: `${label} mangler.` });
    return null;
  }
  const n = parseCount(text);
  if (typeof n === "string") {
    issues.push({ column: c, message: `${label} '${text.slice(0, 30)}' ${n}.` });
    return null;
  }
  return n;
}

function mustBeEmpty(cells: Cells, issues: Issue[], c: ImportColumn, why: string) {
  if (get(cells, c)) issues.push({ column: c, message: why });
}

/** Checks one row (cells by column; missing columns undefined) against the catalogue. */
export function validateRow(cells: Cells, cat: ImportCatalogue): { row: ImportRow | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const indicatorCode = get(cells, "indikator");
  const rules = cat.indicators.get(indicatorCode);
  if (!indicatorCode) issues.push({ column: "indikator", message: "indikatoren mangler." });
  else if (!rules) issues.push({ column: "indikator", message: `indikatoren '${indicatorCode}' findes ikke.` });

  const place = get(cells, "kommune");
  let municipalityCode = "";
  if (!place) issues.push({ column: "kommune", message: "kommunen mangler." });
  else {
    const found = findMunicipalityCode(place, cat);
    if ("code" in found) municipalityCode = found.code;
    else
      issues.push({
        column: "kommune",
        message: `kommunen '${place}' findes ikke${found.suggestion ? ` – mente du ${found.suggestion.name} (${found.suggestion.code})?` : "."}`,
      });
  }

  const period = get(cells, "periode");
  if (!period) issues.push({ column: "periode", message: "perioden mangler." });
  const parsed: Period | null = period ? parsePeriod(period) : null;
  if (period && rules && parsed?.cadence !== rules.cadence)
    issues.push({ column: "periode", message: `perioden '${period}' passer ikke til indikatoren, der opgøres pr. ${CADENCE_EXAMPLE[rules.cadence]}.` });

  let targetGroup = get(cells, "maalgruppe");
  if (rules) {
    if (!targetGroup && rules.targetGroups.length === 1) targetGroup = rules.targetGroups[0];
    if (!targetGroup) issues.push({ column: "maalgruppe", message: `målgruppen mangler. Indikatoren har: ${rules.targetGroups.join(", ")}.` });
    else if (!rules.targetGroups.includes(targetGroup))
      issues.push({ column: "maalgruppe", message: `målgruppen '${targetGroup}' findes ikke for indikatoren. Den har: ${rules.targetGroups.join(", ")}.` });
  }
  const breakdown = get(cells, "opdeling");
  if (rules && breakdown && !rules.breakdowns.includes(breakdown))
    issues.push({
      column: "opdeling",
      message: rules.breakdowns.length
        ? `opdelingen '${breakdown}' findes ikke for indikatoren. Den har: ${rules.breakdowns.join(", ")}.`
        : "indikatoren har ingen opdeling; lad feltet stå tomt.",
    });

  let numerator: number | null = null;
  let denominator: number | null = null;
  let value: number | null = null;
  if (rules) {
    const measure = measureOf(rules.unit);
    if (measure === "rate") {
      numerator = count(cells, issues, "taeller", "tælleren", true);
      denominator = count(cells, issues, "naevner", "nævneren", true);
      if (numerator !== null && denominator !== null && numerator > denominator)
        issues.push({ column: "taeller", message: `tælleren (${numerator}) er større end nævneren (${denominator}).` });
      const given = get(cells, "vaerdi");
      if (given) {
        const v = parseDecimal(given);
        if (v === null) issues.push({ column: "vaerdi", message: `værdien '${given.slice(0, 30)}' er ikke et tal.` });
        else if (numerator !== null && denominator && Math.abs((100 * numerator) / denominator - v) > 0.05)
          issues.push({
            column: "vaerdi",
            message: `værdien ${given} passer ikke med tæller og nævner (${((100 * numerator) / denominator).toFixed(1)} %). Lad feltet stå tomt.`,
          });
      }
    } else if (measure === "count") {
      numerator = count(cells, issues, "taeller", "antallet (tæller)", true);
      mustBeEmpty(cells, issues, "naevner", "en optælling har ingen nævner; lad feltet stå tomt.");
      mustBeEmpty(cells, issues, "vaerdi", "en optælling skrives i tælleren; lad værdi stå tom.");
    } else {
      mustBeEmpty(cells, issues, "taeller", `indikatoren er et ${rules.unit === "kr" ? "beløb" : "gennemsnit"}: skriv det i værdi og antallet af børn i nævner.`);
      denominator = count(cells, issues, "naevner", "antallet af børn (nævner)", true);
      const given = get(cells, "vaerdi");
      if (!given) issues.push({ column: "vaerdi", message: `værdien mangler (${rules.unit === "kr" ? "beløbet i kr." : "gennemsnittet"}).` });
      else {
        value = parseDecimal(given);
        if (value === null) issues.push({ column: "vaerdi", message: `værdien '${given.slice(0, 30)}' er ikke et tal.` });
        else if (rules.unit === "grade" && (value < -3 || value > 12))
          issues.push({ column: "vaerdi", message: `et karaktergennemsnit skal ligge mellem -3 og 12, ikke ${given}.` });
        else if (rules.unit === "kr" && (value < 0 || value > 1e8)) issues.push({ column: "vaerdi", message: `beløbet ${given} kr. er ikke realistisk.` });
      }
    }
  }
  if (issues.length) return { row: null, issues };
  return {
    row: { indicatorCode, municipalityCode, period, periodKey: periodKey(parsed!), targetGroup, breakdown, numerator, denominator, value },
    issues,
  };
}
