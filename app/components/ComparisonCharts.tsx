/**
 * The comparison page's pictures as SVG drawn on the server: they print, work without
 * JavaScript and weigh nothing in the bundle. Points are reachable with one Tab stop and the
 * arrow keys (a roving focus), and show their label on hover or focus. The scatter plot has its
 * data table beside it; the bars and the map link to the page's main table, which has their figures.
 */
import type { ReactNode } from "react";
import type { Band } from "~/domain/comparison";
import type { Unit } from "~/domain/catalogue";
import { formatValue } from "~/domain/format";
import { BAND_COLOURS, SERIES_COLOURS } from "./palette";
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
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={label} className="ranked-bars" preserveAspectRatio="xMinYMin meet">
      {ticks.map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={top - 4} y2={height - 22} stroke="#e0e0e0" />
          <text x={x(v)} y={height - 6} textAnchor="middle" className="svg-tick">
            {formatValue(v, unit)}
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
            {formatValue(r.value, unit)}
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
            {`${ref.label}: ${formatValue(ref.value, unit)}`}
          </text>
        </g>
      ))}
    </svg>
  );
}
