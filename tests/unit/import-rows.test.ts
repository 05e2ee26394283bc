import { describe, expect, it } from "vitest";
import { cprInText as looksLikeCpr } from "~/domain/import/cpr";
import { mapHeader as mapHeaderInCodes, parseDecimal, validateRow, type ImportCatalogue } from "~/domain/import/rows";
import { issuesInDanish } from "../support/danish-messages";

const cat: ImportCatalogue = {
  indicators: new Map([
    ["fp9-deltagelse", { unit: "percent", cadence: "school_year", targetGroups: ["anbragte", "oevrige"], breakdowns: [] }],
    ["anbragte-type", { unit: "count", cadence: "year", targetGroups: ["anbragte"], breakdowns: ["familiepleje", "doegninstitution"] }],
    ["udgift-udsatte-pr-barn", { unit: "kr", cadence: "year", targetGroups: ["alle"], breakdowns: [] }],
    ["fp9-karakter", { unit: "grade", cadence: "school_year", targetGroups: ["anbragte"], breakdowns: [] }],
    ["sager-pr-raadgiver", { unit: "ratio", cadence: "year", targetGroups: ["alle"], breakdowns: [] }],
  ]),
  municipalities: [
    { code: "849", name: "Jammerbugt" },
    { code: "167", name: "Hvidovre" },
    { code: "101", name: "København" },
  ],
};

// the checks speak in codes; these read them as a Danish page does
const row = (cells: Record<string, string>) => {
  const r = validateRow(cells, cat);
  return { ...r, issues: issuesInDanish(r.issues) };
};
const mapHeader = (cells: string[]) => {
  const h = mapHeaderInCodes(cells);
  return { ...h, issues: issuesInDanish(h.issues) };
};

describe("the header", () => {
  it("accepts Danish names in any order and case, with a BOM", () => {
    const h = mapHeader(["\uFEFFKommune", "Indikator", "Periode", "Målgruppe", "Tæller", "Nævner", "Værdi", "Opdeling"]);
    expect(h.columns).toEqual(["kommune", "indikator", "periode", "maalgruppe", "taeller", "naevner", "vaerdi", "opdeling"]);
    expect(h.issues).toEqual([]);
  });

  it("names an unknown, a doubled and a missing column", () => {
    const h = mapHeader(["indikator", "indikator", "farve"]);
    expect(h.issues.map((i) => i.message)).toEqual([
      "kolonnen 'indikator' står der to gange.",
      expect.stringContaining("kolonnen 'farve' kendes ikke."),
      "kolonnen 'kommune' mangler.",
      "kolonnen 'periode' mangler.",
    ]);
  });

  it("spots person-level columns", () => {
    for (const name of ["CPR", "cpr-nr", "Navn", "Elevnavn", "Adresse"]) expect(mapHeader(["indikator", name]).personColumn).toBe(name);
    expect(mapHeader(["indikator", "kommunenavn"]).personColumn).toBeNull();
  });
});

describe("cells", () => {
  it("recognises CPR numbers with and without the dash, not other numbers", () => {
    expect(looksLikeCpr("010203-1234")).toBe(true);
    expect(looksLikeCpr("0102031234")).toBe(true);
    expect(looksLikeCpr(" 311299 1234 ")).toBe(true);
    expect(looksLikeCpr("1234567890")).toBe(false); // month 56
    expect(looksLikeCpr("2024")).toBe(false);
    expect(looksLikeCpr("010203-123")).toBe(false);
  });

  it("reads decimal comma, decimal point and thousands separators", () => {
    expect(parseDecimal("15200,5")).toBe(15200.5);
    expect(parseDecimal("15200.5")).toBe(15200.5);
    expect(parseDecimal("15.200,5")).toBe(15200.5);
    expect(parseDecimal("7")).toBe(7);
    expect(parseDecimal("syv")).toBeNull();
  });
});

describe("a row", () => {
  it("takes a rate with numerator and denominator, municipality by code or name", () => {
    expect(
      row({ indikator: "fp9-deltagelse", kommune: "849", periode: "2023/24", maalgruppe: "anbragte", taeller: "7", naevner: "12" }).row,
    ).toEqual({
      indicatorCode: "fp9-deltagelse",
      municipalityCode: "849",
      period: "2023/24",
      periodKey: 20230,
      targetGroup: "anbragte",
      breakdown: "",
      numerator: 7,
      denominator: 12,
      value: null,
    });
    expect(
      row({
        indikator: "fp9-deltagelse",
        kommune: "københavn",
        periode: "2023/24",
        maalgruppe: "oevrige",
        taeller: "1 200",
        naevner: "1500",
      }).row?.municipalityCode,
    ).toBe("101");
  });

  it("suggests the municipality a typo meant", () => {
    const r = row({
      indikator: "fp9-deltagelse",
      kommune: "Jamerbugt",
      periode: "2023/24",
      maalgruppe: "anbragte",
      taeller: "7",
      naevner: "12",
    });
    expect(r.row).toBeNull();
    expect(r.issues).toEqual([{ column: "kommune", message: "kommunen 'Jamerbugt' findes ikke – mente du Jammerbugt (849)?" }]);
  });

  it("checks the period against the cadence, and the group and breakdown against the indicator", () => {
    const r = row({
      indikator: "fp9-deltagelse",
      kommune: "849",
      periode: "2024",
      maalgruppe: "alle",
      opdeling: "familiepleje",
      taeller: "7",
      naevner: "12",
    });
    expect(r.issues.map((i) => i.column)).toEqual(["periode", "maalgruppe", "opdeling"]);
    expect(r.issues[0].message).toBe("perioden '2024' passer ikke til indikatoren, der opgøres pr. skoleår, fx 2023/24.");
  });

  it("refuses a numerator above the denominator, negatives, fractions and huge numbers", () => {
    const base = { indikator: "fp9-deltagelse", kommune: "849", periode: "2023/24", maalgruppe: "anbragte" };
    expect(row({ ...base, taeller: "13", naevner: "12" }).issues[0].message).toBe("tælleren (13) er større end nævneren (12).");
    expect(row({ ...base, taeller: "-1", naevner: "12" }).issues[0].message).toBe("tælleren '-1' skal være 0 eller derover.");
    expect(row({ ...base, taeller: "1,5", naevner: "12" }).issues[0].message).toBe("tælleren '1,5' skal være et helt tal.");
    expect(row({ ...base, taeller: "1", naevner: "99999999999999999999" }).issues[0].message).toMatch(/urealistisk stort/);
    expect(row({ ...base, taeller: "7", naevner: "12", vaerdi: "80" }).issues[0].column).toBe("vaerdi");
    expect(row({ ...base, taeller: "7", naevner: "12", vaerdi: "58,3" }).issues).toEqual([]);
  });

  it("takes counts in the numerator with a breakdown, and amounts with the count of children", () => {
    expect(row({ indikator: "anbragte-type", kommune: "849", periode: "2024", opdeling: "familiepleje", taeller: "9" }).row).toMatchObject({
      targetGroup: "anbragte",
      breakdown: "familiepleje",
      numerator: 9,
      denominator: null,
    });
    expect(row({ indikator: "anbragte-type", kommune: "849", periode: "2024", taeller: "9", naevner: "10" }).issues[0].column).toBe(
      "naevner",
    );
    expect(
      row({ indikator: "udgift-udsatte-pr-barn", kommune: "849", periode: "2024", naevner: "6970", vaerdi: "15.200,5" }).row,
    ).toMatchObject({
      targetGroup: "alle",
      denominator: 6970,
      value: 15200.5,
    });
    expect(row({ indikator: "udgift-udsatte-pr-barn", kommune: "849", periode: "2024", naevner: "6970" }).issues[0].message).toMatch(
      /værdien mangler/,
    );
    expect(
      row({ indikator: "fp9-karakter", kommune: "849", periode: "2023/24", maalgruppe: "anbragte", naevner: "30", vaerdi: "13" }).issues[0]
        .message,
    ).toMatch(/mellem -3 og 12/);
  });
});

describe("a ratio row (cases per caseworker)", () => {
  it("takes the ratio in the value and the caseworkers in the denominator, and refuses an unrealistic ratio", () => {
    const ok = row({ indikator: "sager-pr-raadgiver", kommune: "849", periode: "2025", naevner: "21", vaerdi: "24,5" });
    expect(ok.issues).toEqual([]);
    expect(ok.row).toMatchObject({ targetGroup: "alle", numerator: null, denominator: 21, value: 24.5 });
    expect(
      row({ indikator: "sager-pr-raadgiver", kommune: "849", periode: "2025", naevner: "21", vaerdi: "900" }).issues[0].message,
    ).toMatch(/ikke et realistisk antal pr. rådgiver/);
  });
});
