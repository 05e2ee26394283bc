import { describe, expect, it } from "vitest";
import { unionIssues as unionIssuesInCodes } from "~/domain/import/union";
import { issuesInDanish } from "../support/danish-messages";

const unionIssues = (...args: Parameters<typeof unionIssuesInCodes>) => issuesInDanish(unionIssuesInCodes(...args));

const fig = (numerator: number | null, denominator: number | null) => ({ numerator, denominator });

describe("the union check on import: max(anbragte, forebyggende) ≤ udsatte ≤ anbragte + forebyggende", () => {
  it("accepts seed 000's 2023/24 ninth-graders (5,520 of 1,227 and 4,930) and a union without overlap", () => {
    expect(unionIssues("rate", { anbragte: fig(589, 1227), forebyggende: fig(2810, 4930), udsatte: fig(3093, 5520) })).toEqual([]);
    expect(unionIssues("rate", { anbragte: fig(5, 10), forebyggende: fig(20, 40), udsatte: fig(25, 50) })).toEqual([]);
    expect(unionIssues("count", { anbragte: fig(10, null), forebyggende: fig(40, null), udsatte: fig(40, null) })).toEqual([]);
  });

  it("refuses udsatte above the sum or below the larger group, in Danish, naming the figures and the column", () => {
    const above = unionIssues("rate", { anbragte: fig(5, 10), forebyggende: fig(20, 40), udsatte: fig(25, 51) });
    expect(above).toEqual([
      {
        column: "naevner",
        message:
          "udsatte (nævner 51) skal ligge mellem 40 og 50: mindst det største af anbragte (10) og forebyggende (40) og højst deres sum. Udsatte er børn med en anbringelse eller en forebyggende foranstaltning, og et barn med begge tælles én gang.",
      },
    ]);
    const below = unionIssues("count", { anbragte: fig(10, null), forebyggende: fig(40, null), udsatte: fig(39, null) });
    expect(below.map((i) => i.column)).toEqual(["taeller"]);
    expect(below[0]!.message).toMatch(/^udsatte \(tæller 39\) skal ligge mellem 40 og 50/);
    // the numerators of a rate obey the same bounds
    expect(unionIssues("rate", { anbragte: fig(9, 10), forebyggende: fig(20, 40), udsatte: fig(8, 45) }).map((i) => i.column)).toEqual([
      "taeller",
    ]);
    // a mean's n is the children it covers
    expect(
      unionIssues("mean", { anbragte: fig(null, 10), forebyggende: fig(null, 40), udsatte: fig(null, 60) }).map((i) => i.column),
    ).toEqual(["naevner"]);
  });

  it("checks nothing while a group or a figure is missing", () => {
    expect(unionIssues("rate", { anbragte: fig(5, 10), forebyggende: fig(20, 40) })).toEqual([]);
    expect(unionIssues("rate", { anbragte: fig(null, null), forebyggende: fig(20, 40), udsatte: fig(25, 500) })).toEqual([]);
  });
});
