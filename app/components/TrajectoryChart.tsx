import { useEffect, useRef } from "react";
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import { SERIES_COLOURS } from "~/components/palette";
import { TICK } from "~/components/charts";
import { useFormat, useLocale } from "~/i18n/react";
import { StaticChart } from "./StaticChart";

import type { Unit } from "~/domain/catalogue";

type Point = { period: string; actual: number | null; expected: number | null; target: number | null };

const WIDTH = 640;
const HEIGHT = 220;

/**
 * A target's actual values against its planned trajectory and target line, drawn with recharts
 * on the server (fixed size, no animation): a frozen report prints it exactly, with no
 * JavaScript. Gaps (withheld or missing) break the line; the data table under it carries the
 * exact values. On a phone it keeps its size and scrolls; a script brings the newest measured
 * period into view.
 */
export function TrajectoryChart({
  points,
  unit,
  label,
  names,
}: {
  points: Point[];
  unit: Unit;
  label: string;
  names: { actual: string; expected: string; target: string };
}) {
  const f = useFormat();
  const locale = useLocale();
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = scroller.current;
    const svg = el?.querySelector("svg");
    const at = Number(el?.dataset.newest);
    if (!el || !svg || el.scrollWidth <= el.clientWidth || !at) return;
    el.scrollLeft = Math.max(0, at * svg.clientWidth - el.clientWidth * 0.75);
  });
  const values = points.flatMap((p) => [p.actual, p.expected, p.target]).filter((v): v is number => v !== null);
  if (points.length < 2 || values.length === 0) return null;
  const lo = unit === "percent" ? 0 : Math.min(...values) * 0.9;
  const hi = unit === "percent" ? 100 : Math.max(...values) * 1.1 || 1;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((x) => lo + x * (hi - lo));
  const series = [
    { key: "actual" as const, colour: SERIES_COLOURS.municipality, dash: undefined, name: names.actual },
    { key: "expected" as const, colour: SERIES_COLOURS.region, dash: "6 4", name: names.expected },
    { key: "target" as const, colour: SERIES_COLOURS.nation, dash: "2 3", name: names.target },
  ];
  const measured = points.map((p, i) => (p.actual === null ? -1 : i)).filter((i) => i >= 0);
  // where the newest measured period lies, as a share of the chart's width (for the phone's scroll)
  const newestAt = measured.length ? (56 + (measured[measured.length - 1]! / (points.length - 1)) * (WIDTH - 86)) / WIDTH : null;
  return (
    <figure className="trajectory-chart">
      <div
        className="trajectory-chart__scroll"
        ref={scroller}
        data-newest={newestAt ?? undefined}
        role="region"
        aria-label={label}
        tabIndex={0}
      >
        <StaticChart
          cacheKey={JSON.stringify(["trajectory", locale, unit, label, names, points])}
          chart={() => (
            <LineChart
              role="img"
              aria-label={label}
              width={WIDTH}
              height={HEIGHT}
              data={points.map((p) => ({ ...p, period: f.period(p.period) }))}
              margin={{ top: 12, right: 30, bottom: 4, left: 0 }}
            >
              <CartesianGrid vertical={false} stroke="#dcdcdc" />
              <XAxis
                dataKey="period"
                interval={0}
                tick={TICK}
                tickLine={false}
                axisLine={{ stroke: "#6b6b6b" }}
                padding={{ left: 8, right: 8 }}
              />
              <YAxis
                type="number"
                domain={[lo, hi]}
                ticks={ticks}
                interval={0}
                width={56}
                tick={TICK}
                tickLine={false}
                axisLine={false}
                tickFormatter={(v: number) => f.value(v, unit)}
              />
              {[...series].reverse().map((s) => (
                <Line
                  key={s.key}
                  dataKey={s.key}
                  type="linear"
                  stroke={s.colour}
                  strokeWidth={s.key === "actual" ? 2.5 : 2}
                  strokeDasharray={s.dash}
                  dot={s.key === "actual" ? { r: 3.5, fill: s.colour, stroke: s.colour } : false}
                  activeDot={false}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          )}
        />
      </div>
      <figcaption className="trajectory-legend">
        {series.map((s) => (
          <span key={s.key}>
            <svg width="28" height="10" aria-hidden="true">
              <line x1="0" x2="28" y1="5" y2="5" stroke={s.colour} strokeWidth="2.5" strokeDasharray={s.dash} />
            </svg>{" "}
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
