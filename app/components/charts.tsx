/**
 * The indicator and target charts as plain SVG drawn on the server, like the comparison and
 * report pictures: they print, work without JavaScript and add nothing to the bundle (recharts
 * was 116 KB gzip on its own, ADR 0016). After hydration they answer the mouse and the keyboard:
 * Tab enters the chart, the arrow keys step from category to category, and the values there are
 * shown beside the chart and read out politely. Missing or withheld values are gaps, never zeros;
 * the exact figures are in the table beside every chart.
 */
import type { Formatter } from "~/domain/format";
import { useId, type ReactNode } from "react";
import type { Unit } from "~/domain/catalogue";
import { linePath, valueAxis } from "~/domain/axis";

import { useT, useFormat } from "~/i18n/react";
import { CATEGORY_COLOURS } from "./palette";
import { useArrowKeys } from "./useArrowKeys";

/** The chart's name and one-sentence summary: its SVG <title> and <desc>. */
export type ChartLabel = { title: string; desc: string };

export type SeriesDef = { key: string; label: string; colour: string; dash?: string };

type Row = Record<string, string | number | null>;

const WIDTH = 720;
const MARGIN = { left: 72, right: 16, top: 14, bottom: 30 };

const valueOf = (row: Row, key: string): number | null =>
  typeof row[key] === "number" && Number.isFinite(row[key]) ? (row[key] as number) : null;

/**
 * The frame every chart shares: grid, value axis, category labels, and the category in focus
 * (hover or arrow keys) with its values shown under the chart.
 */
function CartesianChart({
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
  categories: string[];
  values: number[];
  unit: Unit;
  label: ChartLabel;
  height: number;
  fromZero: boolean;
  legend: { label: string; colour: string; dash?: string; kind: "line" | "bar" }[];
  /** The values of category i, for the line under the chart. */
  describe: (i: number) => string;
  children: (scale: { x: (i: number) => number; band: number; y: (v: number) => number; y0: number }) => ReactNode;
}) {
  const f = useFormat();
  const t = useT();
  const id = useId();
  const { active, setActive, onKeyDown } = useArrowKeys(categories.length);
  const axis = valueAxis(values, unit, fromZero);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const band = plotWidth / Math.max(categories.length, 1);
  const x = (i: number) => MARGIN.left + band * (i + 0.5);
  const y = (v: number) => MARGIN.top + (1 - (v - axis.lo) / (axis.hi - axis.lo || 1)) * (height - MARGIN.top - MARGIN.bottom);
  // about twelve labels fit; with more categories (quarters) every k-th is written
  const every = Math.ceil(categories.length / 12);
  return (
    <div className="cartesian-chart">
      <div className="cartesian-chart__scroll">
        <svg
          viewBox={`0 0 ${WIDTH} ${height}`}
          width="100%"
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          tabIndex={0}
          onKeyDown={onKeyDown}
          onBlur={() => setActive(null)}
          onMouseLeave={() => setActive(null)}
          preserveAspectRatio="xMidYMid meet"
        >
          <title id={`${id}-title`}>{label.title}</title>
          <desc id={`${id}-desc`}>{`${label.desc} ${t("indicator.chartKeysHint")}`}</desc>
          {active !== null ? (
            <rect x={x(active) - band / 2} y={MARGIN.top} width={band} height={height - MARGIN.top - MARGIN.bottom} fill="#eef3f8" />
          ) : null}
          {axis.ticks.map((v) => (
            <g key={v}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(v)} y2={y(v)} stroke="#dcdcdc" />
              <text x={MARGIN.left - 8} y={y(v) + 4} textAnchor="end" className="svg-tick">
                {f.value(v, unit)}
              </text>
            </g>
          ))}
          {categories.map((c, i) =>
            i % every === 0 || i === categories.length - 1 ? (
              <text key={c} x={x(i)} y={height - 10} textAnchor="middle" className="svg-tick">
                {c}
              </text>
            ) : null,
          )}
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(Math.max(axis.lo, 0))} y2={y(Math.max(axis.lo, 0))} stroke="#6b6b6b" />
          {children({ x, band, y, y0: y(Math.max(axis.lo, 0)) })}
          {categories.map((c, i) => (
            // the pointer's targets: one column per category
            <rect
              key={`hit-${c}`}
              x={x(i) - band / 2}
              y={0}
              width={band}
              height={height}
              fill="transparent"
              onMouseEnter={() => setActive(i)}
            />
          ))}
        </svg>
      </div>
      <ul className="chart-legend">
        {legend.map((s) => (
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
      <p className="cartesian-chart__values" aria-live="polite">
        {active === null ? "" : `${categories[active]}: ${describe(active)}`}
      </p>
    </div>
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
      categories={rows.map((r) => String(r.period))}
      values={values}
      unit={unit}
      label={label}
      height={300}
      fromZero={false}
      legend={series.map((s) => ({ label: s.label, colour: s.colour, dash: s.dash, kind: "line" }))}
      describe={(i) => valuesLine(f, rows[i], series, unit)}
    >
      {({ x, y }) =>
        // drawn last to first, so the first series (the municipality itself) lies on top, its dots filled
        [...series].reverse().map((s) => {
          const own = s === series[0];
          return (
            <g key={s.key}>
              <path
                d={linePath(
                  rows.map((r) => valueOf(r, s.key)),
                  x,
                  y,
                )}
                fill="none"
                stroke={s.colour}
                strokeWidth={2.5}
                strokeDasharray={s.dash}
              />
              {rows.map((r, i) => {
                const v = valueOf(r, s.key);
                return v === null ? null : (
                  <circle
                    key={i}
                    cx={x(i)}
                    cy={y(v)}
                    r={own ? 4 : 3}
                    fill={own ? s.colour : "#fff"}
                    stroke={own ? "#fff" : s.colour}
                    strokeWidth={own ? 1 : 2}
                  />
                );
              })}
            </g>
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
      categories={rows.map((r) => String(r[categoryKey]))}
      values={values}
      unit={unit}
      label={label}
      height={300}
      fromZero
      legend={series.map((s) => ({ label: s.label, colour: s.colour, kind: "bar" }))}
      describe={(i) => valuesLine(f, rows[i], series, unit)}
    >
      {({ x, band, y, y0 }) => {
        const barWidth = (band * 0.8) / Math.max(series.length, 1);
        return rows.map((r, i) =>
          series.map((s, j) => {
            const v = valueOf(r, s.key);
            if (v === null) return null;
            const top = Math.min(y(v), y0);
            return (
              <rect
                key={`${i}-${s.key}`}
                x={x(i) - band * 0.4 + j * barWidth}
                y={top}
                width={barWidth - 2}
                height={Math.max(Math.abs(y0 - y(v)), 1)}
                fill={s.colour}
              />
            );
          }),
        );
      }}
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
      categories={rows.map((r) => String(r.period))}
      values={totals}
      unit={unit}
      label={label}
      height={340}
      fromZero
      legend={keys.map((k, i) => ({ label: k.label, colour: colour(i), kind: "bar" }))}
      describe={(i) => valuesLine(f, rows[i], keys, unit)}
    >
      {({ x, band, y }) =>
        rows.map((r, i) => {
          let base = 0;
          return keys.map((k, j) => {
            const v = valueOf(r, k.key);
            if (v === null || v <= 0) return null;
            const bottom = base;
            base += v;
            return (
              <rect
                key={`${i}-${k.key}`}
                x={x(i) - band * 0.35}
                y={y(base)}
                width={band * 0.7}
                height={Math.max(y(bottom) - y(base), 0.5)}
                fill={colour(j)}
                stroke="#fff"
                strokeWidth={0.5}
              />
            );
          });
        })
      }
    </CartesianChart>
  );
}
