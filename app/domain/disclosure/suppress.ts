/**
 * Primary and secondary (complementary) suppression for one table: one indicator and period,
 * all scopes, target groups and breakdowns, with the relations that add up between them.
 *
 * 1. Primary: every cell the rules in rules.ts withhold.
 * 2. Cheap loop: while some equation has exactly one unknown member, withhold its smallest
 *    eligible other member (fewest children; zero counts last, see below; ties by id).
 * 3. Exact guard (verify.ts): if several equations together still pin a withheld cell, withhold
 *    the smallest eligible shown cell in the combination of equations that pins it, then go
 *    back to 2. Repeat until nothing withheld is determined.
 *
 * Eligible complements: cells with a figure that are not `protected` (cells without a figure are
 * known constants, see verify.ts). A withheld cell that stays determined even if every eligible
 * cell were withheld (e.g. a small region when the nation and all other regions are protected)
 * cannot be protected; it stays withheld and is reported in `exposed` by suppressDetailed.
 *
 * Zero counts are chosen as complements only when nothing else is eligible: beside a withheld 0
 * the revealed sum equals the small cell itself (a guess of the common 0 gives it away), and two
 * withheld zeros in one sum are pinned by non-negativity, re-exposing the cell they should hide.
 *
 * Relations referencing ids that are not in `cells` are kept, with the missing ids treated like
 * cells without data: known to add nothing (see verify.ts). That matches aggregates computed from
 * the rows present and errs towards withholding otherwise.
 * Everything runs on a canonical (sorted) model, so the result does not depend on input order.
 */
import type { Measure } from "../catalogue";
import { DEFAULT_DISCLOSURE, assertDisclosureConfig, ownWithholding, type DisclosureConfig } from "./rules";
import { analyse, buildModel, type Model, type ModelCache } from "./verify";

export type DisclosureCell = {
  id: string;
  measure: Measure;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** Aggregates (region, nation) that are always shown: never chosen as complements. */
  protected?: boolean;
  /**
   * Withheld because a linked cell of another indicator is (e.g. a grade average whose n is the
   * numerator of a withheld exam-participation rate); its own sums are then protected like any
   * other withheld cell.
   */
  linked?: boolean;
  /**
   * The rate's outcome is published as counts elsewhere (the family-care share from the placement
   * sites), so withholding a 0 % or 100 % would hide nothing: the attribute rule does not apply.
   */
  outcomeShown?: boolean;
};

/** total = Σ parts, for every additive quantity of the cells' measure. */
export type Relation = { total: string; parts: string[] };

/** primary: too few children; attribute: a 0 % or 100 % of a small group (ADR 0029); secondary: hides another cell. */
export type Withholding = "primary" | "attribute" | "secondary";

export type SuppressionResult = {
  /** Only withheld ids appear. */
  withheld: Map<string, Withholding>;
  /** Withheld ids that remain recoverable because every cell that could hide them is protected. */
  exposed: string[];
};

/**
 * When `id` is withheld, the cells in `with` (those with a figure) are withheld too. Used for the
 * union udsatte = anbragte ∪ forebyggende of one scope and breakdown, which ties the three by
 * bounds (max(a, f) ≤ u ≤ a + f), not by a sum the linear check could see:
 * - a withheld anbragte takes forebyggende with it (and the reverse): a shown udsatte and
 *   forebyggende would bound it from below by their difference, u − f = a − overlap;
 * - a withheld udsatte takes both with it: between max(a, f) and a + f it would be pinned to
 *   within the smaller of the two (exactly, when one is 0).
 * Udsatte stays shown beside a withheld pair: a ≤ u, f ≤ u and a + f ≥ u then bound neither.
 */
export type Cohort = { id: string; with: readonly string[] };

export function suppress(
  cells: DisclosureCell[],
  relations: Relation[],
  cfg: DisclosureConfig = DEFAULT_DISCLOSURE,
  cohorts: readonly Cohort[] = [],
): Map<string, Withholding> {
  return suppressDetailed(cells, relations, cfg, undefined, cohorts).withheld;
}

export function suppressDetailed(
  cells: readonly DisclosureCell[],
  relations: readonly Relation[],
  cfg: DisclosureConfig = DEFAULT_DISCLOSURE,
  cache?: ModelCache,
  cohorts: readonly Cohort[] = [],
): SuppressionResult {
  assertDisclosureConfig(cfg);
  const model = buildModel(cells, relations, cache);
  const n = model.ids.length;
  const reason: (Withholding | undefined)[] = new Array(n);
  // withheld = unknown to the public; a flag array for the hot loops, `reason` says why
  const unknown: boolean[] = new Array(n).fill(false);
  const stuck = new Set<number>();

  for (let c = 0; c < n; c++) {
    const cell = model.cells[c];
    let own = cell ? ownWithholding(cell.measure, cell, cfg) : null;
    if (own === "attribute" && cell?.outcomeShown) own = null;
    if (own) {
      reason[c] = own;
      unknown[c] = true;
    } else if (cell?.linked && model.kind[c] === "data") {
      reason[c] = "secondary";
      unknown[c] = true;
    }
  }

  const eligible = (c: number): boolean => model.kind[c] === "data" && !model.cells[c]!.protected && !unknown[c];
  const better = (a: number, b: number): boolean => rankBefore(model, a, b);

  const partners: number[][] = [];
  for (const cohort of cohorts) {
    const c = model.index.get(cohort.id);
    if (c === undefined) continue;
    for (const id of cohort.with) {
      const o = model.index.get(id);
      if (o !== undefined && o !== c) (partners[c] ??= []).push(o);
    }
  }
  // before the equations count their unknowns: a withheld cell's cohort is withheld with it
  const spread = (from: number[]) => {
    for (let c = from.pop(); c !== undefined; c = from.pop())
      for (const o of partners[c] ?? [])
        if (eligible(o)) {
          reason[o] = "secondary";
          unknown[o] = true;
          from.push(o);
        }
  };
  spread(unknown.flatMap((u, c) => (u ? [c] : [])));

  const unknownCount = model.eqs.map((eq) => eq.cols.reduce((s, c) => s + (unknown[c] ? 1 : 0), 0));
  // smallest equations first: a complement chosen in a group or site sum, or in a region, usually
  // also covers the nation-wide sum, whereas the reverse order picks far-away complements
  const queue = new EquationQueue(model.eqs.map((eq) => eq.cols.length));
  const withhold = (c: number) => {
    reason[c] = "secondary";
    unknown[c] = true;
    for (const e of model.eqsOf[c]) if (++unknownCount[e] === 1) queue.push(e);
    for (const o of partners[c] ?? []) if (eligible(o)) withhold(o);
  };

  const cheapLoop = () => {
    for (let e = queue.pop(); e >= 0; e = queue.pop()) {
      if (unknownCount[e] !== 1) continue;
      const cols = model.eqs[e].cols;
      const u = cols.find((c) => unknown[c])!;
      if (stuck.has(u)) continue;
      let best = -1;
      for (const c of cols) if (eligible(c) && (best < 0 || better(c, best))) best = c;
      if (best < 0) stuck.add(u);
      else withhold(best);
    }
  };

  model.eqs.forEach((_, e) => queue.push(e));
  for (;;) {
    cheapLoop();
    const { determined, witnesses } = analyse(model, unknown, { except: stuck });
    const added: number[] = [];
    for (const x of determined) {
      if (stuck.has(x)) continue;
      const shown = witnesses.get(x)!;
      // a cell withheld this round (added, or in an added cell's cohort) already breaks this
      // combination; later rounds re-check
      if (shown.some((c) => unknown[c])) continue;
      let best = -1;
      for (const c of shown) if (eligible(c) && (best < 0 || better(c, best))) best = c;
      if (best < 0) {
        // the combination uses only protected or empty cells: no withholding can break it
        stuck.add(x);
        continue;
      }
      withhold(best);
      added.push(best);
    }
    if (added.length === 0) break;
  }

  const withheld = new Map<string, Withholding>();
  reason.forEach((r, c) => {
    if (r !== undefined) withheld.set(model.ids[c], r);
  });
  const exposed = [...stuck].sort((a, b) => a - b).map((c) => model.ids[c]);
  return { withheld, exposed };
}

/** Min-heap of equation indices by (size, index); an index is held at most once. */
class EquationQueue {
  private heap: number[] = [];
  private queued: boolean[];
  constructor(private readonly size: readonly number[]) {
    this.queued = size.map(() => false);
  }
  private less(a: number, b: number): boolean {
    return this.size[a] !== this.size[b] ? this.size[a] < this.size[b] : a < b;
  }
  push(e: number): void {
    if (this.queued[e]) return;
    this.queued[e] = true;
    const h = this.heap;
    h.push(e);
    for (let i = h.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }
  /** The next equation, or −1 when empty. */
  pop(): number {
    const h = this.heap;
    if (h.length === 0) return -1;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    this.queued[top] = false;
    return top;
  }
}

/** Complement order: non-zero before zero, then fewest children, then id (column order). */
function rankBefore(model: Model, a: number, b: number): boolean {
  const za = model.size[a] === 0;
  const zb = model.size[b] === 0;
  if (za !== zb) return zb;
  if (model.size[a] !== model.size[b]) return model.size[a] < model.size[b];
  return a < b;
}

// ---------------------------------------------------------------------------------------------
// The standard relations of one (indicator, period) table

export type TableCellKey = {
  scope: "municipality" | "region" | "nation";
  /** Municipality code, region code, or "" for the nation. */
  code: string;
  targetGroup: string;
  /** "" = the total. */
  breakdown: string;
};

export function cellId(k: TableCellKey): string {
  return `${k.scope}/${k.code}/${k.targetGroup}/${k.breakdown}`;
}

/**
 * Group identities; used only when all three groups are in the table. udsatte is the union of
 * anbragte and forebyggende (a child can have both), not their sum: see unionCohorts.
 */
const GROUP_SUMS: readonly { total: string; parts: readonly string[] }[] = [{ total: "alle", parts: ["udsatte", "oevrige"] }];

/** The groups bound by the union: udsatte = anbragte ∪ forebyggende. */
const UNION_GROUPS = ["anbragte", "forebyggende", "udsatte"] as const;

/**
 * The union's cohorts of one (indicator, period) table, per municipality and breakdown (regions
 * and the nation are always shown, so they need none): see Cohort.
 */
export function unionCohorts(input: {
  municipalities: readonly { code: string }[];
  targetGroups: readonly string[];
  breakdowns: readonly string[];
}): Cohort[] {
  if (!UNION_GROUPS.every((g) => input.targetGroups.includes(g))) return [];
  const breakdowns = ["", ...input.breakdowns.filter((b) => b !== "")];
  return input.municipalities.flatMap((m) =>
    breakdowns.flatMap((breakdown) => {
      const [a, f, u] = UNION_GROUPS.map((targetGroup) => cellId({ scope: "municipality", code: m.code, targetGroup, breakdown }));
      return [
        { id: a, with: [f] },
        { id: f, with: [a] },
        { id: u, with: [a, f] },
      ];
    }),
  );
}

/**
 * The sums of one (indicator, period) table, over cell ids from cellId(): in every scope
 * alle = udsatte + oevrige (when those groups are in the table) and total "" = Σ breakdowns;
 * per group and breakdown, region = Σ its municipalities, nation = Σ regions and nation = Σ
 * municipalities.
 */
export function standardRelations(input: {
  municipalities: readonly { code: string; regionCode: string }[];
  targetGroups: readonly string[];
  /** Breakdown values without "" (the total). */
  breakdowns: readonly string[];
}): Relation[] {
  const { municipalities, targetGroups } = input;
  const breakdowns = input.breakdowns.filter((b) => b !== "");
  const allBreakdowns = ["", ...breakdowns];
  const regions = [...new Set(municipalities.map((m) => m.regionCode))].sort();
  const scopes: Pick<TableCellKey, "scope" | "code">[] = [
    ...municipalities.map((m) => ({ scope: "municipality" as const, code: m.code })),
    ...regions.map((code) => ({ scope: "region" as const, code })),
    { scope: "nation", code: "" },
  ];
  const id = (s: Pick<TableCellKey, "scope" | "code">, targetGroup: string, breakdown: string) => cellId({ ...s, targetGroup, breakdown });
  const out: Relation[] = [];

  for (const s of scopes) {
    for (const g of GROUP_SUMS) {
      if (![g.total, ...g.parts].every((x) => targetGroups.includes(x))) continue;
      for (const b of allBreakdowns) out.push({ total: id(s, g.total, b), parts: g.parts.map((p) => id(s, p, b)) });
    }
    if (breakdowns.length > 0) {
      for (const t of targetGroups) out.push({ total: id(s, t, ""), parts: breakdowns.map((b) => id(s, t, b)) });
    }
  }

  const nation = { scope: "nation" as const, code: "" };
  for (const t of targetGroups) {
    for (const b of allBreakdowns) {
      for (const r of regions) {
        const members = municipalities.filter((m) => m.regionCode === r);
        out.push({
          total: id({ scope: "region", code: r }, t, b),
          parts: members.map((m) => id({ scope: "municipality", code: m.code }, t, b)),
        });
      }
      if (regions.length > 0) {
        out.push({ total: id(nation, t, b), parts: regions.map((r) => id({ scope: "region", code: r }, t, b)) });
        out.push({ total: id(nation, t, b), parts: municipalities.map((m) => id({ scope: "municipality", code: m.code }, t, b)) });
      }
    }
  }
  return out;
}
