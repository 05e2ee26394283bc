import { describe, expect, it } from "vitest";
import { previousQuarter, summarise, type ReportSnapshot, type ReportTarget } from "~/domain/reports/report";

const target = (id: number, over: Partial<ReportTarget> = {}): ReportTarget => ({
  id,
  title: `Mål ${id}`,
  rationale: "",
  kind: "kvantitativ",
  challenges: [2],
  partnership: null,
  indicator: null,
  targetGroup: null,
  baselinePeriod: null,
  baselineValue: null,
  targetValue: null,
  deadlinePeriod: null,
  computedStatus: "paa-sporet",
  latest: null,
  trend: [],
  milestones: [],
  owners: { school: null, social: null },
  status: { joint: true, school: null, social: null },
  ...over,
});

const snapshot = (quarter: string, targets: ReportTarget[]): ReportSnapshot => ({
  municipality: { code: "849", name: "Jammerbugt" },
  quarter,
  dataLoadedAt: null,
  challenges: [1, 2, 3].map((number) => ({ number, shortTitle: `Udfordring ${number}` })),
  targets,
});

describe("the report summary", () => {
  it("counts the targets by computed status and the joint statuses", () => {
    const s = summarise(
      snapshot("2025K3", [
        target(1),
        target(2, { computedStatus: "bagud", status: null }),
        target(3, { computedStatus: "bagud", challenges: [1] }),
      ]),
    );
    expect(s.total).toBe(3);
    expect(s.counts).toEqual({ "paa-sporet": 1, "i-risiko": 0, bagud: 2, naaet: 0, "ingen-data": 0 });
    expect(s.joint).toBe(2);
    expect(s.missing).toEqual([{ id: 2, title: "Mål 2" }]);
    expect(s.uncovered.map((c) => c.number)).toEqual([3]);
    expect(s.changes).toBeNull(); // no previous report: nothing to compare with
  });

  it("says what changed since the previous quarter's report", () => {
    const before = snapshot("2025K2", [target(1), target(2, { computedStatus: "i-risiko" }), target(4)]);
    const now = snapshot("2025K3", [target(1), target(2, { computedStatus: "bagud" }), target(5)]);
    // the previous report is frozen into the snapshot at publication
    const s = summarise({
      ...now,
      previous: {
        quarter: before.quarter,
        version: 1,
        targets: before.targets.map((t) => ({ id: t.id, title: t.title, computedStatus: t.computedStatus })),
      },
    });
    expect(s.changes).toEqual([{ title: "Mål 2", from: "i-risiko", to: "bagud" }]);
    expect(s.added).toEqual(["Mål 5"]);
    expect(s.dropped).toEqual(["Mål 4"]);
  });

  it("finds the quarter before", () => {
    expect(previousQuarter("2025K3")).toBe("2025K2");
    expect(previousQuarter("2025K1")).toBe("2024K4");
    expect(previousQuarter("2025")).toBeNull();
  });
});
