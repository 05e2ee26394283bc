import { useEffect, useRef } from "react";
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import { SERIES_COLOURS } from "~/components/palette";
import { categoryTicks, ChartLegend, TICK } from "~/components/charts";
import { valueAxis } from "~/domain/axis";
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
    // only the measured series has dots: its last one is the newest measured period
    const el = scroller.current;
    const svg = el?.querySelector("svg");
    const newest = svg ? [...svg.querySelectorAll(".recharts-line-dots circle")].at(-1) : undefined;
    if (!el || !svg || !newest || el.scrollWidth <= el.clientWidth) return;
    const at = Number(newest.getAttribute("cx")) / svg.viewBox.baseVal.width;
    el.scrollLeft = Math.max(0, at * svg.clientWidth - el.clientWidth * 0.75);
  });
  const values = points.flatMap((p) => [p.actual, p.expected, p.target]).filter((v): v is number => v !== null);
  if (points.length < 2 || values.length === 0) return null;
  // the charts' one value axis: 0–100 for percentages, round ticks otherwise
  const { lo, hi, ticks } = valueAxis(values, unit, false);
  const data = points.map((p) => ({ ...p, period: f.period(p.period) }));
  const series = [
    { key: "actual" as const, colour: SERIES_COLOURS.municipality, dash: undefined, name: names.actual },
    { key: "expected" as const, colour: SERIES_COLOURS.region, dash: "6 4", name: names.expected },
    { key: "target" as const, colour: SERIES_COLOURS.nation, dash: "2 3", name: names.target },
  ];
  return (
    <figure className="trajectory-chart">
      <div className="trajectory-chart__scroll" ref={scroller} role="region" aria-label={label} tabIndex={0}>
        <StaticChart
          drawsFrom={["trajectory", locale, unit, label, names, points]}
          chart={() => (
            <LineChart
              role="img"
              aria-label={label}
              width={WIDTH}
              height={HEIGHT}
              data={data}
              margin={{ top: 12, right: 30, bottom: 4, left: 0 }}
            >
              <CartesianGrid vertical={false} stroke="#dcdcdc" />
              <XAxis
                dataKey="period"
                // a quarter in words is long: about six fit
                ticks={categoryTicks(
                  data.map((p) => p.period),
                  6,
                )}
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
      <ChartLegend items={series.map((s) => ({ label: s.name, colour: s.colour, dash: s.dash, kind: "line" }))} />
    </figure>
  );
}
