/**
 * The quarterly report's content: the frozen snapshot's shape and the plain-language summary
 * computed from it. Pure: the same snapshot always gives the same summary, so a published
 * report reads the same forever.
 */
import type { IndicatorDef } from "../catalogue";
import type { ReportInvestment } from "../investments/report";
import type { ComputedStatus } from "../targets/trajectory";
import { nextPeriod, parsePeriod, periodEndDate } from "../periods";

export type Assessment = "paa-sporet" | "i-risiko" | "bagud";

export type StatusPart = {
  done: string;
  next: string;
  risks: string;
  assessment: Assessment | null;
  justification: string;
  /** Who confirmed this side's part of the joint status (absent in snapshots made before it was kept). */
  confirmedBy?: string | null;
};

export type ReportTarget = {
  id: number;
  title: string;
  rationale: string;
  kind: "kvantitativ" | "milepael";
  challenges: number[];
  /** The partnership target it was adopted from, if any. */
  partnership: string | null;
  // as frozen in a published snapshot: polarity is kept as the string it was written with
  indicator: (Pick<IndicatorDef, "code" | "nameDa" | "unit"> & { polarity: string }) | null;
  targetGroup: string | null;
  baselinePeriod: string | null;
  baselineValue: number | null;
  targetValue: number | null;
  deadlinePeriod: string | null;
  computedStatus: ComputedStatus;
  latest: { period: string; value: number | null; withheld: boolean } | null;
  /** The newest period that had ended by the quarter, when it is not `latest` (withheld or not yet measured). */
  newest?: { period: string; withheld: boolean } | null;
  /** Why the status cannot be computed (with `ingen-data`). */
  unavailable?: "withheld" | "not-measured" | null;
  /** The chart's data after disclosure control: withheld values are null with `withheld`; periods after the quarter are `planned` (no observed value). */
  trend: { period: string; actual: number | null; withheld: boolean; expected: number | null; target: number | null; planned?: boolean }[];
  milestones: { title: string; dueDate: string; done: boolean }[];
  owners: { school: string | null; social: string | null };
  /** The quarter's status; null when nobody has written one. */
  status: { joint: boolean; school: StatusPart | null; social: StatusPart | null } | null;
};

export type ReportSnapshot = {
  municipality: { code: string; name: string };
  quarter: string;
  /** When the indicator data the report shows were loaded. */
  dataLoadedAt: string | null;
  challenges: { number: number; shortTitle: string }[];
  targets: ReportTarget[];
  /** The municipality's investment cases (absent in reports published before they existed). */
  investments?: ReportInvestment[];
  /**
   * The previous quarter's published report as it stood when this one was made, for "what
   * changed" (null when there was none). Frozen with the snapshot, so publishing an older
   * quarter later changes nothing here. Absent in snapshots made before it was added.
   */
  previous?: { quarter: string; version: number; targets: { id: number; title: string; computedStatus: ComputedStatus }[] } | null;
};

export const STATUS_ORDER: ComputedStatus[] = ["paa-sporet", "i-risiko", "bagud", "naaet", "ingen-data"];

export type ReportSummary = {
  total: number;
  counts: Record<ComputedStatus, number>;
  joint: number;
  /** Active targets without a joint status for the quarter. */
  missing: { id: number; title: string }[];
  /** Compared with the previous quarter's report (null when there is none). */
  changes: { title: string; from: ComputedStatus; to: ComputedStatus }[] | null;
  added: string[];
  dropped: string[];
  /** Challenges no target answers. */
  uncovered: { number: number; shortTitle: string }[];
  /** Milestones due by the quarter's end and not done. */
  overdue: { targetId: number; target: string; title: string; dueDate: string }[];
};

/** The summary, from the snapshot alone (its frozen `previous` included): the same snapshot always reads the same. */
export function summarise(report: ReportSnapshot): ReportSummary {
  const previous = report.previous ?? null;
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<ComputedStatus, number>;
  for (const t of report.targets) counts[t.computedStatus]++;
  const before = new Map((previous?.targets ?? []).map((t) => [t.id, t]));
  const now = new Set(report.targets.map((t) => t.id));
  return {
    total: report.targets.length,
    counts,
    joint: report.targets.filter((t) => t.status?.joint).length,
    missing: report.targets.filter((t) => !t.status?.joint).map((t) => ({ id: t.id, title: t.title })),
    changes: previous
      ? report.targets.flatMap((t) => {
          const was = before.get(t.id);
          return was && was.computedStatus !== t.computedStatus ? [{ title: t.title, from: was.computedStatus, to: t.computedStatus }] : [];
        })
      : null,
    added: previous ? report.targets.filter((t) => !before.has(t.id)).map((t) => t.title) : [],
    dropped: previous ? (previous.targets ?? []).filter((t) => !now.has(t.id)).map((t) => t.title) : [],
    uncovered: report.challenges.filter((c) => !report.targets.some((t) => t.challenges.includes(c.number))),
    overdue: report.targets.flatMap((t) =>
      t.milestones
        .filter((m) => milestoneState(m, report.quarter) === "overdue")
        .map((m) => ({ targetId: t.id, target: t.title, title: m.title, dueDate: m.dueDate })),
    ),
  };
}

/** The last day of a quarter (`2025K3` → `2025-09-30`). */
export function quarterEnd(quarter: string): string {
  const p = parsePeriod(quarter);
  if (!p || p.cadence !== "quarter") throw new Error(`Not a quarter: ${quarter}`);
  return periodEndDate(p);
}

export type MilestoneState = "done" | "overdue" | "upcoming";

/** As of the quarter's end: a milestone not done by its due date is overdue. */
export function milestoneState(m: { dueDate: string; done: boolean }, quarter: string): MilestoneState {
  if (m.done) return "done";
  return m.dueDate <= quarterEnd(quarter) ? "overdue" : "upcoming";
}

/**
 * What a council member reads first about a target: the latest shown value and its period, the
 * value the trajectory planned for that period, and the target with its deadline.
 */
export function keyFigures(t: ReportTarget): {
  latest: { period: string; value: number } | null;
  planned: number | null;
  target: number | null;
  deadline: string | null;
} {
  const latest = t.latest && t.latest.value !== null && !t.latest.withheld ? { period: t.latest.period, value: t.latest.value } : null;
  const planned = latest ? (t.trend.find((p) => p.period === latest.period)?.expected ?? null) : null;
  return { latest, planned, target: t.targetValue, deadline: t.deadlinePeriod };
}

export type NextStep = { side: "school" | "social"; text: string; owner: string | null; due: string };

/**
 * The next steps each department wrote, with the department's owner of the target and a date:
 * the end of the following quarter, when the next status is written.
 */
export function nextSteps(t: ReportTarget, quarter: string): NextStep[] {
  const p = parsePeriod(quarter);
  if (!p) return [];
  const due = periodEndDate(nextPeriod(p));
  return (["school", "social"] as const).flatMap((side) => {
    const text = t.status?.[side]?.next.trim() ?? "";
    return text ? [{ side, text, owner: t.owners[side], due }] : [];
  });
}

/** The quarter before `2025K3` (`2025K2`; `2025K1` → `2024K4`). */
export function previousQuarter(quarter: string): string | null {
  const m = /^(\d{4})K([1-4])$/.exec(quarter);
  if (!m) return null;
  const [y, q] = [Number(m[1]), Number(m[2])];
  return q === 1 ? `${y - 1}K4` : `${y}K${q - 1}`;
}
