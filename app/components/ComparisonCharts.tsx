/**
 * The comparison page's pictures as SVG drawn on the server: they print, work without
 * JavaScript and weigh nothing in the bundle. Points are reachable with one Tab stop and the
 * arrow keys (a roving focus), and show their label on hover or focus. The scatter plot has its
 * data table beside it; the bars and the map link to the page's main table, which has their figures.
 */
import type { ReactNode } from "react";
import type { Band } from "~/domain/comparison";
import type { Unit } from "~/domain/catalogue";
import { valueAxis } from "~/domain/axis";

import { useFormat } from "~/i18n/react";
import { BAND_COLOURS, CHART_INK, SERIES_COLOURS } from "./palette";
import { useArrowKeys } from "./useArrowKeys";

export type PlotPoint = { id: string; cx: number; cy: number; r: number; fill: string; label: string; focus?: boolean };

/** A coordinate to a tenth of a unit: finer than a pixel at any size the figures are drawn, and a sixth of the digits in the HTML. */
export const px = (v: number) => Math.round(v * 10) / 10;

/** Points with a roving focus: Tab enters the plot, arrow keys step through points in `order`. */
export function PointPlot({
  width,
  height,
  points,
  label,
  children,
  keysHint,
}: {
  width: number;
  height: number;
  points: PlotPoint[];
  label: string;
  children?: ReactNode;
  keysHint: string;
}) {
  const { active, setActive, onKeyDown } = useArrowKeys(points.length);
  const current = active === null ? null : points[active];
  return (
    <div className="point-plot">
      <svg
        viewBox={`0 0 ${px(width)} ${px(height)}`}
        width="100%"
        style={{ minWidth: `${Math.round(width)}px` }}
        role="img"
        aria-label={`${label} ${keysHint}`}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onBlur={() => setActive(null)}
        preserveAspectRatio="xMidYMid meet"
      >
        {children}
        {/* Opacity and outline come from the style sheet (.point-plot > svg > circle): they are the same for
            every point. A point has no tooltip of its own: the figures are in a table beside the plot,
            and after hydration the label of the point under the mouse or in focus is shown below it. */}
        {points.map((p, i) => (
          <circle
            key={p.id}
            cx={px(p.cx)}
            cy={px(p.cy)}
            r={px(p.r)}
            fill={p.fill}
            className={p.focus ? "is-focus" : undefined}
            onMouseEnter={() => setActive(i)}
            onMouseLeave={() => setActive(null)}
          />
        ))}
        {points
          .filter((p) => p.focus)
          .map((p) => (
            <text key={`focus-${p.id}`} x={px(p.cx + p.r + 4)} y={px(p.cy - p.r - 2)} className="point-plot__focus-label">
              {p.label.split(":")[0]}
            </text>
          ))}
        {current ? (
          <g pointerEvents="none">
            <circle cx={px(current.cx)} cy={px(current.cy)} r={px(current.r + 4)} fill="none" stroke="#000" strokeWidth={2} />
          </g>
        ) : null}
      </svg>
      {/* the label of the point in focus, read out politely as the arrow keys move */}
      <p className="point-plot__label" aria-live="polite">
        {current?.label ?? ""}
      </p>
    </div>
  );
}

export function bandColour(band: Band | null, withheld = false): string {
  return withheld || !band ? BAND_COLOURS.none : BAND_COLOURS[band];
}

export type BarRow = { code: string; name: string; value: number; band: Band | null; focus: boolean };
export type RefLine = { label: string; value: number; dash: string };

/** Horizontal bars, best first, with reference lines (nation, region, comparison group). */
export function RankedBars({ rows, refs, unit, label }: { rows: BarRow[]; refs: RefLine[]; unit: Unit; label: string }) {
  const f = useFormat();
  const width = 720;
  const rowHeight = 16;
  const left = 150;
  const right = 60;
  const top = 18 + refs.length * 16;
  const height = top + rows.length * rowHeight + 24;
  const max = unit === "percent" ? 100 : Math.max(...rows.map((r) => r.value), ...refs.map((r) => r.value), 1) * 1.05;
  const x = (v: number) => px(left + (Math.max(v, 0) / max) * (width - left - right));
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  return (
    // a phone scrolls the chart at full size; the box takes the keyboard for that
    <div className="chart-scroll" role="region" aria-label={label} tabIndex={0}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ minWidth: `${width}px` }}
        role="img"
        aria-label={label}
        className="ranked-bars"
        preserveAspectRatio="xMinYMin meet"
      >
        {ticks.map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={top - 4} y2={height - 22} stroke={CHART_INK.grid} />
            <text x={x(v)} y={height - 6} textAnchor="middle" className="svg-tick">
              {f.value(v, unit)}
            </text>
          </g>
        ))}
        {/* names, bars and values each in one group that carries their shared look; each bar's name
          and value are drawn beside it, so a bar needs no tooltip of its own */}
        <g className="svg-label" textAnchor="end">
          {rows.map((r, i) => (
            <text key={r.code} x={left - 6} y={top + i * rowHeight + 12} className={r.focus ? "svg-label--focus" : undefined}>
              {r.focus ? `▶ ${r.name}` : r.name}
            </text>
          ))}
        </g>
        <g>
          {rows.map((r, i) => (
            <rect
              key={r.code}
              x={left}
              y={top + i * rowHeight + 2}
              width={Math.max(px(x(r.value) - left), 1)}
              height={rowHeight - 4}
              fill={bandColour(r.band)}
              className={r.focus ? "is-focus" : undefined}
            />
          ))}
        </g>
        <g className="svg-tick">
          {rows.map((r, i) => (
            <text key={r.code} x={px(x(r.value) + 4)} y={top + i * rowHeight + 12}>
              {f.value(r.value, unit)}
            </text>
          ))}
        </g>
        {refs.map((ref, i) => (
          <g key={ref.label}>
            <line
              x1={x(ref.value)}
              x2={x(ref.value)}
              y1={14 + i * 16}
              y2={height - 22}
              stroke={SERIES_COLOURS.nation}
              strokeWidth={1.5}
              strokeDasharray={ref.dash}
            />
            <text
              x={x(ref.value) + (x(ref.value) > width - 220 ? -4 : 4)}
              y={12 + i * 16}
              textAnchor={x(ref.value) > width - 220 ? "end" : "start"}
              className="svg-tick"
            >
              {`${ref.label}: ${f.value(ref.value, unit)}`}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}

export type ScatterDatum = { code: string; name: string; x: number; y: number; focus: boolean };

/**
 * Two indicators against each other for every municipality, with a least-squares line when
 * there is one. The axes are the charts' one value axis (`valueAxis`), not their own.
 */
export function ScatterPlot({
  points: data,
  xUnit,
  yUnit,
  xName,
  yName,
  fit,
  fitLabel,
  label,
  keysHint,
}: {
  points: ScatterDatum[];
  xUnit: Unit;
  yUnit: Unit;
  xName: string;
  yName: string;
  fit: { slope: number; intercept: number } | null;
  fitLabel: string;
  label: string;
  keysHint: string;
}) {
  const f = useFormat();
  const width = 640;
  const height = 420;
  const m = { left: 72, right: 20, top: 30, bottom: 52 };
  const xAxis = valueAxis(
    data.map((p) => p.x),
    xUnit,
    false,
  );
  const yAxis = valueAxis(
    data.map((p) => p.y),
    yUnit,
    false,
  );
  const sx = (v: number) => px(m.left + ((v - xAxis.lo) / (xAxis.hi - xAxis.lo || 1)) * (width - m.left - m.right));
  const sy = (v: number) => px(height - m.bottom - ((v - yAxis.lo) / (yAxis.hi - yAxis.lo || 1)) * (height - m.top - m.bottom));
  const points: PlotPoint[] = [...data]
    .sort((a, b) => a.x - b.x)
    .map((p) => ({
      id: p.code,
      cx: sx(p.x),
      cy: sy(p.y),
      r: p.focus ? 7 : 5,
      fill: p.focus ? CHART_INK.pointFocus : CHART_INK.point,
      focus: p.focus,
      label: `${p.name}: ${f.value(p.x, xUnit)}; ${f.value(p.y, yUnit)}`,
    }));
  const clampY = (v: number) => Math.min(Math.max(v, yAxis.lo), yAxis.hi);
  return (
    <PointPlot width={width} height={height} points={points} label={label} keysHint={keysHint}>
      {xAxis.ticks.map((v) => (
        <g key={`x${v}`}>
          <line x1={sx(v)} x2={sx(v)} y1={m.top} y2={height - m.bottom} stroke={CHART_INK.grid} />
          <text x={sx(v)} y={height - m.bottom + 16} textAnchor="middle" className="svg-tick">
            {f.value(v, xUnit)}
          </text>
        </g>
      ))}
      {yAxis.ticks.map((v) => (
        <g key={`y${v}`}>
          <line x1={m.left} x2={width - m.right} y1={sy(v)} y2={sy(v)} stroke={CHART_INK.grid} />
          <text x={m.left - 6} y={sy(v) + 4} textAnchor="end" className="svg-tick">
            {f.value(v, yUnit)}
          </text>
        </g>
      ))}
      <text x={(m.left + width - m.right) / 2} y={height - 8} textAnchor="middle" className="svg-label">
        {`${xName} →`}
      </text>
      <text x={4} y={14} className="svg-label">
        {`↑ ${yName}`}
      </text>
      {fit ? (
        <line
          x1={sx(xAxis.lo)}
          y1={sy(clampY(fit.intercept + fit.slope * xAxis.lo))}
          x2={sx(xAxis.hi)}
          y2={sy(clampY(fit.intercept + fit.slope * xAxis.hi))}
          stroke={CHART_INK.fitLine}
          strokeWidth={2}
          strokeDasharray="6 4"
        >
          <title>{fitLabel}</title>
        </line>
      ) : null}
    </PointPlot>
  );
}

export type MapDatum = {
  code: string;
  name: string;
  lat: number;
  lon: number;
  n: number | null;
  band: Band | null;
  withheld: boolean;
  focus: boolean;
  label: string;
};

/** The municipalities where they lie, sized by their n and coloured by their third (with the legend's words and symbols). */
export function MunicipalityMap({
  rows,
  label,
  keysHint,
  legend,
}: {
  rows: MapDatum[];
  label: string;
  keysHint: string;
  legend: ReactNode;
}) {
  // Denmark lies between 54.5–57.8 °N and 8.0–15.2 °E; a degree of longitude is cos(56°) of one of latitude
  const lat0 = 54.5;
  const lat1 = 57.8;
  const lon0 = 8.0;
  const lon1 = 15.2;
  const k = Math.cos((56 * Math.PI) / 180);
  const scale = 150;
  const width = (lon1 - lon0) * k * scale;
  const height = (lat1 - lat0) * scale;
  const maxN = Math.max(1, ...rows.map((r) => r.n ?? 0));
  const points: PlotPoint[] = [...rows]
    .sort((a, b) => b.lat - a.lat || a.lon - b.lon)
    .map((r) => ({
      id: r.code,
      cx: (r.lon - lon0) * k * scale,
      cy: (lat1 - r.lat) * scale,
      r: 3 + 9 * Math.sqrt((r.n ?? 0) / maxN),
      fill: bandColour(r.band, r.withheld),
      focus: r.focus,
      label: r.label,
    }));
  return (
    <>
      <PointPlot width={width} height={height} points={points} label={label} keysHint={keysHint} />
      {legend}
    </>
  );
}
