/**
 * CPR detection for imports: every writing of a CPR number a municipal file may hold, and none of
 * the figures a real data row holds (codes, periods, counts, amounts).
 */
import { describe, expect, it } from "vitest";
import { cprInFileName, cprInText, looksLikeCprNumber } from "~/domain/import/cpr";

describe("a CPR number in a cell", () => {
  it.each([
    "010190-1234",
    "0101901234",
    "Jammerbugt 010190-1234",
    "elev: 010190 1234, 7. klasse",
    "01.01.90-1234",
    "01-01-90-1234",
    "010190/1234",
    "01 01 90 1234",
    "311299-9999",
  ])("finds %s", (text) => expect(cprInText(text)).toBe(true));

  it("finds an Excel number that lost its leading zero, in a column that can hold no amount", () => {
    expect(looksLikeCprNumber("101901234")).toBe(true); // 010190-1234
    expect(looksLikeCprNumber("902904321")).toBe(true); // 090290-4321
    expect(cprInText("101901234")).toBe(true);
  });

  it.each([
    "849",
    "2023/24",
    "2025K3",
    "fp9-deltagelse",
    "Jammerbugt",
    "48,5",
    "15200",
    "17450,5",
    "1.234.567",
    "9999999",
    "2024-01-01",
    "4521/5021", // two counts
    "0,12345678901",
    "320190-1234", // day 32 is no date
    "011390-1234", // month 13
    "12345678901", // eleven digits
  ])("leaves %s alone", (text) => expect(cprInText(text)).toBe(false));

  it("reads a nine-digit number as a CPR number only when its date is real", () => {
    expect(looksLikeCprNumber("123456789")).toBe(false); // 012345-6789: month 23
    expect(looksLikeCprNumber("113001234")).toBe(false); // 011300-1234: month 13
    expect(looksLikeCprNumber("100000000")).toBe(false); // month 00
    expect(looksLikeCprNumber("13019012")).toBe(false); // eight digits
    expect(looksLikeCprNumber("0101901234")).toBe(true);
  });
});

describe("a CPR number in a file name", () => {
  it.each(["elev-020290-4321.csv", "020290-4321.xlsx", "elever_0202904321.csv", "data 02.02.90-4321.csv"])("finds %s", (name) =>
    expect(cprInFileName(name)).toBe(true),
  );
  it.each(["indikatorer-2024.csv", "fp9-deltagelse-2023-24.xlsx", "import-20250101-1200.csv", "kommune-849-2025K3.csv"])(
    "leaves %s alone",
    (name) => expect(cprInFileName(name)).toBe(false),
  );
});
