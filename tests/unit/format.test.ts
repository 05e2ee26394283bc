import { describe, expect, it } from "vitest";
import { compareDa, formatChange, formatDate, formatterFor, formatValue, formatValuePrecise } from "~/domain/format";

describe("the da-DK formatter", () => {
  it("formats each unit the Danish way", () => {
    expect(formatValue(48.2, "percent")).toBe("48 %");
    expect(formatValue(1227, "count")).toBe("1.227");
    expect(formatValue(73100, "kr")).toBe("73.100 kr.");
    expect(formatValue(5.74, "grade")).toBe("5,7");
    expect(formatValuePrecise(48.25, "percent")).toBe("48,3 %");
  });

  it("marks missing as – and withheld as ..", () => {
    expect(formatValue(null, "percent")).toBe("–");
    expect(formatValue(undefined, "count")).toBe("–");
    expect(formatValue(12, "count", { withheld: true })).toBe("..");
  });

  it("zero is a value, not missing", () => {
    expect(formatValue(0, "count")).toBe("0");
    expect(formatValue(0, "percent")).toBe("0 %");
  });

  it("signs changes, in percentage points for rates", () => {
    expect(formatChange(2.04, "percent")).toBe("+2,0 pct.point");
    expect(formatChange(-1.5, "percent")).toBe("-1,5 pct.point");
    expect(formatChange(0, "count")).toBe("0");
    expect(formatChange(-300, "kr")).toBe("-300 kr.");
    expect(formatChange(null, "grade")).toBe("–");
  });
});

describe("formatDate", () => {
  it("writes dates the Danish way, in Danish time", () => {
    expect(formatDate("2025-03-01")).toBe("1. marts 2025");
    // 23:30 UTC on New Year's Eve is already the new year in Copenhagen
    expect(formatDate("2025-12-31T23:30:00Z")).toBe("1. januar 2026");
    expect(formatDate("ikke en dato")).toBe("ikke en dato");
  });
});

describe("compareDa", () => {
  it("sorts municipality names in Danish order: Æ, Ø and Å (also written Aa) last", () => {
    const names = ["Århus", "Aabenraa", "Ærø", "Odense", "Ølstykke", "Esbjerg", "Allerød"];
    expect([...names].sort(compareDa)).toEqual(["Allerød", "Esbjerg", "Odense", "Ærø", "Ølstykke", "Aabenraa", "Århus"]);
  });
});

describe("the English formatter", () => {
  const en = formatterFor("en");
  it("writes numbers, units and changes as en-GB does", () => {
    expect(en.value(48.2, "percent")).toBe("48%");
    expect(en.value(1227, "count")).toBe("1,227");
    expect(en.value(73100, "kr")).toBe("DKK 73,100");
    expect(en.value(5.73, "grade")).toBe("5.7");
    expect(en.valuePrecise(48.25, "percent")).toBe("48.3%");
    expect(en.change(1.54, "percent")).toBe("+1.5 percentage points");
    expect(en.change(-300, "kr")).toBe("DKK -300");
    expect(en.value(null, "count")).toBe("–");
    expect(en.value(12, "percent", { withheld: true })).toBe("..");
  });
  it("writes dates the British way, in Danish time", () => {
    expect(en.date("2025-03-01")).toBe("1 March 2025");
    expect(en.date("2025-12-31T23:30:00Z")).toBe("1 January 2026");
  });
  it("leaves the Danish formatter as it was", () => {
    expect(formatterFor("da").change(1.54, "percent")).toBe("+1,5 pct.point");
  });
});

describe("a ratio (cases per caseworker)", () => {
  it("has one decimal and changes by one decimal, in both languages", () => {
    expect(formatterFor("da").value(23.44, "ratio")).toBe("23,4");
    expect(formatterFor("en").value(23.44, "ratio")).toBe("23.4");
    expect(formatterFor("da").change(-1.52, "ratio")).toBe("-1,5");
  });
});

describe("quarters in words (issue 24: the council reads '3. kvartal 2025', not DST's 2025K3)", () => {
  it("writes a quarter in full in the narrative and short in tables, in the page's language", async () => {
    const { formatterFor } = await import("~/domain/format");
    expect(formatterFor("da").quarter("2025K3")).toBe("3. kvartal 2025");
    expect(formatterFor("da").period("2025K3")).toBe("3. kvt. 2025");
    expect(formatterFor("en").quarter("2025K3")).toBe("Q3 2025");
    // years and school years are already plain
    expect(formatterFor("da").period("2023/24")).toBe("2023/24");
    expect(formatterFor("da").period("2024")).toBe("2024");
  });
});

describe("lists in words", () => {
  it("joins items as a reader writes them, in the page's language", async () => {
    const { formatterFor } = await import("~/domain/format");
    expect(formatterFor("da").list(["2 nået", "1 bagud", "1 i risiko"])).toBe("2 nået, 1 bagud og 1 i risiko");
    expect(formatterFor("en").list(["2 reached", "1 behind"])).toBe("2 reached and 1 behind");
  });
});
