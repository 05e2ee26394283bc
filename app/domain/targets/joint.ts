/**
 * When a quarterly status is joint. A department's side is written when its own fields are filled
 * in (with a justification where its assessment differs from the computed status); the status is
 * joint only when both sides are written and both confirmed the same version.
 */
import type { Department } from "../access";
import type { ComputedStatus } from "./trajectory";

/** A department of the municipality, as the side of a joint status it writes. */
export type Side = Department;
export const SIDES: Side[] = ["school", "social"];
export const otherSide = (side: Side): Side => (side === "school" ? "social" : "school");

type SideFields = {
  version: number;
  schoolDone: string | null;
  schoolNext: string | null;
  schoolAssessment: string | null;
  schoolConfirmedVersion: number | null;
  socialDone: string | null;
  socialNext: string | null;
  socialAssessment: string | null;
  socialConfirmedVersion: number | null;
};

export function sideWritten(s: Partial<SideFields> | undefined, side: Side): boolean {
  return Boolean(s && s[`${side}Done`] && s[`${side}Next`] && s[`${side}Assessment`]);
}

export function isJoint(s: Partial<SideFields> | undefined): boolean {
  return Boolean(
    s &&
    (s.version ?? 0) > 0 &&
    sideWritten(s, "school") &&
    sideWritten(s, "social") &&
    s.schoolConfirmedVersion === s.version &&
    s.socialConfirmedVersion === s.version,
  );
}

export function confirmedNow(s: Partial<SideFields> | undefined, side: Side): boolean {
  return Boolean(s && (s.version ?? 0) > 0 && s[`${side}ConfirmedVersion`] === s.version);
}

/** The side had confirmed an earlier version, and a later save withdrew it (the saver's own "not confirmed" is null, not this). */
export function withdrawnVersion(s: Partial<SideFields> | undefined, side: Side): number | null {
  const v = s?.[`${side}ConfirmedVersion`];
  return s && v != null && v < (s.version ?? 0) ? v : null;
}

/** A department's assessment agrees with the computed status ("reached" counts as on track). */
export function assessmentAgrees(assessment: string, computed: ComputedStatus): boolean {
  return assessment === computed || (computed === "naaet" && assessment === "paa-sporet");
}

/** Booleans from forms read as what they say: "on", "true", "ja" (and true) are true; everything else false. */
export function parseFormBoolean(value: unknown): boolean {
  if (value === true) return true;
  return typeof value === "string" && ["on", "true", "ja"].includes(value.trim().toLowerCase());
}

/** Statuses are written, confirmed, drafted and published for the current and the previous quarter only. */
export function inQuarterWindow(quarter: string, current: string, previous: string | null): boolean {
  return quarter === current || quarter === previous;
}
