/**
 * Primary suppression: which single figures are too small to show.
 * k is configuration (DEFAULT_DISCLOSURE); nothing below hard-codes its value.
 */
import type { Measure } from "../catalogue";
import type { RawFigures } from "../figures";

export type DisclosureConfig = { k: number };

export const DEFAULT_DISCLOSURE: DisclosureConfig = { k: 5 };

export function assertDisclosureConfig(cfg: DisclosureConfig): void {
  if (!Number.isInteger(cfg.k) || cfg.k < 1) throw new RangeError(`disclosure: k must be an integer ≥ 1, got ${cfg.k}`);
}

/** 1..k−1: about some children, but fewer than k. Zero is not small (zero may be shown). */
function isSmall(x: number, k: number): boolean {
  return x > 0 && x < k;
}

/**
 * True when the figure itself must be withheld.
 * - count: 1..k−1 children.
 * - rate: denominator 1..k−1, or numerator or denominator − numerator 1..k−1
 *   (47 of 50 reveals the 3 who did not). Denominator 0/null is "no data", not withheld.
 * - mean: covers 1..k−1 children (the denominator); 0/null is "no data".
 */
export function isPrimaryWithheld(measure: Measure, raw: RawFigures, cfg: DisclosureConfig = DEFAULT_DISCLOSURE): boolean {
  assertDisclosureConfig(cfg);
  const { k } = cfg;
  switch (measure) {
    case "count":
      return raw.numerator !== null && isSmall(raw.numerator, k);
    case "rate": {
      const d = raw.denominator;
      if (d === null || d <= 0) return false;
      if (d < k) return true;
      const t = raw.numerator;
      return t !== null && (isSmall(t, k) || isSmall(d - t, k));
    }
    case "mean":
      return raw.denominator !== null && isSmall(raw.denominator, k);
  }
}

/**
 * Group attribute disclosure (ADR 0029): a shown 0 % or 100 % tells something about every child
 * in the group. Below this many children such a rate is withheld; at least 10, and 2k when k is
 * configured higher.
 */
export function attributeThreshold(cfg: DisclosureConfig = DEFAULT_DISCLOSURE): number {
  return Math.max(10, 2 * cfg.k);
}

/** A rate where every child (or none) shares the outcome, in a group too small for that to be harmless. */
export function isAttributeWithheld(measure: Measure, raw: RawFigures, cfg: DisclosureConfig = DEFAULT_DISCLOSURE): boolean {
  if (measure !== "rate") return false;
  const d = raw.denominator;
  const t = raw.numerator;
  if (d === null || t === null || d <= 0) return false;
  return d < attributeThreshold(cfg) && (t === 0 || t === d);
}

/** Why a figure must be withheld on its own, or null; primary rules before the attribute rule. */
export function ownWithholding(
  measure: Measure,
  raw: RawFigures,
  cfg: DisclosureConfig = DEFAULT_DISCLOSURE,
): "primary" | "attribute" | null {
  if (isPrimaryWithheld(measure, raw, cfg)) return "primary";
  return isAttributeWithheld(measure, raw, cfg) ? "attribute" : null;
}
