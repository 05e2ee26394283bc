/**
 * The comparison page's pictures, drawn with recharts on the server (fixed size, no animation):
 * they print and work without JavaScript. Points are reachable with one Tab stop and the arrow
 * keys (a roving focus), and show their label on hover or focus. The scatter plot has its data
 * table beside it; the bars and the map link to the page's main table, which has their figures.
 * Below its own width a picture scrolls in its box at full size, so its text stays legible (ADR 33).
 */
import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Customized, ReferenceDot, ReferenceLine, ScatterChart, XAxis, YAxis } from "recharts";
import type { Band } from "~/domain/comparison";
import type { Unit } from "~/domain/catalogue";
import { valueAxis } from "~/domain/axis";

import { useFormat, useLocale } from "~/i18n/react";
import { StaticChart } from "./StaticChart";
import { TICK } from "./charts";
import { BAND_COLOURS, CHART_INK, SERIES_COLOURS } from "./palette";
import { useArrowKeys } from "./useArrowKeys";

type Scale = (v: number) => number;

/** A point in the plot's own coordinates (its axes' values), with its look and its label. */
export type PlotPoint = { id: string; x: number; y: number; r: number; fill: string; label: string; focus?: boolean };

type PlotAxis = { domain: [number, number]; ticks?: number[]; format?: (v: number) => string; name?: string };

/** What a point plot's two number axes share; hidden (the map) when the plot has no ticks. */
function numberAxis(axis: PlotAxis, dataKey: "x" | "y", shown: boolean) {
  return {
    type: "number" as const,
    dataKey,
    domain: axis.domain,
    ticks: axis.ticks,
    interval: 0,
    hide: !shown,
    allowDataOverflow: true,
    tick: TICK,
    tickFormatter: axis.format,
  };
}

/** A coordinate to a tenth of a unit: finer than a pixel at any size the figures are drawn, and fewer digits in the HTML. */
export const px = (v: number) => Math.round(v * 10) / 10;

/**
 * Points with a roving focus: Tab enters the plot, arrow keys step through points in their
 * order. Axes are drawn when they have ticks (the scatter plot), hidden when not (the map).
 */
export function PointPlot({
  width,
  height,
  margin,
  xAxis,
  yAxis,
  points,
  label,
  children,
  keysHint,
  drawsFrom,
}: {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  xAxis: PlotAxis;
  yAxis: PlotAxis;
  points: PlotPoint[];
  label: string;
  /** More recharts parts drawn under the points (a fitted line). */
  children?: ReactNode;
  keysHint: string;
  /** What else the picture draws from (units, names, the fitted line), for the server's markup cache. */
  drawsFrom: unknown[];
}) {
  const locale = useLocale();
  const { active, setActive, onKeyDown } = useArrowKeys(points.length);
  const current = active === null ? null : points[active];
  const axes = Boolean(xAxis.ticks);
  return (
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- the arrow keys of the focusable plot inside (its svg) bubble here
    <div className="point-plot" onKeyDown={onKeyDown} onBlur={() => setActive(null)}>
      <StaticChart
        drawsFrom={["points", locale, width, height, margin, xAxis, yAxis, points, label, keysHint, drawsFrom]}
        chart={() => (
          <ScatterChart
            width={Math.round(width)}
            height={Math.round(height)}
            margin={margin}
            role="img"
            aria-label={`${label} ${keysHint}`}
            tabIndex={0}
            style={{ minWidth: `${Math.round(width)}px` }}
          >
            {axes ? <CartesianGrid stroke={CHART_INK.grid} /> : null}
            <XAxis
              {...numberAxis(xAxis, "x", axes)}
              label={xAxis.name ? { value: `${xAxis.name} →`, position: "insideBottom", offset: -36, className: "svg-label" } : undefined}
            />
            <YAxis {...numberAxis(yAxis, "y", axes)} width={axes ? 72 : 0} />
            {children}
            {/* Opacity and outline come from the style sheet (.point-plot circle.point): the same for every
                point. A point has no tooltip of its own: the figures are in a table beside the plot, and
                after hydration the label of the point under the mouse or in focus is shown below it. */}
            {/* the points as one layer of plain circles in the axes' scales (recharts' Scatter wraps each
                point in two elements; with ~230 points on the page that doubled the pictures' HTML) */}
            <Customized
              component={(chart: unknown) => {
                const { xAxisMap, yAxisMap } = chart as {
                  xAxisMap: Record<string, { scale: Scale }>;
                  yAxisMap: Record<string, { scale: Scale }>;
                };
                const sx = Object.values(xAxisMap)[0]!.scale;
                const sy = Object.values(yAxisMap)[0]!.scale;
                return (
                  <g key="points">
                    {points.map((p, i) => (
                      <circle
                        key={p.id}
                        cx={px(sx(p.x))}
                        cy={px(sy(p.y))}
                        r={px(p.r)}
                        fill={p.fill}
                        className={p.focus ? "point is-focus" : "point"}
                        onMouseEnter={() => setActive(i)}
                        onMouseLeave={() => setActive(null)}
                      />
                    ))}
                    {points
                      .filter((p) => p.focus)
                      .map((p) => (
                        <text key={`focus-${p.id}`} x={px(sx(p.x) + p.r + 4)} y={px(sy(p.y) - p.r - 2)} className="point-plot__focus-label">
                          {p.label.split(":")[0]}
                        </text>
                      ))}
                  </g>
                );
              }}
            />
            {current ? (
              <ReferenceDot x={current.x} y={current.y} r={current.r + 4} fill="none" stroke="#000" strokeWidth={2} ifOverflow="visible" />
            ) : null}
          </ScatterChart>
        )}
      />
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
  const locale = useLocale();
  const width = 720;
  const rowHeight = 16;
  const top = 18 + refs.length * 16;
  const height = top + rows.length * rowHeight + 24;
  const max = unit === "percent" ? 100 : Math.max(...rows.map((r) => r.value), ...refs.map((r) => r.value), 1) * 1.05;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((x) => x * max);
  return (
    // a phone scrolls the chart at full size; the box takes the keyboard for that
    <div className="chart-scroll" role="region" aria-label={label} tabIndex={0}>
      <StaticChart
        drawsFrom={["bars", locale, unit, label, rows, refs]}
        chart={() => (
          <BarChart
            layout="vertical"
            width={width}
            height={height}
            data={rows}
            margin={{ top, right: 60, bottom: 0, left: 0 }}
            barCategoryGap={2}
            role="img"
            aria-label={label}
            className="ranked-bars"
            style={{ minWidth: `${width}px` }}
          >
            <CartesianGrid horizontal={false} stroke={CHART_INK.grid} />
            <XAxis type="number" domain={[0, max]} ticks={ticks} interval={0} tick={TICK} tickFormatter={(v: number) => f.value(v, unit)} />
            <YAxis type="category" dataKey="code" width={150} interval={0} tick={false} tickLine={false} axisLine={false} />
            <Bar
              dataKey="value"
              isAnimationActive={false}
              // each bar as a plain rect and its value as one text beside it: 98 of them, so the markup stays small
              shape={(shape: unknown) => {
                const b = shape as { x: number; y: number; width: number; height: number; index: number };
                const r = rows[b.index]!;
                return (
                  <rect
                    x={px(b.x)}
                    y={px(b.y)}
                    width={Math.max(px(b.width), 1)}
                    height={px(b.height)}
                    fill={bandColour(r.band)}
                    className={r.focus ? "is-focus" : undefined}
                  />
                );
              }}
            />
            {/* each bar's name before it (the municipality in focus marked and bold) and its value after it,
                as one layer of plain text in the axes' scales: 98 rows, so the markup stays small */}
            <Customized
              component={(chart: unknown) => {
                const { xAxisMap, yAxisMap } = chart as {
                  xAxisMap: Record<string, { scale: Scale }>;
                  yAxisMap: Record<string, { scale: Scale & { bandwidth: () => number } }>;
                };
                const sx = Object.values(xAxisMap)[0]!.scale;
                const band = Object.values(yAxisMap)[0]!.scale as unknown as ((code: string) => number) & { bandwidth: () => number };
                const mid = (code: string) => px(band(code) + band.bandwidth() / 2 + 4);
                return (
                  <g key="names">
                    <g className="svg-label" textAnchor="end">
                      {rows.map((r) => (
                        <text key={r.code} x={144} y={mid(r.code)} className={r.focus ? "svg-label--focus" : undefined}>
                          {r.focus ? `▶ ${r.name}` : r.name}
                        </text>
                      ))}
                    </g>
                    <g className="svg-tick">
                      {rows.map((r) => (
                        <text key={r.code} x={px(sx(r.value) + 4)} y={mid(r.code)}>
                          {f.value(r.value, unit)}
                        </text>
                      ))}
                    </g>
                  </g>
                );
              }}
            />
            {refs.map((ref, i) => (
              <ReferenceLine
                key={ref.label}
                x={ref.value}
                stroke={SERIES_COLOURS.nation}
                strokeWidth={1.5}
                strokeDasharray={ref.dash}
                label={(props: { viewBox: { x: number } }) => {
                  const right = props.viewBox.x > width - 220;
                  return (
                    <text x={props.viewBox.x + (right ? -4 : 4)} y={12 + i * 16} textAnchor={right ? "end" : "start"} className="svg-tick">
                      {`${ref.label}: ${f.value(ref.value, unit)}`}
                    </text>
                  );
                }}
              />
            ))}
          </BarChart>
        )}
      />
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
  const points: PlotPoint[] = [...data]
    .sort((a, b) => a.x - b.x)
    .map((p) => ({
      id: p.code,
      x: p.x,
      y: p.y,
      r: p.focus ? 7 : 5,
      fill: p.focus ? CHART_INK.pointFocus : CHART_INK.point,
      focus: p.focus,
      label: `${p.name}: ${f.value(p.x, xUnit)}; ${f.value(p.y, yUnit)}`,
    }));
  const clampY = (v: number) => Math.min(Math.max(v, yAxis.lo), yAxis.hi);
  return (
    <>
      <p className="point-plot__y-name">{`↑ ${yName}`}</p>
      <PointPlot
        width={640}
        height={420}
        margin={{ top: 12, right: 44, bottom: 44, left: 0 }}
        xAxis={{ domain: [xAxis.lo, xAxis.hi], ticks: xAxis.ticks, format: (v) => f.value(v, xUnit), name: xName }}
        yAxis={{ domain: [yAxis.lo, yAxis.hi], ticks: yAxis.ticks, format: (v) => f.value(v, yUnit) }}
        points={points}
        label={label}
        keysHint={keysHint}
        drawsFrom={[xUnit, yUnit, xName, yName, fit, fitLabel]}
      >
        {fit ? (
          <ReferenceLine
            segment={[
              { x: xAxis.lo, y: clampY(fit.intercept + fit.slope * xAxis.lo) },
              { x: xAxis.hi, y: clampY(fit.intercept + fit.slope * xAxis.hi) },
            ]}
            stroke={CHART_INK.fitLine}
            strokeWidth={2}
            strokeDasharray="6 4"
            ifOverflow="visible"
          >
            <title>{fitLabel}</title>
          </ReferenceLine>
        ) : null}
      </PointPlot>
    </>
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
      x: (r.lon - lon0) * k,
      y: r.lat,
      r: 3 + 9 * Math.sqrt((r.n ?? 0) / maxN),
      fill: bandColour(r.band, r.withheld),
      focus: r.focus,
      label: r.label,
    }));
  return (
    <>
      <PointPlot
        width={width}
        height={height}
        margin={{ top: 0, right: 0, bottom: 0, left: 0 }}
        xAxis={{ domain: [0, (lon1 - lon0) * k] }}
        yAxis={{ domain: [lat0, lat1] }}
        points={points}
        label={label}
        keysHint={keysHint}
        drawsFrom={["map"]}
      />
      {legend}
    </>
  );
}
