/**
 * The catalogue true to the sources (issue 22): the seed's own measures, each challenge measured
 * directly by at least two indicators, each link explained in the sources' words.
 */
import { describe, expect, it } from "vitest";
import { CHALLENGES, INDICATORS, TEACHING_SITES, findIndicatorDef } from "~/domain/catalogue";

describe("the indicator catalogue", () => {
  it("measures every challenge directly with at least two indicators, and says why for each", () => {
    for (const c of CHALLENGES) {
      const direct = INDICATORS.filter((i) => i.challenges.includes(c.number));
      expect(direct.length, `challenge ${c.number}`).toBeGreaterThanOrEqual(2);
      for (const i of direct) expect(i.why[c.number], `${i.code} → ${c.number}`).toMatch(/^Seed 00[0-4]/);
    }
  });

  it("follows seed 001: school changes under challenge 4, challenge 1 is the child's own perspective and involvement", () => {
    expect(findIndicatorDef("skoleskift")!.challenges).toEqual([4]);
    const one = INDICATORS.filter((i) => i.challenges.includes(1)).map((i) => i.code);
    expect(one).toEqual(expect.arrayContaining(["barn-inddraget-maal", "boernesamtale", "trivsel-social"]));
    expect(one).not.toContain("skoleskift");
    expect(one).not.toContain("fravaer");
  });

  it("defines skoleskift over the whole schooling and the follow-up meeting for placed children, as seed 002 does", () => {
    expect(findIndicatorDef("skoleskift")!.definition).toMatch(/hele deres skoletid/);
    const meeting = findIndicatorDef("opfoelgning-rettidig")!;
    expect(meeting.targetGroups).toEqual(["anbragte"]);
    expect(meeting.definition).toMatch(/plejefamilien eller institutionen.*læringskoordinatoren/);
  });

  it("has the measures the sources name, each complete", () => {
    const named = [
      "fsa-gennemfoert",
      "uu-25",
      "trivsel-social",
      "progression-social",
      "progression-laering",
      "undervisningssted",
      "anbragt-anden-kommune",
      "anbragte-drenge",
      "undersoegelse-rettidig",
      "boernesamtale",
      "handleplan-opdateret",
      "anbringelse-revurderet",
      "elevplan-faelles-maal",
      "barn-inddraget-maal",
      "hoeje-forventninger",
      "sparring-brugbar",
      "laeringsvejleder-skoler",
    ];
    for (const code of named) {
      const i = findIndicatorDef(code);
      expect(i, code).toBeDefined();
      expect(i!.definition.length, code).toBeGreaterThan(40);
      expect(i!.source.length, code).toBeGreaterThan(10);
      expect(i!.targetGroups.length, code).toBeGreaterThan(0);
      expect(i!.challenges.length, code).toBeGreaterThan(0);
    }
    // where pupils are taught: a breakdown whose last four are special education
    expect(findIndicatorDef("undervisningssted")!.breakdowns).toEqual(TEACHING_SITES);
    // well-being beside learning, by target group
    expect(findIndicatorDef("trivsel-social")!.targetGroups).toContain("udsatte");
  });
});

describe("citing the sources for readers", () => {
  it("names the seed files as the documents they are", async () => {
    const { citeSources } = await import("~/domain/catalogue");
    expect(citeSources("Seed 003 (KL): »Det politiske niveau …«; seed 002: 39 pct.")).toBe(
      "KL's udspil »Vejen frem«: »Det politiske niveau …«; Evalueringen af læringsmiljømodellen (Rambøll): 39 pct.",
    );
  });
});
