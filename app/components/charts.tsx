/**
 * The indicator and target charts, drawn with recharts 2 on the server (fixed size, animation off)
 * so a chart is whole in the first HTML, prints and works without JavaScript; the SVG scales by
 * its viewBox, and below its own width it scrolls in its box so its 12 px text stays legible
 * (ADR 33). After hydration the chart answers the mouse and the keyboard: Tab enters it, the
 * arrow keys step from category to category, and the values there are shown under the chart and
 * read out politely. Missing or withheld values are gaps, never zeros; the exact figures are in
 * the table beside every chart.
 */
import type { Formatter } from "~/domain/format";
import { useId, type ReactNode } from "react";
import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, XAxis, YAxis } from "recharts";
import type { Unit } from "~/domain/catalogue";
import { valueAxis } from "~/domain/axis";

import { useT, useFormat, useLocale } from "~/i18n/react";
import { StaticChart } from "./StaticChart";
import { CATEGORY_COLOURS } from "./palette";
import { useArrowKeys } from "./useArrowKeys";

/** The chart's name and one-sentence summary: read out for the chart as a whole. */
export type ChartLabel = { title: string; desc: string };

export type SeriesDef = { key: string; label: string; colour: string; dash?: string };

type Row = Record<string, string | number | null>;

export const CHART_WIDTH = 720;
export const TICK = { fontSize: 12, fill: "#4a4a4a" };
const CATEGORY = "__category";

const valueOf = (row: Row, key: string): number | null =>
  typeof row[key] === "number" && Number.isFinite(row[key]) ? (row[key] as number) : null;

/**
 * The frame every chart shares: grid, value axis, category labels, and the category in focus
 * (hover or arrow keys) with its values shown under the chart. `children` are recharts series.
 */
function CartesianChart({
  rows,
  categories,
  values,
  unit,
  label,
  height,
  fromZero,
  legend,
  describe,
  children,
}: {
  rows: Row[];
  categories: string[];
  values: number[];
  unit: Unit;
  label: ChartLabel;
  height: number;
  fromZero: boolean;
  legend: { label: string; colour: string; dash?: string; kind: "line" | "bar" }[];
  /** The values of category i, for the line under the chart. */
  describe: (i: number) => string;
  children: ReactNode;
}) {
  const f = useFormat();
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const { active, setActive, onKeyDown } = useArrowKeys(categories.length);
  const axis = valueAxis(values, unit, fromZero);
  const ticks = categoryTicks(categories, 12);
  const data = rows.map((r, i) => ({ ...r, [CATEGORY]: categories[i] }));
  return (
    <div className="cartesian-chart">
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions -- the arrow keys of the focusable chart inside (its svg) bubble here */}
      <div className="cartesian-chart__scroll" onKeyDown={onKeyDown} onBlur={() => setActive(null)}>
        <span id={`${id}-title`} className="visually-hidden">
          {label.title}
        </span>
        <span id={`${id}-desc`} className="visually-hidden">{`${label.desc} ${t("indicator.chartKeysHint")}`}</span>
        <StaticChart
          drawsFrom={["cartesian", id, locale, unit, height, fromZero, categories, rows, legend]}
          chart={() => (
            <ComposedChart
              width={CHART_WIDTH}
              height={height}
              data={data}
              margin={{ top: 14, right: 16, bottom: 4, left: 0 }}
              role="img"
              tabIndex={0}
              aria-labelledby={`${id}-title`}
              aria-describedby={`${id}-desc`}
              onMouseMove={(state) => {
                if (typeof state?.activeTooltipIndex === "number") setActive(state.activeTooltipIndex);
              }}
              onMouseLeave={() => setActive(null)}
            >
              <CartesianGrid vertical={false} stroke="#dcdcdc" />
              <XAxis
                dataKey={CATEGORY}
                ticks={ticks}
                interval={0}
                tick={TICK}
                tickLine={false}
                axisLine={{ stroke: "#6b6b6b" }}
                // lines start and end inside the frame, so the first and last labels are whole
                padding={legend.every((s) => s.kind === "line") ? { left: 24, right: 24 } : undefined}
              />
              <YAxis
                type="number"
                domain={[axis.lo, axis.hi]}
                ticks={axis.ticks}
                interval={0}
                allowDataOverflow
                width={72}
                tick={TICK}
                tickLine={false}
                axisLine={false}
                tickFormatter={(v: number) => f.value(v, unit)}
              />
              {active !== null ? <ReferenceLine x={categories[active]} stroke="#0b5fa5" strokeWidth={2} strokeDasharray="4 3" /> : null}
              {children}
            </ComposedChart>
          )}
        />
      </div>
      <ChartLegend items={legend} />
      <p className="cartesian-chart__values" aria-live="polite">
        {active === null ? "" : `${categories[active]}: ${describe(active)}`}
      </p>
    </div>
  );
}

/** The category labels written under a chart: every k-th so that about `fit` fit, and the last. */
export function categoryTicks(categories: string[], fit: number): string[] {
  const every = Math.ceil(categories.length / fit);
  return categories.filter((_, i) => i % every === 0 || i === categories.length - 1);
}

/** A chart's key: each series' line (with its dash) or bar colour, and its name. */
export function ChartLegend({ items }: { items: { label: string; colour: string; dash?: string; kind: "line" | "bar" }[] }) {
  return (
    <ul className="chart-legend">
      {items.map((s) => (
        <li key={s.label}>
          <svg width="28" height="12" aria-hidden="true">
            {s.kind === "line" ? (
              <line x1="0" x2="28" y1="6" y2="6" stroke={s.colour} strokeWidth="2.5" strokeDasharray={s.dash} />
            ) : (
              <rect x="7" y="0" width="14" height="12" fill={s.colour} />
            )}
          </svg>{" "}
          {s.label}
        </li>
      ))}
    </ul>
  );
}

function valuesLine(f: Formatter, row: Row, series: { key: string; label: string }[], unit: Unit) {
  return series.map((s) => `${s.label} ${f.valuePrecise(valueOf(row, s.key), unit)}`).join(" · ");
}

/** Lines over periods; a missing value breaks the line. */
export function LineTrendChart({ rows, series, unit, label }: { rows: Row[]; series: SeriesDef[]; unit: Unit; label: ChartLabel }) {
  const f = useFormat();
  const values = rows.flatMap((r) => series.map((s) => valueOf(r, s.key))).filter((v): v is number => v !== null);
  return (
    <CartesianChart
      rows={rows}
      categories={rows.map((r) => String(r.period))}
      values={values}
      unit={unit}
      label={label}
      height={300}
      fromZero={false}
      legend={series.map((s) => ({ label: s.label, colour: s.colour, dash: s.dash, kind: "line" }))}
      describe={(i) => valuesLine(f, rows[i], series, unit)}
    >
      {
        // drawn last to first, so the first series (the municipality itself) lies on top, its dots filled
        [...series].reverse().map((s) => {
          const own = s === series[0];
          return (
            <Line
              key={s.key}
              dataKey={s.key}
              type="linear"
              stroke={s.colour}
              strokeWidth={2.5}
              strokeDasharray={s.dash}
              dot={
                own ? { r: 4, fill: s.colour, stroke: "#fff", strokeWidth: 1 } : { r: 3, fill: "#fff", stroke: s.colour, strokeWidth: 2 }
              }
              activeDot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          );
        })
      }
    </CartesianChart>
  );
}

/** Bars side by side for each category (e.g. target groups), one per series. */
export function GroupedBarChart({
  rows,
  series,
  unit,
  categoryKey,
  label,
}: {
  rows: Row[];
  series: SeriesDef[];
  unit: Unit;
  categoryKey: string;
  label: ChartLabel;
}) {
  const f = useFormat();
  const values = rows.flatMap((r) => series.map((s) => valueOf(r, s.key))).filter((v): v is number => v !== null);
  return (
    <CartesianChart
      rows={rows}
      categories={rows.map((r) => String(r[categoryKey]))}
      values={values}
      unit={unit}
      label={label}
      height={300}
      fromZero
      legend={series.map((s) => ({ label: s.label, colour: s.colour, kind: "bar" }))}
      describe={(i) => valuesLine(f, rows[i], series, unit)}
    >
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} fill={s.colour} isAnimationActive={false} />
      ))}
    </CartesianChart>
  );
}

/** Stacked bars over periods (e.g. placements by site); a withheld part is left out of its stack. */
export function StackedBarChart({
  rows,
  keys,
  unit,
  label,
}: {
  rows: Row[];
  keys: { key: string; label: string }[];
  unit: Unit;
  label: ChartLabel;
}) {
  const f = useFormat();
  const totals = rows.map((r) => keys.reduce((sum, k) => sum + Math.max(valueOf(r, k.key) ?? 0, 0), 0));
  const colour = (i: number) => CATEGORY_COLOURS[i % CATEGORY_COLOURS.length];
  return (
    <CartesianChart
      rows={rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "number" && v <= 0 ? null : v])))}
      categories={rows.map((r) => String(r.period))}
      values={totals}
      unit={unit}
      label={label}
      height={340}
      fromZero
      legend={keys.map((k, i) => ({ label: k.label, colour: colour(i), kind: "bar" }))}
      describe={(i) => valuesLine(f, rows[i], keys, unit)}
    >
      {keys.map((k, j) => (
        <Bar key={k.key} dataKey={k.key} stackId="stack" fill={colour(j)} stroke="#fff" strokeWidth={0.5} isAnimationActive={false} />
      ))}
    </CartesianChart>
  );
}
