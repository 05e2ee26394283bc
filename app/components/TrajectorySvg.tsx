import { SERIES_COLOURS } from "~/components/palette";
import { useEffect, useRef } from "react";
import { useFormat } from "~/i18n/react";
import { linePath } from "~/domain/axis";

import type { Unit } from "~/domain/catalogue";

type Point = { period: string; actual: number | null; expected: number | null; target: number | null };

/**
 * A target's actual values against its trajectory and target line, as plain SVG rendered on the
 * server: a frozen report prints it exactly, with no JavaScript. Gaps (withheld or missing)
 * break the line; the data table under it carries the exact values.
 */
export function TrajectorySvg({
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
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // on a phone the chart keeps legible text and scrolls: bring the newest measured period into view
    const el = scroller.current;
    const svg = el?.querySelector("svg");
    const at = Number(el?.dataset.newest);
    if (!el || !svg || el.scrollWidth <= el.clientWidth || !at) return;
    el.scrollLeft = Math.max(0, at * svg.clientWidth - el.clientWidth * 0.75);
  });
  const width = 640;
  const height = 220;
  const left = 48;
  const right = 30;
  const top = 12;
  const bottom = 28;
  const values = points.flatMap((p) => [p.actual, p.expected, p.target]).filter((v): v is number => v !== null);
  if (points.length < 2 || values.length === 0) return null;
  const lo = unit === "percent" ? 0 : Math.min(...values) * 0.9;
  const hi = unit === "percent" ? 100 : Math.max(...values) * 1.1 || 1;
  const x = (i: number) => left + (i * (width - left - right)) / (points.length - 1);
  const y = (v: number) => top + (1 - (v - lo) / (hi - lo || 1)) * (height - top - bottom);
  const path = (key: "actual" | "expected" | "target") =>
    linePath(
      points.map((p) => p[key]),
      x,
      y,
    );
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => lo + f * (hi - lo));
  const series = [
    { key: "actual" as const, colour: SERIES_COLOURS.municipality, dash: undefined, name: names.actual },
    { key: "expected" as const, colour: SERIES_COLOURS.region, dash: "6 4", name: names.expected },
    { key: "target" as const, colour: SERIES_COLOURS.nation, dash: "2 3", name: names.target },
  ];
  const measured = points.map((p, i) => (p.actual === null ? -1 : i)).filter((i) => i >= 0);
  const newestAt = measured.length ? x(measured[measured.length - 1]!) / width : null;
  return (
    <figure className="trajectory-svg">
      <div
        className="trajectory-svg__scroll"
        ref={scroller}
        data-newest={newestAt ?? undefined}
        role="region"
        aria-label={label}
        tabIndex={0}
      >
        <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
          {ticks.map((v) => (
            <g key={v}>
              <line x1={left} x2={width - right} y1={y(v)} y2={y(v)} stroke="#dcdcdc" />
              <text x={left - 6} y={y(v) + 4} textAnchor="end" fontSize="12" fill="#4a4a4a">
                {f.value(v, unit)}
              </text>
            </g>
          ))}
          {points.map((p, i) => (
            <text key={p.period} x={x(i)} y={height - 8} textAnchor="middle" fontSize="12" fill="#4a4a4a">
              {p.period}
            </text>
          ))}
          {series.map((s) => (
            <path
              key={s.key}
              d={path(s.key)}
              fill="none"
              stroke={s.colour}
              strokeWidth={s.key === "actual" ? 2.5 : 2}
              strokeDasharray={s.dash}
            />
          ))}
          {points.map((p, i) =>
            p.actual === null ? null : <circle key={p.period} cx={x(i)} cy={y(p.actual)} r={3.5} fill={SERIES_COLOURS.municipality} />,
          )}
        </svg>
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
