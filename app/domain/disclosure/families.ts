/**
 * Linked protection of the rate tables that count the same children (ADR 0029).
 *
 * A family is every rate indicator with the same `population` in the catalogue, for one period:
 * their denominators are the same number of pupils (ninth-graders, cases) per municipality and
 * target group, so a denominator one table shows is shown for all of them.
 *
 * 1. `familyDenominatorCells`: the shared denominators as one count table; the ordinary
 *    suppression (suppress.ts) over it gives one pattern D for the whole family, which every
 *    table of the family then withholds (as `linked` cells) on top of its own rules.
 * 2. `protectFamily`: the attacker's model over all tables of the family at once (every shown
 *    numerator and denominator, the group relations, region and nation sums, numerator ≤
 *    denominator, non-negativity); the interval audit (audit.ts) checks every cell withheld on
 *    its own account, and complements are added until each such cell passes the rule below.
 *
 * The rule: for a cell withheld as primary or attribute, its numerator and complement (and its
 * denominator when that is below k) each have an interval at least k wide, so none is pinned to
 * one value or narrowed to a small count. Cells withheld as complements need no width of their own.
 */
import type { Population } from "../catalogue";
import { auditIntervals, type AuditConstraint, type Interval, type LinearTerm } from "./audit";
import type { LpSolver } from "./lp";
import { ownWithholding, type DisclosureConfig } from "./rules";
import { cellId, type DisclosureCell, type Withholding } from "./suppress";

export type { Population };

export type FamilyCell = {
  municipalityCode: string;
  targetGroup: string;
  numerator: number | null;
  denominator: number | null;
  /** The pattern so far; protectFamily adds complements here. */
  withheld: Withholding | null;
};

export type FamilyTable = { indicatorCode: string; cells: FamilyCell[] };

export type FamilyInput = {
  municipalities: readonly { code: string; regionCode: string }[];
  tables: readonly FamilyTable[];
  cfg: DisclosureConfig;
};

export type Quantity = "denominator" | "numerator" | "complement";

export type AuditedCell = {
  indicatorCode: string;
  municipalityCode: string;
  targetGroup: string;
  quantity: Quantity;
  reason: Withholding;
  interval: Interval;
  width: number;
  passes: boolean;
};

export type FamilyReport = {
  audited: AuditedCell[];
  /** Complements added by the audit: "indicator|municipality|group". */
  added: string[];
  /** Cells that fail the rule and that no further complement can help. */
  exposed: AuditedCell[];
  rounds: number;
};

const present = (c: FamilyCell) => c.numerator !== null && c.denominator !== null;

/**
 * The family's shared denominators as one count table, for the ordinary suppression: municipal
 * cells plus region and nation sums (protected, always shown). Ids as cellId().
 */
export function familyDenominatorCells(input: Omit<FamilyInput, "cfg">): DisclosureCell[] {
  const regionOf = new Map(input.municipalities.map((m) => [m.code, m.regionCode]));
  const own = new Map<string, number>();
  for (const t of input.tables)
    for (const c of t.cells) {
      if (!present(c)) continue;
      const id = cellId({ scope: "municipality", code: c.municipalityCode, targetGroup: c.targetGroup, breakdown: "" });
      // the largest when tables disagree: errs towards treating the cell as bigger, never as missing
      own.set(id, Math.max(own.get(id) ?? 0, c.denominator!));
    }
  const sums = new Map<string, number>();
  const add = (id: string, v: number) => sums.set(id, (sums.get(id) ?? 0) + v);
  for (const [id, d] of own) {
    const [, code, group] = id.split("/");
    const region = regionOf.get(code);
    if (region !== undefined) add(cellId({ scope: "region", code: region, targetGroup: group, breakdown: "" }), d);
    add(cellId({ scope: "nation", code: "", targetGroup: group, breakdown: "" }), d);
  }
  return [
    ...[...own].map(([id, d]) => ({ id, measure: "count" as const, numerator: d, denominator: null, value: null })),
    ...[...sums].map(([id, d]) => ({ id, measure: "count" as const, numerator: d, denominator: null, value: null, protected: true })),
  ];
}

type Variable = { key: string; value: number; known: boolean; /** The cells that show it (withholding them all hides it). */ cells: FamilyCell[]; kind: "d" | "t" };

type Target = { table: string; cell: FamilyCell; quantity: Quantity; terms: LinearTerm[] };

/** The attacker's model of one family and period: variables, constraints, and the targets to audit. */
function attackerModel(input: FamilyInput) {
  const { tables, municipalities, cfg } = input;
  const vars: Variable[] = [];
  const index = new Map<string, number>();
  const variable = (key: string, value: number, kind: "d" | "t"): number => {
    let i = index.get(key);
    if (i === undefined) {
      i = vars.length;
      index.set(key, i);
      vars.push({ key, value, known: false, cells: [], kind });
    }
    return i;
  };

  // one shared denominator per municipality and group when every table agrees on it
  const denominators = new Map<string, Set<number>>();
  for (const t of tables)
    for (const c of t.cells) {
      if (!present(c)) continue;
      const k = `${c.municipalityCode}|${c.targetGroup}`;
      const set = denominators.get(k);
      if (set) set.add(c.denominator!);
      else denominators.set(k, new Set([c.denominator!]));
    }
  const dKey = (table: string, c: FamilyCell) => {
    const k = `${c.municipalityCode}|${c.targetGroup}`;
    return denominators.get(k)!.size === 1 ? `d|${k}` : `d|${table}|${k}`;
  };

  const cellVars = new Map<FamilyCell, { d: number; t: number }>();
  for (const t of tables)
    for (const c of t.cells) {
      if (!present(c)) continue;
      const d = variable(dKey(t.indicatorCode, c), c.denominator!, "d");
      const n = variable(`t|${t.indicatorCode}|${c.municipalityCode}|${c.targetGroup}`, c.numerator!, "t");
      vars[d].cells.push(c);
      vars[n].cells.push(c);
      cellVars.set(c, { d, t: n });
    }
  for (const v of vars) v.known = v.cells.some((c) => !c.withheld);

  const constraints: AuditConstraint[] = [];
  const seen = new Set<string>();
  const constrain = (terms: LinearTerm[], lower: number, upper: number) => {
    const key = `${terms
      .map(([v, c]) => `${v}:${c}`)
      .sort()
      .join(",")}|${lower}|${upper}`;
    if (seen.has(key)) return; // the shared denominators repeat the same relation per table
    seen.add(key);
    constraints.push({ terms, lower, upper });
  };
  const eq = (terms: LinearTerm[], value = 0) => constrain(terms, value, value);
  const atLeast = (terms: LinearTerm[], value = 0) => constrain(terms, value, Infinity);

  const regionOf = new Map(municipalities.map((m) => [m.code, m.regionCode]));
  for (const t of tables) {
    const byMunicipality = new Map<string, Map<string, FamilyCell>>();
    for (const c of t.cells) {
      if (!present(c)) continue;
      const own = byMunicipality.get(c.municipalityCode) ?? new Map<string, FamilyCell>();
      own.set(c.targetGroup, c);
      byMunicipality.set(c.municipalityCode, own);
    }
    // udsatte is the sum of anbragte and forebyggende in the current data, a union after issue 22:
    // the bounds always hold; the equation only when it holds in every municipality (then the
    // definition is a sum and an attacker may know it)
    let udsatteIsSum = true;
    for (const g of byMunicipality.values()) {
      const [a, f, u] = [g.get("anbragte"), g.get("forebyggende"), g.get("udsatte")];
      if (a && f && u && (u.numerator !== a.numerator! + f.numerator! || u.denominator !== a.denominator! + f.denominator!)) udsatteIsSum = false;
    }
    for (const g of byMunicipality.values()) {
      for (const part of ["d", "t"] as const) {
        const v = (group: string) => {
          const c = g.get(group);
          return c ? cellVars.get(c)![part] : undefined;
        };
        const [alle, udsatte, oevrige, anbragte, forebyggende] = ["alle", "udsatte", "oevrige", "anbragte", "forebyggende"].map(v);
        if (alle !== undefined && udsatte !== undefined && oevrige !== undefined) eq([[alle, 1], [udsatte, -1], [oevrige, -1]]);
        if (udsatte !== undefined && anbragte !== undefined) atLeast([[udsatte, 1], [anbragte, -1]]);
        if (udsatte !== undefined && forebyggende !== undefined) atLeast([[udsatte, 1], [forebyggende, -1]]);
        if (udsatte !== undefined && anbragte !== undefined && forebyggende !== undefined) {
          atLeast([[anbragte, 1], [forebyggende, 1], [udsatte, -1]]);
          if (udsatteIsSum) eq([[udsatte, 1], [anbragte, -1], [forebyggende, -1]]);
        }
        // every group is part of alle
        if (alle !== undefined) for (const x of [udsatte, oevrige, anbragte, forebyggende]) if (x !== undefined) atLeast([[alle, 1], [x, -1]]);
      }
      for (const c of g.values()) {
        const { d, t: n } = cellVars.get(c)!;
        atLeast([[d, 1], [n, -1]]);
      }
    }

    // region and nation sums, shown unless they are themselves withheld
    for (const part of ["d", "t"] as const) {
      const groups = new Map<string, { region: Map<string, number[]>; all: number[] }>();
      for (const c of t.cells) {
        if (!present(c)) continue;
        const g = groups.get(c.targetGroup) ?? { region: new Map<string, number[]>(), all: [] as number[] };
        groups.set(c.targetGroup, g);
        const v = cellVars.get(c)![part];
        g.all.push(v);
        const r = regionOf.get(c.municipalityCode);
        if (r !== undefined) g.region.set(r, [...(g.region.get(r) ?? []), v]);
      }
      for (const [group, g] of groups) {
        const sumOf = (vs: number[]) => vs.reduce((s, v) => s + vars[v].value, 0);
        const shown = (cellsOf: FamilyCell[]) => {
          const numerator = cellsOf.reduce((s, c) => s + c.numerator!, 0);
          const denominator = cellsOf.reduce((s, c) => s + c.denominator!, 0);
          return ownWithholding("rate", { numerator, denominator, value: null }, cfg) === null;
        };
        const cellsIn = (region: string | null) =>
          t.cells.filter((c) => present(c) && c.targetGroup === group && (region === null || regionOf.get(c.municipalityCode) === region));
        let allRegionsShown = true;
        for (const [r, vs] of g.region) {
          if (shown(cellsIn(r))) eq(vs.map((v) => [v, 1] as LinearTerm), sumOf(vs));
          else allRegionsShown = false;
        }
        // Σ regions = nation adds nothing when every region is shown (and would join all regions into one LP)
        if ((!allRegionsShown || g.region.size === 0) && shown(cellsIn(null))) eq(g.all.map((v) => [v, 1] as LinearTerm), sumOf(g.all));
      }
    }
  }

  const targets: Target[] = [];
  const dTargets = new Set<number>();
  for (const t of tables)
    for (const c of t.cells) {
      if (!present(c) || (c.withheld !== "primary" && c.withheld !== "attribute")) continue;
      const { d, t: n } = cellVars.get(c)!;
      // the denominator itself is sensitive only when it is small (a share of 2 of 40 hides the 2, not the 40)
      if (!vars[d].known && c.denominator! < cfg.k && !dTargets.has(d)) {
        dTargets.add(d);
        targets.push({ table: t.indicatorCode, cell: c, quantity: "denominator", terms: [[d, 1]] });
      }
      targets.push({ table: t.indicatorCode, cell: c, quantity: "numerator", terms: [[n, 1]] });
      // with the denominator shown, the complement's interval is the numerator's
      if (!vars[d].known) targets.push({ table: t.indicatorCode, cell: c, quantity: "complement", terms: [[d, 1], [n, -1]] });
    }
  return { vars, constraints, targets };
}

/** Audits one family and period as it stands (no changes). `exact`: solve every interval (reports). */
export function auditFamily(input: FamilyInput, solver: LpSolver, exact = false): AuditedCell[] {
  return audit(attackerModel(input), input.cfg, solver, exact);
}

function audit(model: ReturnType<typeof attackerModel>, cfg: DisclosureConfig, solver: LpSolver, exact = false): AuditedCell[] {
  const { vars, constraints, targets } = model;
  const intervals = auditIntervals(
    { values: vars.map((v) => v.value), known: vars.map((v) => v.known), constraints, targets: targets.map((t) => t.terms) },
    solver,
    { minWidth: cfg.k, exact },
  );
  return targets.map((t, i) => {
    const interval = intervals[i];
    const width = interval.upper - interval.lower;
    return {
      indicatorCode: t.table,
      municipalityCode: t.cell.municipalityCode,
      targetGroup: t.cell.targetGroup,
      quantity: t.quantity,
      reason: t.cell.withheld!,
      interval,
      width,
      passes: width >= cfg.k,
    };
  });
}

/**
 * Audits the family and withholds complements (as "secondary", in the cells' `withheld`) until
 * every cell withheld on its own account passes, or nothing more can help.
 */
export function protectFamily(input: FamilyInput, solver: LpSolver, maxRounds = 40): FamilyReport {
  const added: string[] = [];
  const tableOf = new Map<FamilyCell, string>();
  for (const t of input.tables) for (const c of t.cells) tableOf.set(c, t.indicatorCode);
  const stuck = new Set<string>();
  let rounds = 0;
  for (;;) {
    rounds++;
    const model = attackerModel(input);
    const { vars, constraints, targets } = model;
    const audited = audit(model, input.cfg, solver);
    const failing = targets.map((t, i) => ({ target: t, interval: audited[i].interval })).filter((_, i) => !audited[i].passes);
    const chosen = new Set<number>();
    for (const { target, interval } of failing) {
      const id = `${target.table}|${target.cell.municipalityCode}|${target.cell.targetGroup}|${target.quantity}`;
      if (stuck.has(id)) continue;
      const wantKind = target.quantity === "denominator" ? "d" : "t";
      // the known members of the relations that hold the interval narrow (the LP's binding rows)
      let best = -1;
      for (const r of interval.binding ?? []) {
        for (const [v] of constraints[r].terms) {
          const x = vars[v];
          if (!x.known || chosen.has(v)) continue;
          if (best < 0 || rank(x, vars[best], wantKind) < 0) best = v;
        }
      }
      if (best < 0) {
        stuck.add(id);
        continue;
      }
      chosen.add(best);
    }
    if (process.env.DEBUG_AUDIT) console.log("round", rounds, "failing", failing.length, "chosen", [...chosen].map((v) => vars[v].key + "=" + vars[v].value).join(" "), "stuck", [...stuck].join(" "));
    if (chosen.size === 0 || rounds >= maxRounds) return { audited, added, exposed: audited.filter((a) => !a.passes), rounds };
    for (const v of chosen) {
      for (const c of vars[v].cells) {
        if (c.withheld) continue;
        c.withheld = "secondary";
        added.push(`${tableOf.get(c)}|${c.municipalityCode}|${c.targetGroup}`);
      }
    }
  }
}

/** Complement order: the kind the target needs, non-zero before zero, then fewest children, then key. */
function rank(a: Variable, b: Variable, kind: "d" | "t"): number {
  if ((a.kind === kind) !== (b.kind === kind)) return a.kind === kind ? -1 : 1;
  if ((a.value === 0) !== (b.value === 0)) return a.value === 0 ? 1 : -1;
  if (a.value !== b.value) return a.value - b.value;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
