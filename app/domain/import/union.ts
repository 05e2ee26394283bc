/**
 * udsatte is the union of anbragte and forebyggende: a child with both a placement and a
 * preventive measure in the same year is counted once (seed 000 p. 11: 5,520 udsatte ninth-
 * graders of 1,227 placed and 4,930 with a supportive measure). So for every figure that counts
 * children, max(anbragte, forebyggende) ≤ udsatte ≤ anbragte + forebyggende.
 */
import { messageKey } from "../errors";
import type { Measure } from "../catalogue";
import type { Issue } from "./rows";

export const UNION_GROUPS = ["anbragte", "forebyggende", "udsatte"] as const;
export type UnionGroup = (typeof UNION_GROUPS)[number];
type Figures = { numerator: number | null; denominator: number | null };

/** The raw figures that count children, per measure: a rate's both, a count's number, a mean's n. */
const COUNTED: Record<Measure, readonly ("numerator" | "denominator")[]> = {
  rate: ["denominator", "numerator"],
  count: ["numerator"],
  mean: ["denominator"],
};
const COLUMN = { numerator: "taeller", denominator: "naevner" } as const;

/** The bounds one cell's three groups break, as import errors; none while a group or figure is missing. */
export function unionIssues(measure: Measure, figures: Partial<Record<UnionGroup, Figures>>): Issue[] {
  const { anbragte: a, forebyggende: f, udsatte: u } = figures;
  if (!a || !f || !u) return [];
  const issues: Issue[] = [];
  for (const field of COUNTED[measure]) {
    const [x, y, z] = [a[field], f[field], u[field]];
    if (x === null || y === null || z === null) continue;
    const low = Math.max(x, y);
    const high = x + y;
    if (z >= low && z <= high) continue;
    issues.push({
      column: COLUMN[field],
      message: messageKey(`importErrors.unionBounds.${field}`, { value: z, low, high, placed: x, preventive: y }),
    });
  }
  return issues;
}
