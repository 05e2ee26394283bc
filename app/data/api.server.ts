/**
 * The read API's domain functions. They read through `readFigures` like the pages do.
 * Query validation is strict: an unknown parameter or value is a 400 with a Danish message.
 */
import { z } from "zod";
import type { Db } from "../../db/connection";
import { roundForOutput, type Figure } from "../domain/figures";
import { formatPeriod, isPeriodOfCadence, parsePeriod } from "../domain/periods";
import { getT } from "../i18n/i18n";
import { can, type Principal } from "../domain/access";
import { findIndicator, listIndicators, listMunicipalities, type Indicator } from "./catalogue.server";
import { readFigures } from "./figures.server";

const t = getT("da");

export class ApiError extends Error {
  constructor(message: string, readonly status = 400) {
    super(message);
  }
}

export function indicatorCatalogue(db: Db) {
  return listIndicators(db).map((i) => ({
    kode: i.code,
    navn: i.nameDa,
    navnEngelsk: i.nameEn,
    enhed: i.unit,
    retning: i.polarity,
    omraade: i.department,
    kadence: i.cadence,
    kilde: i.source,
    definition: i.definition,
    maalgrupper: i.targetGroups,
    opdelinger: i.breakdowns,
    udfordringer: i.challenges,
  }));
}

export type ObservationRow = {
  indikator: string;
  kommune: string;
  periode: string;
  maalgruppe: string;
  opdeling: string | null;
  taeller: number | null;
  naevner: number | null;
  vaerdi: number | null;
  /** Withheld by disclosure control: vaerdi, taeller and naevner are then null. */
  undertrykt: boolean;
  /**
   * Why (ADR 0029): "faa-boern" fewer than k children, "lille-gruppe" a 0 %/100 % of a small
   * group, "beskytter-andre-tal" hidden so another hidden figure cannot be worked out; null when shown.
   */
  undertrykt_aarsag: "faa-boern" | "lille-gruppe" | "beskytter-andre-tal" | null;
};

const WHY = { primary: "faa-boern", attribute: "lille-gruppe", secondary: "beskytter-andre-tal" } as const;

const ALLOWED = ["indikator", "kommune", "periode", "maalgruppe", "opdeling"] as const;
export const NATION = "hele-landet";

const EXAMPLE_PERIOD: Record<Indicator["cadence"], string> = { year: "2024", school_year: "2023/24", quarter: "2025K3" };
const CADENCE_WORDS: Record<Indicator["cadence"], string> = { year: "pr. kalenderår", school_year: "pr. skoleår", quarter: "pr. kvartal" };

function single(params: URLSearchParams, name: string): string | undefined {
  const all = params.getAll(name);
  if (all.length > 1) throw new ApiError(`Parameteren '${name}' må kun angives én gang.`);
  return all[0] === undefined || all[0] === "" ? undefined : all[0];
}

// built once: a zod schema costs more to build than to use
const MUNICIPALITY_CODE = z.string().regex(/^\d{3}$/);

export function parseObservationQuery(db: Db, params: URLSearchParams) {
  for (const key of new Set(params.keys())) {
    if (!(ALLOWED as readonly string[]).includes(key)) throw new ApiError(t("api.unknownParameter", { name: key, allowed: ALLOWED.join(", ") }));
  }
  const code = single(params, "indikator");
  if (!code) throw new ApiError(t("api.missingIndicator"));
  const indicator = findIndicator(db, code);
  if (!indicator) throw new ApiError(t("api.unknownIndicator", { value: code }));

  const kommune = single(params, "kommune") ?? "alle";
  let municipalities: string[] | "all" | undefined;
  let nation = false;
  if (kommune === "alle") municipalities = "all";
  else if (kommune === NATION) nation = true;
  else {
    const known = MUNICIPALITY_CODE.safeParse(kommune).success && listMunicipalities(db).some((m) => m.code === kommune);
    if (!known) throw new ApiError(t("api.unknownMunicipality", { value: kommune }));
    municipalities = [kommune];
  }

  const periode = single(params, "periode");
  if (periode !== undefined && !isPeriodOfCadence(periode, indicator.cadence)) {
    throw new ApiError(t("api.unknownPeriod", { value: periode, cadence: CADENCE_WORDS[indicator.cadence], example: EXAMPLE_PERIOD[indicator.cadence] }));
  }
  const maalgruppe = single(params, "maalgruppe");
  if (maalgruppe !== undefined && !indicator.targetGroups.includes(maalgruppe)) {
    throw new ApiError(t("api.unknownTargetGroup", { value: maalgruppe, allowed: indicator.targetGroups.join(", ") }));
  }
  const opdeling = single(params, "opdeling");
  if (opdeling !== undefined && !indicator.breakdowns.includes(opdeling)) {
    throw new ApiError(
      indicator.breakdowns.length
        ? `Ukendt opdeling: '${opdeling}'. Indikatoren har: ${indicator.breakdowns.join(", ")}.`
        : `Indikatoren '${indicator.code}' har ingen opdeling.`,
    );
  }
  return {
    indicator,
    request: {
      indicator,
      municipalities,
      nation,
      periods: periode ? [formatPeriod(parsePeriod(periode)!)] : undefined,
      targetGroups: maalgruppe ? [maalgruppe] : undefined,
      breakdowns: opdeling ? [opdeling] : ["", ...indicator.breakdowns],
    },
  };
}

export function toObservationRow(indicator: Indicator, f: Figure): ObservationRow {
  const rate = indicator.unit === "percent";
  const count = indicator.unit === "count";
  return {
    indikator: indicator.code,
    kommune: f.scope.kind === "nation" ? NATION : f.scope.code,
    periode: f.period,
    maalgruppe: f.targetGroup,
    opdeling: f.breakdown === "" ? null : f.breakdown,
    taeller: rate || count ? f.numerator : null,
    naevner: count ? null : f.denominator,
    vaerdi: roundForOutput(indicator.unit, f.shown),
    undertrykt: f.withheld !== null,
    undertrykt_aarsag: f.withheld ? WHY[f.withheld] : null,
  };
}

export function observationRows(db: Db, actor: Principal, params: URLSearchParams): ObservationRow[] {
  const { indicator, request } = parseObservationQuery(db, params);
  // the nation is on every overview; a municipality's figures follow the page rules; all at once needs more
  const allowed =
    request.nation ||
    (request.municipalities === "all"
      ? can(actor, { kind: "read-all-municipalities" })
      : (request.municipalities ?? []).every((m) => can(actor, { kind: "read-municipality", municipality: m })));
  if (!allowed) throw new ApiError("Du har ikke adgang til disse tal. Et byrådsmedlem kan hente sin egen kommune og hele landet.", 403);
  const rows = readFigures(db, request).map((f) => toObservationRow(indicator, f));
  return rows.sort(
    (a, b) =>
      a.kommune.localeCompare(b.kommune) ||
      a.periode.localeCompare(b.periode) ||
      a.maalgruppe.localeCompare(b.maalgruppe) ||
      (a.opdeling ?? "").localeCompare(b.opdeling ?? ""),
  );
}
