/**
 * Net present value and internal rate of return over yearly cash flows.
 *
 * Conventions (ADR 0027): `flows[0]` is year 1, the budget year the case starts in, and is not
 * discounted; year t is discounted by (1 + rate)^(t − 1). All amounts are in the template's
 * fixed (real) prices, so the rate is a real rate. The arithmetic is the `financial` package's
 * (a tested port of numpy-financial); its Newton search for the IRR can miss a root that exists,
 * so a result that does not make the NPV zero is replaced by a bisection over the same NPV.
 */
import { irr as libraryIrr, npv as libraryNpv } from "financial";

export function npv(rate: number, flows: readonly number[]): number {
  return libraryNpv(rate, [...flows]);
}

const LOW = -0.99;
const HIGH = 10;

/** True when the flows change sign exactly once (a conventional investment: costs, then gains). */
export function isConventional(flows: readonly number[]): boolean {
  const signs = flows.filter((v) => v !== 0).map(Math.sign);
  let changes = 0;
  for (let i = 1; i < signs.length; i++) if (signs[i] !== signs[i - 1]) changes++;
  return changes === 1;
}

/**
 * The rate at which the NPV is zero, or null when there is none to report: no sign change
 * (only costs or only gains), or no root between −99 % and 1,000 %.
 */
export function irr(flows: readonly number[]): number | null {
  if (!flows.some((v) => v > 0) || !flows.some((v) => v < 0)) return null;
  const fits = (r: number) => Number.isFinite(r) && r > LOW && r < HIGH && Math.abs(npv(r, flows)) <= discountedScale(r, flows) * 1e-9;
  const guess = libraryIrr([...flows], 0.1, 1e-10, 200);
  if (fits(guess)) return guess;
  return bisect(flows);
}

/** The size of the discounted flows at a rate: what "the NPV is zero" is measured against. */
export function discountedScale(rate: number, flows: readonly number[]): number {
  return npv(rate, flows.map(Math.abs));
}

/** A sign change of the NPV between a grid of rates, narrowed down; the root nearest zero first. */
function bisect(flows: readonly number[]): number | null {
  const grid = [0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, HIGH, -0.05, -0.1, -0.2, -0.5, -0.8, -0.9, LOW];
  const ordered = [...grid.filter((r) => r >= 0)].sort((a, b) => a - b);
  const negatives = grid.filter((r) => r < 0).sort((a, b) => b - a);
  const pairs: [number, number][] = [];
  for (let i = 1; i < ordered.length; i++) pairs.push([ordered[i - 1], ordered[i]]);
  pairs.push([negatives[0], 0]);
  for (let i = 1; i < negatives.length; i++) pairs.push([negatives[i], negatives[i - 1]]);
  for (const [a0, b0] of pairs) {
    let a = a0;
    let b = b0;
    let fa = npv(a, flows);
    const fb = npv(b, flows);
    if (fa === 0) return a;
    if (Math.sign(fa) === Math.sign(fb)) continue;
    for (let k = 0; k < 200 && b - a > 1e-12; k++) {
      const m = (a + b) / 2;
      const fm = npv(m, flows);
      if (Math.sign(fm) === Math.sign(fa)) {
        a = m;
        fa = fm;
      } else b = m;
    }
    const r = (a + b) / 2;
    if (Math.abs(npv(r, flows)) <= discountedScale(r, flows) * 1e-7) return r;
  }
  return null;
}
