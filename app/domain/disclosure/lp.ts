/**
 * The linear-programming solver the interval audit uses: HiGHS compiled to WebAssembly (npm
 * `highs`, see ADR 0029). It is loaded once, when this module is first imported, so that the
 * audit itself can run synchronously inside a database transaction.
 */
import loadHighs, { type Highs } from "highs";

const highs: Highs = await loadHighs();

export type LpSolver = Highs;

export function lpSolver(): LpSolver {
  return highs;
}
