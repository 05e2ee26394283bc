/**
 * The 98 municipalities from seeds/kommuner.csv (DST codes, region, a point inside, and an
 * approximate population that the demo generator scales its figures by).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type MunicipalitySeed = {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  lat: number;
  lon: number;
  populationApprox: number;
};

const CSV_PATH = fileURLToPath(new URL("./kommuner.csv", import.meta.url));
const COLUMNS = ["code", "name", "region_code", "region", "lat", "lon", "population_approx"] as const;

/** Parses the `;`-separated file (header first, no quoting). */
export function parseMunicipalitiesCsv(text: string): MunicipalitySeed[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const header = (lines[0] ?? "").split(";").map((h) => h.trim());
  const col = Object.fromEntries(
    COLUMNS.map((name) => {
      const i = header.indexOf(name);
      if (i < 0) throw new Error(`kommuner.csv mangler kolonnen ${name}`);
      return [name, i];
    }),
  ) as Record<(typeof COLUMNS)[number], number>;

  const seen = new Set<string>();
  return lines.slice(1).map((line, n) => {
    const f = line.split(";").map((s) => s.trim());
    const get = (name: (typeof COLUMNS)[number]): string => f[col[name]] ?? "";
    const num = (name: (typeof COLUMNS)[number]): number => {
      const v = Number(get(name));
      if (get(name) === "" || !Number.isFinite(v)) throw new Error(`kommuner.csv linje ${n + 2}: ugyldig ${name}`);
      return v;
    };
    const code = get("code");
    // codes are identifiers (101, 849), never numbers: keep the three digits as written
    if (!/^\d{3}$/.test(code)) throw new Error(`kommuner.csv linje ${n + 2}: ugyldig kode ${code}`);
    if (seen.has(code)) throw new Error(`kommuner.csv: kode ${code} optræder to gange`);
    seen.add(code);
    return {
      code,
      name: get("name"),
      regionCode: get("region_code"),
      regionName: get("region"),
      lat: num("lat"),
      lon: num("lon"),
      populationApprox: num("population_approx"),
    };
  });
}

export function readMunicipalities(): MunicipalitySeed[] {
  return parseMunicipalitiesCsv(readFileSync(CSV_PATH, "utf8"));
}
