import { createContext, useContext, useSyncExternalStore, type ReactElement } from "react";

/**
 * How the server turns a chart into markup, once per distinct chart: given by entry.server, absent
 * in the browser (where react-dom/server is not loaded).
 */
type RenderStatic = (key: string, chart: () => ReactElement) => string;

const StaticRender = createContext<RenderStatic | null>(null);
export const StaticChartProvider = StaticRender.Provider;

const never = () => () => {};

/** False on the server and while the page hydrates; true after, and on every page the browser renders itself. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}

/**
 * A recharts chart in the first HTML at the cost of a cache lookup (ADR 33): the server renders
 * `chart()` once per distinct `drawsFrom` and inserts the markup; hydration keeps that markup as it is; once
 * hydrated, the live chart (which answers the mouse and the keyboard) takes its place. `drawsFrom`
 * must hold everything `chart()` draws from (only the server turns it into a key): its data, words, locale and ids.
 */
export function StaticChart({ drawsFrom, chart }: { drawsFrom: unknown[]; chart: () => ReactElement }) {
  const hydrated = useHydrated();
  const renderStatic = useContext(StaticRender);
  if (hydrated) return <div className="chart-host">{chart()}</div>;
  return (
    <div
      className="chart-host"
      dangerouslySetInnerHTML={{ __html: renderStatic ? renderStatic(JSON.stringify(drawsFrom), chart) : "" }}
      suppressHydrationWarning
    />
  );
}
