import { describe, expect, it } from "vitest";
import {
  keyFigures,
  milestoneState,
  nextSteps,
  previousQuarter,
  summarise,
  type ReportSnapshot,
  type ReportTarget,
} from "~/domain/reports/report";

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

describe("the council paper's facts (issue 24)", () => {
  it("flags a milestone not done by the quarter's last day as overdue, and one due later as upcoming", () => {
    expect(milestoneState({ dueDate: "2025-03-01", done: false }, "2025K3")).toBe("overdue");
    expect(milestoneState({ dueDate: "2025-09-30", done: false }, "2025K3")).toBe("overdue");
    expect(milestoneState({ dueDate: "2025-10-01", done: false }, "2025K3")).toBe("upcoming");
    expect(milestoneState({ dueDate: "2025-03-01", done: true }, "2025K3")).toBe("done");
    const s = summarise(
      snapshot("2025K3", [
        target(1, {
          milestones: [
            { title: "Koordinator ansat", dueDate: "2025-03-01", done: false },
            { title: "Evaluering", dueDate: "2026-12-31", done: false },
          ],
        }),
      ]),
    );
    expect(s.overdue).toEqual([{ targetId: 1, target: "Mål 1", title: "Koordinator ansat", dueDate: "2025-03-01" }]);
  });

  it("reads the latest shown value with the value the trajectory planned for its period", () => {
    const t = target(1, {
      targetValue: 64,
      deadlinePeriod: "2027/28",
      latest: { period: "2023/24", value: 65.7, withheld: false },
      trend: [
        { period: "2022/23", actual: 66.7, withheld: false, expected: 56, target: 64 },
        { period: "2023/24", actual: 65.7, withheld: false, expected: 57, target: 64 },
        { period: "2024/25", actual: null, withheld: true, expected: 59, target: 64 },
      ],
    });
    expect(keyFigures(t)).toEqual({ latest: { period: "2023/24", value: 65.7 }, planned: 57, target: 64, deadline: "2027/28" });
    // a withheld latest value is no value to show
    expect(keyFigures({ ...t, latest: { period: "2024/25", value: null, withheld: true } }).latest).toBeNull();
  });

  it("gives each department's next step its owner and the end of the next quarter as the date", () => {
    const part = (next: string) => ({ done: "", next, risks: "", assessment: null, justification: "" });
    const t = target(1, {
      owners: { school: "Anne Skole", social: "Bo Social" },
      status: { joint: false, school: part("Prøveplaner drøftes."), social: part("  ") },
    });
    expect(nextSteps(t, "2025K3")).toEqual([{ side: "school", text: "Prøveplaner drøftes.", owner: "Anne Skole", due: "2025-12-31" }]);
    expect(nextSteps(t, "2025K4")[0]!.due).toBe("2026-03-31");
  });
});
