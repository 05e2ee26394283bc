import { linePath } from "~/domain/axis";

/**
 * A small trend line drawn as plain SVG on the server, so it shows without JavaScript and
 * prints. Gaps (missing or withheld values) break the line rather than dropping to zero. Its
 * stroke and fill are in the style sheet (.sparkline).
 */
export function Sparkline({
  values,
  label,
  width = 120,
  height = 32,
}: {
  values: (number | null)[];
  label: string;
  width?: number;
  height?: number;
}) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min || 1;
  const pad = 3;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / Math.max(values.length - 1, 1);
  const y = (v: number) => height - pad - ((v - min) * (height - 2 * pad)) / span;
  const lastIndex = values.map((v, i) => (v === null ? -1 : i)).reduce((a, b) => Math.max(a, b), -1);
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <path d={linePath(values, x, y)} />
      {lastIndex >= 0 ? <circle cx={x(lastIndex).toFixed(1)} cy={y(values[lastIndex] as number).toFixed(1)} r={3} /> : null}
    </svg>
  );
}
