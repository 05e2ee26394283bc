/**
 * recharts charts. They are only drawn after hydration (see ChartFigure); the numbers are
 * always in the table beside them. Missing or withheld values are gaps, never zeros.
 */
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Unit } from "~/domain/catalogue";
import { formatValue } from "~/domain/format";
import { CATEGORY_COLOURS } from "./palette";

/** recharts puts these in the SVG as <title> and <desc>, naming the keyboard-focusable chart. */
export type ChartLabel = { title: string; desc: string };

export type SeriesDef = { key: string; label: string; colour: string; dash?: string };

const axisTick = { fill: "#333", fontSize: 13 };

function valueFormatter(unit: Unit) {
  return (v: unknown) => (typeof v === "number" ? formatValue(v, unit) : "–");
}

export function LineTrendChart({ rows, series, unit, label }: { rows: Record<string, string | number | null>[]; series: SeriesDef[]; unit: Unit; label: ChartLabel }) {
  const format = valueFormatter(unit);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer title={label.title} desc={label.desc}>
        <CartesianGrid stroke="#ddd" vertical={false} />
        <XAxis dataKey="period" tick={axisTick} />
        <YAxis tick={axisTick} tickFormatter={format} width={80} domain={unit === "percent" ? [0, 100] : ["auto", "auto"]} />
        <Tooltip formatter={format} />
        <Legend itemSorter={null} />
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stroke={s.colour}
            strokeWidth={2.5}
            strokeDasharray={s.dash}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function GroupedBarChart({ rows, series, unit, categoryKey, label }: { rows: Record<string, string | number | null>[]; series: SeriesDef[]; unit: Unit; categoryKey: string; label: ChartLabel }) {
  const format = valueFormatter(unit);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer title={label.title} desc={label.desc}>
        <CartesianGrid stroke="#ddd" vertical={false} />
        <XAxis dataKey={categoryKey} tick={axisTick} />
        <YAxis tick={axisTick} tickFormatter={format} width={80} />
        <Tooltip formatter={format} />
        <Legend itemSorter={null} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.colour} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function StackedBarChart({ rows, keys, unit, label }: { rows: Record<string, string | number | null>[]; keys: { key: string; label: string }[]; unit: Unit; label: ChartLabel }) {
  const format = valueFormatter(unit);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer title={label.title} desc={label.desc}>
        <CartesianGrid stroke="#ddd" vertical={false} />
        <XAxis dataKey="period" tick={axisTick} />
        <YAxis tick={axisTick} tickFormatter={format} width={64} />
        <Tooltip formatter={format} />
        <Legend itemSorter={null} />
        {keys.map((k, i) => (
          <Bar key={k.key} dataKey={k.key} name={k.label} stackId="sites" fill={CATEGORY_COLOURS[i % CATEGORY_COLOURS.length]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
