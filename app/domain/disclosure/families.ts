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
 * one value or narrowed to a small count. A cell withheld as a complement must not be worked out
 * exactly (its numerator and, when hidden everywhere, its denominator are not pinned).
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

type Variable = {
  key: string;
  value: number;
  known: boolean;
  /** The cells that show it (withholding them all hides it). */ cells: FamilyCell[];
  kind: "d" | "t";
};

type Target = { table: string; cell: FamilyCell; quantity: Quantity; terms: LinearTerm[]; minWidth: number };

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

  const constraints: AuditConstraint[] = [];
  const seen = new Set<string>();
  const constrain = (terms: LinearTerm[], lower: number, upper: number) => {
    // a relation the data break (an import that changed one group only) is no knowledge to rely on
    const actual = terms.reduce((s, [v, c]) => s + c * vars[v].value, 0);
    if (actual < lower || actual > upper) return;
    // the shared denominators repeat the same relation per table; numerators are each table's own
    if (vars[terms[0][0]].kind === "d") {
      const key = `${terms.map(([v, c]) => `${v}:${c}`).join(",")}|${lower}|${upper}`;
      if (seen.has(key)) return;
      seen.add(key);
    }
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
      if (a && f && u && (u.numerator !== a.numerator! + f.numerator! || u.denominator !== a.denominator! + f.denominator!))
        udsatteIsSum = false;
    }
    for (const g of byMunicipality.values()) {
      for (const part of ["d", "t"] as const) {
        const v = (group: string) => {
          const c = g.get(group);
          return c ? cellVars.get(c)![part] : undefined;
        };
        const [alle, udsatte, oevrige, anbragte, forebyggende] = ["alle", "udsatte", "oevrige", "anbragte", "forebyggende"].map(v);
        if (alle !== undefined && udsatte !== undefined && oevrige !== undefined)
          eq([
            [alle, 1],
            [udsatte, -1],
            [oevrige, -1],
          ]);
        if (udsatte !== undefined && anbragte !== undefined)
          atLeast([
            [udsatte, 1],
            [anbragte, -1],
          ]);
        if (udsatte !== undefined && forebyggende !== undefined)
          atLeast([
            [udsatte, 1],
            [forebyggende, -1],
          ]);
        if (udsatte !== undefined && anbragte !== undefined && forebyggende !== undefined) {
          atLeast([
            [anbragte, 1],
            [forebyggende, 1],
            [udsatte, -1],
          ]);
          if (udsatteIsSum)
            eq([
              [udsatte, 1],
              [anbragte, -1],
              [forebyggende, -1],
            ]);
        }
        // every group is part of alle
        if (alle !== undefined)
          for (const x of [udsatte, oevrige, anbragte, forebyggende])
            if (x !== undefined)
              atLeast([
                [alle, 1],
                [x, -1],
              ]);
      }
      for (const c of g.values()) {
        const { d, t: n } = cellVars.get(c)!;
        atLeast([
          [d, 1],
          [n, -1],
        ]);
      }
    }

    // region and nation sums, shown unless they are themselves withheld
    type Sum = { cells: FamilyCell[]; numerator: number; denominator: number };
    const groups = new Map<string, { region: Map<string, Sum>; all: Sum }>();
    const addTo = (sum: Sum, c: FamilyCell) => {
      sum.cells.push(c);
      sum.numerator += c.numerator!;
      sum.denominator += c.denominator!;
    };
    const empty = (): Sum => ({ cells: [], numerator: 0, denominator: 0 });
    for (const c of t.cells) {
      if (!present(c)) continue;
      let g = groups.get(c.targetGroup);
      if (!g) groups.set(c.targetGroup, (g = { region: new Map(), all: empty() }));
      addTo(g.all, c);
      const r = regionOf.get(c.municipalityCode);
      if (r === undefined) continue;
      let sum = g.region.get(r);
      if (!sum) g.region.set(r, (sum = empty()));
      addTo(sum, c);
    }
    const shown = (sum: Sum) =>
      ownWithholding("rate", { numerator: sum.numerator, denominator: sum.denominator, value: null }, cfg) === null;
    const equal = (sum: Sum) => {
      eq(
        sum.cells.map((c) => [cellVars.get(c)!.t, 1] as LinearTerm),
        sum.numerator,
      );
      eq(
        sum.cells.map((c) => [cellVars.get(c)!.d, 1] as LinearTerm),
        sum.denominator,
      );
    };
    for (const g of groups.values()) {
      let allRegionsShown = true;
      for (const sum of g.region.values()) {
        if (shown(sum)) equal(sum);
        else allRegionsShown = false;
      }
      // Σ regions = nation adds nothing when every region is shown (and would join all regions into one LP)
      if ((!allRegionsShown || g.region.size === 0) && shown(g.all)) equal(g.all);
    }
  }

  return { vars, constraints, cellVars, targets: [] as Target[] };
}

type AttackerModel = ReturnType<typeof attackerModel>;

/** What the attacker sees under the cells' current pattern, and the withheld quantities to audit. */
function refresh(model: AttackerModel, input: FamilyInput): AttackerModel {
  const { vars, cellVars } = model;
  const { tables, cfg } = input;
  for (const v of vars) v.known = v.cells.some((c) => !c.withheld);
  const targets: Target[] = [];
  // a denominator hidden everywhere must not be worked out; when it is itself small, not narrowed below k
  const dWidth = new Map<number, { width: number; table: string; cell: FamilyCell }>();
  for (const t of tables)
    for (const c of t.cells) {
      if (!present(c) || !c.withheld) continue;
      const { d, t: n } = cellVars.get(c)!;
      const own = c.withheld !== "secondary";
      // a zero may be shown, so a withheld zero the sums pin at zero is no disclosure
      if (!vars[d].known && (own || c.denominator! > 0)) {
        const width = own && c.denominator! < cfg.k ? cfg.k : 1;
        if ((dWidth.get(d)?.width ?? 0) < width) dWidth.set(d, { width, table: t.indicatorCode, cell: c });
      }
      // a complement need not be wide, but it must not be worked out exactly either
      if (own || c.numerator! > 0)
        targets.push({ table: t.indicatorCode, cell: c, quantity: "numerator", terms: [[n, 1]], minWidth: own ? cfg.k : 1 });
      // with the denominator shown, the complement's interval is the numerator's
      if (own && !vars[d].known)
        targets.push({
          table: t.indicatorCode,
          cell: c,
          quantity: "complement",
          terms: [
            [d, 1],
            [n, -1],
          ],
          minWidth: cfg.k,
        });
    }
  for (const [d, { width, table, cell }] of dWidth)
    targets.push({ table, cell, quantity: "denominator", terms: [[d, 1]], minWidth: width });
  return { ...model, targets };
}

/** Audits one family and period as it stands (no changes). `exact`: solve every interval (reports). */
export function auditFamily(input: FamilyInput, solver: LpSolver, exact = false): AuditedCell[] {
  return audit(refresh(attackerModel(input), input), input.cfg, solver, exact);
}

function audit(model: AttackerModel, cfg: DisclosureConfig, solver: LpSolver, exact = false, only?: boolean[]): AuditedCell[] {
  const { vars, constraints, targets } = model;
  const intervals = auditIntervals(
    {
      values: vars.map((v) => v.value),
      known: vars.map((v) => v.known),
      constraints,
      targets: targets.map((t) => t.terms),
      minWidths: targets.map((t) => t.minWidth),
      only,
    },
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
      // the same tolerance as the audit's: solutions seen are floating-point vertices
      passes: (only !== undefined && !only[i]) || width >= t.minWidth - 1e-6,
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
  const structure = attackerModel(input);
  const passed = new Set<string>();
  const rowsOfVar: number[][] = structure.vars.map(() => []);
  structure.constraints.forEach((c, r) => c.terms.forEach(([v]) => rowsOfVar[v].push(r)));
  for (;;) {
    rounds++;
    const model = refresh(structure, input);
    const { vars, constraints, targets } = model;
    // withholding more only takes knowledge away, so an interval wide enough once stays so:
    // later rounds audit only what failed or is new
    const ids = targets.map(targetId);
    const only = rounds === 1 ? undefined : ids.map((id) => !passed.has(id));
    const audited = audit(model, input.cfg, solver, false, only);
    audited.forEach((a, i) => {
      if (a.passes && (!only || only[i])) passed.add(ids[i]);
    });
    const failing = targets.map((t, i) => ({ target: t, interval: audited[i].interval })).filter((_, i) => !audited[i].passes);
    const chosen = new Set<number>();
    for (const { target, interval } of failing) {
      const id = targetId(target);
      if (stuck.has(id)) continue;
      const wantKind = target.quantity === "denominator" ? "d" : "t";
      // the known members of the relations that hold the interval narrow (the LP's binding rows)
      let best = -1;
      let ring = interval.binding ?? [];
      const visited = new Set(ring);
      // when the binding relations hold no shown figure, the relations around their members do
      for (let depth = 0; best < 0 && ring.length > 0 && depth < 3; depth++) {
        const next: number[] = [];
        for (const r of ring) {
          for (const [v] of constraints[r].terms) {
            const x = vars[v];
            if (!x.known) {
              for (const r2 of rowsOfVar[v])
                if (!visited.has(r2)) {
                  visited.add(r2);
                  next.push(r2);
                }
              continue;
            }
            if (chosen.has(v)) continue;
            if (best < 0 || rank(x, vars[best], wantKind) < 0) best = v;
          }
        }
        ring = next;
      }
      if (best < 0) {
        stuck.add(id);
        continue;
      }
      chosen.add(best);
    }
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

const targetId = (t: Target) => `${t.table}|${t.cell.municipalityCode}|${t.cell.targetGroup}|${t.quantity}|${t.minWidth}`;

/** Complement order: the kind the target needs, non-zero before zero, then fewest children, then key. */
function rank(a: Variable, b: Variable, kind: "d" | "t"): number {
  if ((a.kind === kind) !== (b.kind === kind)) return a.kind === kind ? -1 : 1;
  if ((a.value === 0) !== (b.value === 0)) return a.value === 0 ? 1 : -1;
  if (a.value !== b.value) return a.value - b.value;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
