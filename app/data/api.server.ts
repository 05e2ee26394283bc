/**
 * The read API's domain functions. They read through `readFigures` like the pages do.
 * Query validation is strict: an unknown parameter or value is a DomainError (400 at the edge).
 */
import { z } from "zod";
import type { Db } from "../../db/connection";
import { roundForOutput, type Figure } from "../domain/figures";
import { formatPeriod, isPeriodOfCadence, parsePeriod } from "../domain/periods";
import { DomainError, type ErrorParams } from "../domain/errors";
import { can, type Principal } from "../domain/access";
import { findIndicator, listIndicators, listMunicipalities, type Indicator } from "./catalogue.server";
import { readFigures } from "./figures.server";

/** A query the API refuses: 400 with the reason in the caller's language. */
export class ApiError extends DomainError {
  constructor(key: string, params: ErrorParams = {}) {
    super("invalid", key, params);
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
/** A region's aggregate in the API: `region-1081` (Nordjylland), like the nation's `hele-landet`. */
export const REGION_PREFIX = "region-";

const EXAMPLE_PERIOD: Record<Indicator["cadence"], string> = { year: "2024", school_year: "2023/24", quarter: "2025K3" };

function single(params: URLSearchParams, name: string): string | undefined {
  const all = params.getAll(name);
  if (all.length > 1) throw new ApiError("api.onceOnly", { name });
  return all[0] === undefined || all[0] === "" ? undefined : all[0];
}

// built once: a zod schema costs more to build than to use
const MUNICIPALITY_CODE = z.string().regex(/^\d{3}$/);

export function parseObservationQuery(db: Db, params: URLSearchParams) {
  for (const key of new Set(params.keys())) {
    if (!(ALLOWED as readonly string[]).includes(key)) throw new ApiError("api.unknownParameter", { name: key, allowed: ALLOWED.join(", ") });
  }
  const code = single(params, "indikator");
  if (!code) throw new ApiError("api.missingIndicator");
  const indicator = findIndicator(db, code);
  if (!indicator) throw new ApiError("api.unknownIndicator", { value: code });

  const kommune = single(params, "kommune") ?? "alle";
  let municipalities: string[] | "all" | undefined;
  let regions: string[] | undefined;
  let nation = false;
  if (kommune === "alle") municipalities = "all";
  else if (kommune === NATION) nation = true;
  else if (kommune.startsWith(REGION_PREFIX)) {
    const code = kommune.slice(REGION_PREFIX.length);
    if (!listMunicipalities(db).some((m) => m.regionCode === code)) throw new ApiError("api.unknownMunicipality", { value: kommune });
    regions = [code];
  } else {
    const known = MUNICIPALITY_CODE.safeParse(kommune).success && listMunicipalities(db).some((m) => m.code === kommune);
    if (!known) throw new ApiError("api.unknownMunicipality", { value: kommune });
    municipalities = [kommune];
  }

  const periode = single(params, "periode");
  if (periode !== undefined && !isPeriodOfCadence(periode, indicator.cadence)) {
    throw new ApiError(`api.unknownPeriod.${indicator.cadence}`, { value: periode, example: EXAMPLE_PERIOD[indicator.cadence] });
  }
  const maalgruppe = single(params, "maalgruppe");
  if (maalgruppe !== undefined && !indicator.targetGroups.includes(maalgruppe)) {
    throw new ApiError("api.unknownTargetGroup", { value: maalgruppe, allowed: indicator.targetGroups.join(", ") });
  }
  const opdeling = single(params, "opdeling");
  if (opdeling !== undefined && !indicator.breakdowns.includes(opdeling)) {
    throw indicator.breakdowns.length ? new ApiError("api.unknownBreakdown", { value: opdeling, allowed: indicator.breakdowns.join(", ") }) : new ApiError("api.noBreakdown", { code: indicator.code });
  }
  return {
    indicator,
    request: {
      indicator,
      municipalities,
      regions,
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
    kommune: f.scope.kind === "nation" ? NATION : f.scope.kind === "region" ? `${REGION_PREFIX}${f.scope.code}` : f.scope.code,
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
  // the nation is on every overview, a region on its own municipalities' overviews (and on the
  // secretariat's comparison); a municipality's figures follow the page rules; all at once needs more
  const readsAll = can(actor, { kind: "read-all-municipalities" });
  const ownRegion = listMunicipalities(db).find((m) => m.code === actor.municipalityCode)?.regionCode;
  const allowed = request.nation
    ? true
    : request.regions !== undefined
      ? request.regions.every((r) => readsAll || r === ownRegion)
      : request.municipalities === "all"
        ? readsAll
        : (request.municipalities ?? []).every((m) => can(actor, { kind: "read-municipality", municipality: m }));
  if (!allowed) throw new DomainError("forbidden", "api.forbiddenRows");
  const rows = readFigures(db, request).map((f) => toObservationRow(indicator, f));
  return rows.sort(
    (a, b) =>
      a.kommune.localeCompare(b.kommune) ||
      a.periode.localeCompare(b.periode) ||
      a.maalgruppe.localeCompare(b.maalgruppe) ||
      (a.opdeling ?? "").localeCompare(b.opdeling ?? ""),
  );
}
