/**
 * Exact check of a suppression pattern: which withheld cells can be recovered from the shown
 * cells and the additive relations, by exact linear algebra (fraction-free Gaussian elimination
 * on BigInt rows).
 *
 * Model (shared with suppress.ts):
 * - Every relation gives one equation total − Σ parts = 0. It holds for each additive quantity of
 *   the measure (count; rate numerator and denominator; mean weight n and weighted sum value×n).
 *   The coefficient matrix is the same for every quantity, so whether a cell is determined does
 *   not depend on the quantity or on the values: one structural system per table suffices.
 * - Everything not withheld is assumed known: shown cells, cells without a figure (shown as
 *   missing; they add nothing to the totals `combine` computes), and ids that relations reference
 *   but `cells` lacks (treated the same way: no data). So an equation with a missing member is
 *   still used for subtraction. That is exact when aggregates are computed from the rows present
 *   and errs towards withholding more when a caller leaves out a cell it does not show.
 *
 * Non-negativity: only exact linear determination is checked, no interval reasoning. Bounds
 * (every quantity ≥ 0) can pin a cell that linear algebra leaves free only when some withheld
 * cell in the same sums is 0: e.g. two withheld parts of a sum shown as 0 are both 0. A cell
 * pinned to 0 that way is acceptable (zero may be shown) and is not reported. Since such a zero
 * could re-expose the cell it was chosen to protect, suppress.ts takes zero counts as
 * complements only when nothing else is eligible.
 */
import type { Measure } from "../catalogue";
import { valueOf } from "../figures";
import type { DisclosureCell, Relation } from "./suppress";

/** data: has a figure to show (or withhold); empty: no figure, a known constant. */
export type CellKind = "data" | "empty";

type Equation = { cols: number[]; coefs: number[] };

/** Cells and relations indexed by column; canonical order makes every result input-order free. */
export type Model = {
  ids: string[];
  index: Map<string, number>;
  cells: (DisclosureCell | undefined)[];
  kind: CellKind[];
  /** Children the cell is about (count; rate/mean denominator), 0 when none. */
  size: number[];
  eqs: Equation[];
  eqsOf: number[][];
};

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function kindOf(cell: DisclosureCell | undefined): CellKind {
  return cell && valueOf(cell.measure, cell) !== null ? "data" : "empty";
}

/**
 * The structure of the last model built with the same relations. An import recomputes one
 * table per period of an indicator, and those tables usually have the same cells: the equations
 * are then the same, and building them was a quarter of the disclosure time. Whoever holds a
 * cache must pass it only with relations that do not change.
 */
export type ModelCache = { last?: { cellIds: string[]; structure: Pick<Model, "ids" | "index" | "eqs" | "eqsOf"> } };

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export function buildModel(cells: readonly DisclosureCell[], relations: readonly Relation[], cache?: ModelCache): Model {
  const sorted = [...cells].sort((a, b) => byString(a.id, b.id));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].id === sorted[i - 1].id) throw new Error(`disclosure: cell id ${sorted[i].id} appears twice`);
  }
  const byId = new Map(sorted.map((c) => [c.id, c]));
  const cellIds = sorted.map((c) => c.id);
  // with one measure no relation can mix measures, which structureOf checks
  const oneMeasure = sorted.every((c) => c.measure === sorted[0].measure);
  const last = oneMeasure ? cache?.last : undefined;
  const structure = last && sameIds(last.cellIds, cellIds) ? last.structure : structureOf(byId, cellIds, relations);
  if (cache) cache.last = oneMeasure ? { cellIds, structure } : undefined;
  const modelCells = structure.ids.map((id) => byId.get(id));
  const kind = modelCells.map(kindOf);
  const size = modelCells.map((c) => {
    if (!c) return 0;
    const n = c.measure === "count" ? c.numerator : c.denominator;
    return n !== null && n > 0 ? n : 0;
  });
  return { ...structure, cells: modelCells, kind, size };
}

/** Columns (the cells' ids, sorted, then the ids relations name that no cell has) and the canonical equations. */
function structureOf(
  byId: ReadonlyMap<string, DisclosureCell>,
  cellIds: readonly string[],
  relations: readonly Relation[],
): Pick<Model, "ids" | "index" | "eqs" | "eqsOf"> {
  const missing = new Set<string>();
  for (const r of relations) for (const id of [r.total, ...r.parts]) if (!byId.has(id)) missing.add(id);
  const ids = [...cellIds, ...[...missing].sort(byString)];
  const index = new Map(ids.map((id, i) => [id, i]));

  // canonical equations: merged coefficients, sorted columns, duplicates dropped
  const seen = new Set<string>();
  const keyed: { key: string; eq: Equation }[] = [];
  for (const r of relations) {
    const members = [r.total, ...r.parts];
    const terms: [number, number][] = [];
    let measure: Measure | undefined;
    for (let i = 0; i < members.length; i++) {
      const m = byId.get(members[i])?.measure;
      if (m !== undefined && measure !== undefined && m !== measure) throw new Error(`disclosure: relation for ${r.total} mixes measures`);
      if (m !== undefined) measure = m;
      terms.push([index.get(members[i])!, i === 0 ? 1 : -1]);
    }
    terms.sort((a, b) => a[0] - b[0]);
    const cols: number[] = [];
    const coefs: number[] = [];
    for (const [c, v] of terms) {
      if (cols.length > 0 && cols[cols.length - 1] === c) coefs[coefs.length - 1] += v;
      else {
        cols.push(c);
        coefs.push(v);
      }
    }
    for (let i = cols.length - 1; i >= 0; i--) {
      if (coefs[i] === 0) {
        cols.splice(i, 1);
        coefs.splice(i, 1);
      }
    }
    if (cols.length === 0) continue;
    // an equation and its negation are the same constraint
    if (coefs[0] < 0) for (let i = 0; i < coefs.length; i++) coefs[i] = -coefs[i];
    const key = `${cols.join(",")}|${coefs.join(",")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    keyed.push({ key, eq: { cols, coefs } });
  }
  keyed.sort((a, b) => byString(a.key, b.key));
  const eqs = keyed.map((k) => k.eq);
  const eqsOf: number[][] = ids.map(() => []);
  eqs.forEach((eq, e) => eq.cols.forEach((c) => eqsOf[c].push(e)));
  return { ids, index, eqs, eqsOf };
}

// ---------------------------------------------------------------------------------------------
// Exact elimination

type Row = Map<number, bigint>;

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Divides by the content so entries stay small; makes the pivot entry positive. */
function normalize(row: Row, pivot: number): void {
  let g = 0n;
  for (const v of row.values()) {
    g = gcd(g, v);
    if (g === 1n) break;
  }
  const negate = (row.get(pivot) ?? 0n) < 0n;
  if (g <= 1n && !negate) return;
  const d = negate ? -(g || 1n) : g;
  for (const [c, v] of row) row.set(c, v / d);
}

/** row := a·row − b·other (exact). */
function combineRows(row: Row, a: bigint, other: Row, b: bigint): void {
  if (a !== 1n) for (const [c, v] of row) row.set(c, a * v);
  for (const [c, v] of other) {
    const nv = (row.get(c) ?? 0n) - b * v;
    if (nv === 0n) row.delete(c);
    else row.set(c, nv);
  }
}

/**
 * Reduced row echelon form over the unknown columns (pivots only on unknowns). With `keepKnown`
 * the rows also carry the known columns, so a determined cell's row reads
 * pivot·x = Σ c_j·(shown cell j): the shown cells that pin it.
 */
function eliminate(model: Model, eqIdx: readonly number[], unknown: readonly boolean[], keepKnown: boolean): Map<number, Row> {
  const pivots = new Map<number, Row>();
  for (const e of eqIdx) {
    const eq = model.eqs[e];
    const row: Row = new Map();
    eq.cols.forEach((c, i) => {
      if (keepKnown || unknown[c]) row.set(c, BigInt(eq.coefs[i]));
    });
    // pivot rows are fully reduced, so eliminating one pivot never brings another back
    const present = [...row.keys()].filter((c) => pivots.has(c));
    for (const p of present) {
      const b = row.get(p);
      if (b === undefined) continue;
      const P = pivots.get(p)!;
      combineRows(row, P.get(p)!, P, b);
    }
    let q = -1;
    for (const c of row.keys()) if (unknown[c] && (q < 0 || c < q)) q = c;
    if (q < 0) continue; // only shown cells left: a consistency check, no information on unknowns
    normalize(row, q);
    const a = row.get(q)!;
    for (const [pc, P] of pivots) {
      const b = P.get(q);
      if (b === undefined) continue;
      combineRows(P, a, row, b);
      normalize(P, pc);
    }
    pivots.set(q, row);
  }
  return pivots;
}

export type Analysis = {
  /** Withheld columns whose quantities are uniquely determined. */
  determined: number[];
  /** For each determined column (when asked): the shown columns with non-zero coefficient in its row. */
  witnesses: Map<number, number[]>;
};

/**
 * Finds determined withheld columns, per connected component of withheld cells (shown cells are
 * constants, so they do not couple equations). Witnesses come from a second pass that carries
 * the known columns, run only for components where something is determined.
 */
export function analyse(
  model: Model,
  withheld: readonly boolean[],
  /** Witnesses are wanted for determined columns except these (already known to be unprotectable). */
  witnessesFor: false | { except: ReadonlySet<number> },
): Analysis {
  const parent = model.ids.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  const eqUnknowns: number[][] = model.eqs.map((eq) => eq.cols.filter((c) => withheld[c]));
  for (const us of eqUnknowns) {
    for (let i = 1; i < us.length; i++) {
      const a = find(us[0]);
      const b = find(us[i]);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const compEqs = new Map<number, number[]>();
  eqUnknowns.forEach((us, e) => {
    if (us.length === 0) return;
    const root = find(us[0]);
    let list = compEqs.get(root);
    if (!list) compEqs.set(root, (list = []));
    list.push(e);
  });

  const determined: number[] = [];
  const witnesses = new Map<number, number[]>();
  for (const eqIdx of compEqs.values()) {
    const found: number[] = [];
    for (const [p, row] of eliminate(model, eqIdx, withheld, false)) {
      let alone = true;
      for (const c of row.keys()) if (c !== p) alone = false;
      if (alone) found.push(p);
    }
    if (found.length === 0) continue;
    determined.push(...found);
    const wanted = witnessesFor ? found.filter((p) => !witnessesFor.except.has(p)) : [];
    if (wanted.length === 0) continue;
    const full = eliminate(model, eqIdx, withheld, true);
    for (const p of wanted) {
      const row = full.get(p)!;
      witnesses.set(
        p,
        [...row.keys()].filter((c) => !withheld[c]).sort((a, b) => a - b),
      );
    }
  }
  determined.sort((a, b) => a - b);
  return { determined, witnesses };
}

/**
 * Ids of withheld cells whose quantities are uniquely determined by the relations and the shown
 * cells (sorted). Withheld ids that are not cells are ignored (nothing to withhold). Cells pinned
 * to 0 only by non-negativity are not reported (see the module comment).
 */
export function findDetermined(
  cells: readonly DisclosureCell[],
  relations: readonly Relation[],
  withheld: Iterable<string> | ReadonlyMap<string, unknown>,
): string[] {
  const model = buildModel(cells, relations);
  const ids = withheld instanceof Map ? [...withheld.keys()] : [...(withheld as Iterable<string>)];
  const cols = new Set<number>();
  for (const id of ids) {
    const c = model.index.get(id);
    if (c !== undefined && model.cells[c]) cols.add(c);
  }
  const isWithheld = model.ids.map((_, c) => cols.has(c));
  const { determined } = analyse(model, isWithheld, false);
  return determined.map((c) => model.ids[c]);
}
