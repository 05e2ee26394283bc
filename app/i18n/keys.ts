/**
 * Keys built at run time. `t` checks every literal key against da.ts (i18next.d.ts); these say
 * which family a computed key belongs to, so it stays checked where it can be.
 */
import type { TFunction } from "i18next";
import type { TargetGroup } from "../domain/catalogue";
import { translateWith } from "./i18n";

export const targetGroupKey = (group: string) => `targetGroups.${group as TargetGroup}` as const;
export const targetGroupShortKey = (group: string) => `targetGroupsShort.${group as TargetGroup}` as const;

/** A key carried by data (a DomainError's, a stored message): checked where it was written, by the tests that show it. */
export function translateKey(t: TFunction, key: string, params?: Record<string, unknown>): string {
  return translateWith(t, key, params);
}
