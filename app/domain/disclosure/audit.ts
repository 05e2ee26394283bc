/**
 * Interval audit: for quantities an attacker must not learn, the narrowest interval that the
 * shown figures and the known relations allow, by linear programming (as τ-ARGUS and sdcTable
 * audit their tables).
 *
 * The attacker's knowledge is a set of linear constraints `lower ≤ Σ coef·x ≤ upper` over
 * non-negative variables, some of which are known (shown). For each target quantity (a linear
 * expression) the audit finds min and max over everything consistent with that knowledge.
 *
 * - Known variables are substituted; the rest splits into independent components (variables
 *   linked by some constraint), and each component is one small LP in HiGHS, reused for all its
 *   targets (only the objective changes, so the simplex warm-starts).
 * - A target is cheap to clear when two solutions already seen (the true values count as one)
 *   differ by at least `minWidth`: its interval is at least that wide, no LP needed. Otherwise
 *   its min and max are solved exactly; every solution found widens what is known of the others.
 * - LP is the relaxation of the integer problem; bounds are rounded inwards to integers. An
 *   integer attack can in rare cases be a little narrower (ADR 0029).
 */
import type { LpSolver } from "./lp";

export type LinearTerm = readonly [variable: number, coefficient: number];

/** lower ≤ Σ coefficient·variable ≤ upper; ±Infinity for a side without a bound. */
export type AuditConstraint = { terms: readonly LinearTerm[]; lower: number; upper: number };

export type AuditProblem = {
  /** The true value of every variable; every variable is ≥ 0. */
  values: readonly number[];
  /** Shown to the attacker. */
  known: readonly boolean[];
  constraints: readonly AuditConstraint[];
  targets: readonly (readonly LinearTerm[])[];
  /** Per target, the width it needs (else options.minWidth): solving stops as soon as it is seen. */
  minWidths?: readonly number[];
  /** Audit only these targets (the others are returned as their true value, unaudited). */
  only?: readonly boolean[];
};

/**
 * The attacker's interval for one target. `exact`: solved; otherwise an inner bound (values two
 * feasible solutions take), so the true interval is at least this wide.
 */
export type Interval = {
  lower: number;
  upper: number;
  exact: boolean;
  /**
   * When solved: the constraints (indices into the problem's) that bind at the minimum or the
   * maximum. Their known members are what holds the interval narrow, so the candidates to withhold.
   */
  binding?: number[];
};

export type AuditOptions = { minWidth: number; /** Solve every target exactly (reports). */ exact?: boolean };

const EPS = 1e-6;

export function auditIntervals(problem: AuditProblem, solver: LpSolver, options: AuditOptions): Interval[] {
  const { values, known, constraints, targets } = problem;
  const n = values.length;
  const evaluate = (terms: readonly LinearTerm[], x: (v: number) => number) => terms.reduce((s, [v, c]) => s + c * x(v), 0);
  const truth = (v: number) => values[v];

  // union-find over unknown variables, linked by constraints and by targets spanning several
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (a: number): number => {
    while (parent[a] !== a) a = parent[a] = parent[parent[a]];
    return a;
  };
  const link = (vars: number[]) => {
    for (let i = 1; i < vars.length; i++) parent[find(vars[i])] = find(vars[0]);
  };

  type Row = { terms: LinearTerm[]; lower: number; upper: number; origin: number };
  const rows: Row[] = [];
  for (const [origin, c] of constraints.entries()) {
    let constant = 0;
    const terms: LinearTerm[] = [];
    for (const t of c.terms) {
      if (known[t[0]]) constant += t[1] * values[t[0]];
      else terms.push(t);
    }
    if (terms.length === 0) continue;
    rows.push({ terms, lower: c.lower - constant, upper: c.upper - constant, origin });
    link(terms.map((t) => t[0]));
  }
  const unknownTerms = targets.map((terms, i) => (problem.only && !problem.only[i] ? [] : terms.filter((t) => !known[t[0]])));
  unknownTerms.forEach((terms) => link(terms.map((t) => t[0])));

  const out: Interval[] = targets.map((terms) => {
    const v = evaluate(terms, truth);
    return { lower: v, upper: v, exact: true };
  });

  // components that hold a target with an unknown part
  const byComponent = new Map<number, number[]>();
  unknownTerms.forEach((terms, i) => {
    if (terms.length === 0) return;
    const root = find(terms[0][0]);
    const list = byComponent.get(root);
    if (list) list.push(i);
    else byComponent.set(root, [i]);
  });
  if (byComponent.size === 0) return out;

  const rowsOf = new Map<number, Row[]>();
  for (const r of rows) {
    const root = find(r.terms[0][0]);
    const list = rowsOf.get(root);
    if (list) list.push(r);
    else rowsOf.set(root, [r]);
  }
  const varsOf = new Map<number, number[]>();
  for (let v = 0; v < n; v++) {
    if (known[v]) continue;
    const root = find(v);
    if (!byComponent.has(root)) continue;
    const list = varsOf.get(root);
    if (list) list.push(v);
    else varsOf.set(root, [v]);
  }

  const { minimize, maximize } = solver.constants.objectiveSense;
  const { optimal, unbounded, unboundedOrInfeasible } = solver.constants.modelStatus;

  for (const [root, targetIds] of byComponent) {
    const vars = varsOf.get(root)!;
    const col = new Map(vars.map((v, i) => [v, i]));
    const seenLow = targetIds.map((i) => out[i].lower);
    const seenHigh = seenLow.slice();
    const see = (x: Float64Array) => {
      const at = (v: number) => (known[v] ? values[v] : x[col.get(v)!]);
      targetIds.forEach((i, j) => {
        const value = evaluate(targets[i], at);
        if (value < seenLow[j]) seenLow[j] = value;
        if (value > seenHigh[j]) seenHigh[j] = value;
      });
    };
    const pending = targetIds.map((_, j) => j);
    const wide = (j: number) => seenHigh[j] - seenLow[j] >= (problem.minWidths?.[targetIds[j]] ?? options.minWidth) - EPS;
    if (!options.exact && pending.every(wide)) {
      targetIds.forEach((i, j) => (out[i] = { lower: seenLow[j], upper: seenHigh[j], exact: false }));
      continue;
    }
    const model = solver.createModel();
    try {
      model.options.set({ output_flag: false });
      model.addVars(new Float64Array(vars.length), new Float64Array(vars.length).fill(solver.infinity));
      const componentRows = rowsOf.get(root) ?? [];
      for (const r of componentRows) {
        model.addRow(Number.isFinite(r.lower) ? r.lower : -solver.infinity, Number.isFinite(r.upper) ? r.upper : solver.infinity, {
          indices: r.terms.map((t) => col.get(t[0])!),
          values: r.terms.map((t) => t[1]),
        });
      }
      const everything = { kind: "range", from: 0, to: vars.length - 1 } as const;
      const solve = (terms: readonly LinearTerm[], sense: typeof minimize | typeof maximize, binding: Set<number>): number => {
        const cost = new Float64Array(vars.length);
        let constant = 0;
        for (const [v, c] of terms) {
          if (known[v]) constant += c * values[v];
          else cost[col.get(v)!] += c;
        }
        model.changeColsCost(everything, cost);
        model.changeObjectiveSense(sense);
        const status = model.run().modelStatus;
        if (status === unbounded || status === unboundedOrInfeasible) return sense === maximize ? Infinity : -Infinity;
        if (status !== optimal)
          throw new Error(
            `disclosure audit: the attacker's model has no solution (HiGHS status ${status}); a relation does not hold for the data`,
          );
        const solution = model.getSolution();
        see(solution.colValue);
        solution.rowDual.forEach((dual, r) => {
          if (Math.abs(dual) > EPS) binding.add(componentRows[r].origin);
        });
        return model.getObjectiveValue() + constant;
      };
      // a few spread-out solutions first: most targets are then seen to vary enough, without an LP of their own
      if (!options.exact) {
        const all = targetIds.flatMap((i) => targets[i]);
        let seed = targetIds.length;
        const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
        for (const terms of [all, all.map(([v, c]) => [v, c * random()] as const)]) {
          solve(terms, minimize, new Set());
          solve(terms, maximize, new Set());
        }
      }
      for (const j of pending) {
        const i = targetIds[j];
        if (!options.exact && wide(j)) {
          out[i] = { lower: seenLow[j], upper: seenHigh[j], exact: false };
          continue;
        }
        const binding = new Set<number>();
        const lower = solve(targets[i], minimize, binding);
        const upper = solve(targets[i], maximize, binding);
        out[i] = {
          lower: Math.ceil(lower - EPS),
          upper: Number.isFinite(upper) ? Math.floor(upper + EPS) : Infinity,
          exact: true,
          binding: [...binding].sort((a, b) => a - b),
        };
      }
    } finally {
      model.dispose();
    }
  }
  return out;
}
