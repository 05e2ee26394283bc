/**
 * National figures of generated observations, and a check against the calibration targets.
 * Run directly (`npx tsx seeds/report.ts [--seed N]`) it prints the calibration table.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findIndicatorDef, measureOf, type Measure } from "../app/domain/catalogue";
import { CALIBRATION_TARGETS, DEMO_SEED, generateDemoObservations, type CalibrationTarget, type ObservationSeed } from "./generator";
import { readMunicipalities } from "./municipalities";
import { combine, valueOf, type RawFigures } from "../app/domain/figures";

export type NationalFigure = {
  indicatorCode: string;
  period: string;
  targetGroup: string;
  breakdown: string;
  /** rate: Σ numerators; count: Σ counts; mean: null. */
  numerator: number | null;
  /** rate: Σ denominators; mean: Σ children covered; count: null. */
  denominator: number | null;
  /** rate: percent (100 × Σt/Σn); count: Σ; mean: denominator-weighted mean. */
  value: number | null;
};

function measureFor(row: ObservationSeed): Measure {
  const def = findIndicatorDef(row.indicatorCode);
  if (def) return measureOf(def.unit);
  return row.value !== null ? "mean" : row.denominator === null ? "count" : "rate";
}

/** Aggregates over municipalities per indicator × period × group × breakdown, in first-seen order. */
export function nationalFigures(rows: Iterable<ObservationSeed>): NationalFigure[] {
  type Group = { key: Omit<NationalFigure, "numerator" | "denominator" | "value">; measure: Measure; parts: RawFigures[] };
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const k = `${r.indicatorCode}\u0000${r.period}\u0000${r.targetGroup}\u0000${r.breakdown}`;
    let g = groups.get(k);
    if (!g) {
      g = {
        key: { indicatorCode: r.indicatorCode, period: r.period, targetGroup: r.targetGroup, breakdown: r.breakdown },
        measure: measureFor(r),
        parts: [],
      };
      groups.set(k, g);
    }
    g.parts.push(r);
  }
  // the same aggregation the product uses for regions and the nation
  return [...groups.values()].map(({ key, measure, parts }) => {
    const whole = combine(measure, parts);
    return { ...key, numerator: whole.numerator, denominator: whole.denominator, value: valueOf(measure, whole) };
  });
}

export type TargetCheck = { target: CalibrationTarget; actual: number | null; n: number | null; ok: boolean };

export function checkTargets(
  figures: readonly NationalFigure[],
  targets: readonly CalibrationTarget[] = CALIBRATION_TARGETS,
): TargetCheck[] {
  const byKey = new Map(figures.map((f) => [`${f.indicatorCode}|${f.period}|${f.targetGroup}|${f.breakdown}`, f]));
  const find = (t: CalibrationTarget, breakdown: string) => byKey.get(`${t.indicatorCode}|${t.period}|${t.targetGroup}|${breakdown}`);
  return targets.map((target) => {
    let actual: number | null = null;
    let n: number | null = null;
    if (target.statistic === "share") {
      const total = find(target, "")?.numerator ?? null;
      const parts = target.breakdown.split("+").map((b) => find(target, b)?.numerator ?? null);
      if (total !== null && total > 0 && parts.every((p) => p !== null)) {
        actual = (100 * parts.reduce<number>((s, p) => s + (p ?? 0), 0)) / total;
        n = total;
      }
    } else {
      const f = find(target, target.breakdown);
      if (f) {
        n = f.denominator ?? f.numerator;
        actual = target.statistic === "n" ? f.denominator : f.value;
      }
    }
    const allowed = target.relative ? target.tolerance * target.expected : target.tolerance;
    const ok = actual !== null && Math.abs(actual - target.expected) <= allowed + 1e-9;
    return { target, actual, n, ok };
  });
}

function formatNumber(x: number | null, decimals: number): string {
  return x === null ? "–" : x.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function formatTargetTable(checks: readonly TargetCheck[]): string {
  const header = ["indicator", "period", "group", "statistic", "reference", "generated", "national n", "tolerance", "check", "source"];
  const lines = checks.map(({ target: t, actual, n, ok }) => {
    const decimals =
      t.statistic === "n" || (Number.isInteger(t.expected) && Math.abs(t.expected) >= 1000)
        ? 0
        : t.indicatorCode === "fp9-karakter"
          ? 2
          : 1;
    const stat = t.statistic === "share" ? `share ${t.breakdown}` : t.statistic === "n" ? "n" : "value";
    return [
      t.indicatorCode,
      t.period,
      t.targetGroup,
      stat,
      formatNumber(t.expected, decimals),
      formatNumber(actual, decimals),
      formatNumber(n, 0),
      t.relative ? `±${t.tolerance * 100}%` : `±${t.tolerance}`,
      ok ? "ok" : "FAIL",
      t.source,
    ];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
  const right = new Set([4, 5, 6, 7]);
  const last = header.length - 1;
  const fmt = (cols: string[]) =>
    cols.map((s, c) => (right.has(c) ? s.padStart(widths[c]!) : c === last ? s : s.padEnd(widths[c]!))).join("  ");
  return [fmt(header), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(fmt)].join("\n");
}

function main(argv: readonly string[]): number {
  const i = argv.indexOf("--seed");
  const seed = i >= 0 ? Number(argv[i + 1]) : DEMO_SEED;
  const munis = readMunicipalities();
  const started = performance.now();
  const rows = generateDemoObservations(munis, { seed });
  const ms = performance.now() - started;
  const checks = checkTargets(nationalFigures(rows));
  console.log(formatTargetTable(checks));
  const failed = checks.filter((c) => !c.ok).length;
  console.log(`\nseed ${seed}: ${rows.length.toLocaleString("en-US")} rows for ${munis.length} municipalities in ${ms.toFixed(0)} ms`);
  console.log(failed === 0 ? `all ${checks.length} targets ok` : `${failed} of ${checks.length} targets FAIL`);
  return failed === 0 ? 0 : 1;
}

const entry = process.argv[1];
if (entry !== undefined && path.resolve(entry) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
