/**
 * The import format, row by row: which columns a file has, and whether one row is a valid
 * observation. Pure functions; reading files and writing the database are in import.server.ts.
 *
 * Long format, one observation per row, columns by name in any order:
 * `indikator; kommune; periode; maalgruppe; opdeling; taeller; naevner; vaerdi`.
 */
import { messageKey } from "../errors";
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

/** A problem with a cell; `message` is an i18n key with parameters (messageKey), shown in the reader's language. */
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
    if (!col)
      issues.push({
        column: raw.trim(),
        message: messageKey("importErrors.unknownColumn", { column: raw.trim(), allowed: IMPORT_COLUMNS.join(", ") }),
      });
    else if (seen.has(col)) issues.push({ column: raw.trim(), message: messageKey("importErrors.columnTwice", { column: col }) });
    if (col) seen.add(col);
    return col;
  });
  for (const required of ["indikator", "kommune", "periode"] as const) {
    if (!seen.has(required)) issues.push({ column: required, message: messageKey("importErrors.columnMissing", { column: required }) });
  }
  return { columns, issues, personColumn };
}

// No Danish municipality has ten million of anything a row counts.
const MAX_COUNT = 10_000_000;

function parseCount(text: string): number | string {
  if (/^\d{1,7}$/.test(text)) return Number(text); // the usual cell, at most 9,999,999 ≤ MAX_COUNT
  const s = text.replace(/[\s\u00a0]/g, "");
  if (!/^\d+$/.test(s)) return /^-/.test(s) ? "negative" : "notInteger";
  const n = Number(s);
  if (n > MAX_COUNT) return "tooBig";
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

/** `label` names the field in the message: numerator, denominator, count or children (importErrors.labels). */
function count(
  cells: Cells,
  issues: Issue[],
  c: "taeller" | "naevner",
  label: "numerator" | "denominator" | "count" | "children",
  required: boolean,
): number | null {
  const text = get(cells, c);
  if (!text) {
    if (required) issues.push({ column: c, message: messageKey(`importErrors.missing.${label}`) });
    return null;
  }
  const n = parseCount(text);
  if (typeof n === "string") {
    issues.push({ column: c, message: messageKey(`importErrors.badCount.${n}`, { label, value: text.slice(0, 30) }) });
    return null;
  }
  return n;
}

function mustBeEmpty(cells: Cells, issues: Issue[], c: ImportColumn, why: string) {
  if (get(cells, c)) issues.push({ column: c, message: messageKey(why) });
}

/** Checks one row (cells by column; missing columns undefined) against the catalogue. */
export function validateRow(cells: Cells, cat: ImportCatalogue): { row: ImportRow | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const indicatorCode = get(cells, "indikator");
  const rules = cat.indicators.get(indicatorCode);
  if (!indicatorCode) issues.push({ column: "indikator", message: "importErrors.indicatorMissing" });
  else if (!rules) issues.push({ column: "indikator", message: messageKey("importErrors.unknownIndicator", { code: indicatorCode }) });

  const place = get(cells, "kommune");
  let municipalityCode = "";
  if (!place) issues.push({ column: "kommune", message: "importErrors.municipalityMissing" });
  else {
    const found = findMunicipalityCode(place, cat);
    if ("code" in found) municipalityCode = found.code;
    else
      issues.push({
        column: "kommune",
        message: found.suggestion
          ? messageKey("importErrors.unknownMunicipalitySuggest", {
              value: place,
              name: found.suggestion.name,
              code: found.suggestion.code,
            })
          : messageKey("importErrors.unknownMunicipality", { value: place }),
      });
  }

  const period = get(cells, "periode");
  if (!period) issues.push({ column: "periode", message: "importErrors.periodMissing" });
  const parsed: Period | null = period ? parsePeriod(period) : null;
  if (period && rules && parsed?.cadence !== rules.cadence)
    issues.push({ column: "periode", message: messageKey(`importErrors.periodCadence.${rules.cadence}`, { value: period }) });

  let targetGroup = get(cells, "maalgruppe");
  if (rules) {
    if (!targetGroup && rules.targetGroups.length === 1) targetGroup = rules.targetGroups[0];
    if (!targetGroup)
      issues.push({
        column: "maalgruppe",
        message: messageKey("importErrors.targetGroupMissing", { allowed: rules.targetGroups.join(", ") }),
      });
    else if (!rules.targetGroups.includes(targetGroup))
      issues.push({
        column: "maalgruppe",
        message: messageKey("importErrors.unknownTargetGroup", { value: targetGroup, allowed: rules.targetGroups.join(", ") }),
      });
  }
  const breakdown = get(cells, "opdeling");
  if (rules && breakdown && !rules.breakdowns.includes(breakdown))
    issues.push({
      column: "opdeling",
      message: rules.breakdowns.length
        ? messageKey("importErrors.unknownBreakdown", { value: breakdown, allowed: rules.breakdowns.join(", ") })
        : "importErrors.noBreakdown",
    });

  let numerator: number | null = null;
  let denominator: number | null = null;
  let value: number | null = null;
  if (rules) {
    const measure = measureOf(rules.unit);
    if (measure === "rate") {
      numerator = count(cells, issues, "taeller", "numerator", true);
      denominator = count(cells, issues, "naevner", "denominator", true);
      if (numerator !== null && denominator !== null && numerator > denominator)
        issues.push({ column: "taeller", message: messageKey("importErrors.numeratorAboveDenominator", { numerator, denominator }) });
      const given = get(cells, "vaerdi");
      if (given) {
        const v = parseDecimal(given);
        if (v === null) issues.push({ column: "vaerdi", message: messageKey("importErrors.notANumber", { value: given.slice(0, 30) }) });
        else if (numerator !== null && denominator && Math.abs((100 * numerator) / denominator - v) > 0.05)
          issues.push({
            column: "vaerdi",
            message: messageKey("importErrors.valueMismatch", { value: given, computed: ((100 * numerator) / denominator).toFixed(1) }),
          });
      }
    } else if (measure === "count") {
      numerator = count(cells, issues, "taeller", "count", true);
      mustBeEmpty(cells, issues, "naevner", "importErrors.countHasNoDenominator");
      mustBeEmpty(cells, issues, "vaerdi", "importErrors.countHasNoValue");
    } else {
      mustBeEmpty(cells, issues, "taeller", rules.unit === "kr" ? "importErrors.amountHasNoNumerator" : "importErrors.meanHasNoNumerator");
      denominator = count(cells, issues, "naevner", "children", true);
      const given = get(cells, "vaerdi");
      if (!given)
        issues.push({ column: "vaerdi", message: rules.unit === "kr" ? "importErrors.amountMissing" : "importErrors.meanMissing" });
      else {
        value = parseDecimal(given);
        if (value === null)
          issues.push({ column: "vaerdi", message: messageKey("importErrors.notANumber", { value: given.slice(0, 30) }) });
        else if (rules.unit === "grade" && (value < -3 || value > 12))
          issues.push({ column: "vaerdi", message: messageKey("importErrors.gradeRange", { value: given }) });
        else if (rules.unit === "ratio" && (value < 0 || value > 500))
          issues.push({ column: "vaerdi", message: messageKey("importErrors.ratioRange", { value: given }) });
        else if (rules.unit === "kr" && (value < 0 || value > 1e8))
          issues.push({ column: "vaerdi", message: messageKey("importErrors.amountRange", { value: given }) });
      }
    }
  }
  if (issues.length) return { row: null, issues };
  return {
    row: { indicatorCode, municipalityCode, period, periodKey: periodKey(parsed!), targetGroup, breakdown, numerator, denominator, value },
    issues,
  };
}
