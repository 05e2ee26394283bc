import { useEffect, useState, type ReactNode } from "react";
import { useT } from "~/i18n/react";
import { Details } from "./ui/Details";
import { MarksLegend } from "./FigureValue";

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/**
 * A chart with its title, a one-sentence summary and its data table. recharts draws only in
 * the browser; the server sends the title, summary and table, and the chart area keeps its
 * height so the page does not jump.
 */
export function ChartFigure({
  id,
  title,
  summary,
  height = 300,
  chart,
  table,
  ssr = false,
  tableOpen = true,
}: {
  id: string;
  title: string;
  summary: string;
  height?: number;
  /** Draws the chart; gets the title and summary to name the focusable chart for screen readers. */
  chart: (label: { title: string; desc: string }) => ReactNode;
  table: ReactNode;
  /** The chart is plain SVG that renders on the server too (no recharts), so draw it at once. */
  ssr?: boolean;
  /** Whether the data table starts unfolded. */
  tableOpen?: boolean;
}) {
  const t = useT();
  const hydrated = useHydrated();
  return (
    <figure className="chart-figure" id={id} aria-labelledby={`${id}-title`}>
      <figcaption>
        <h3 id={`${id}-title`} className="chart-figure__title">
          {title}
        </h3>
        <p className="chart-figure__summary" id={`${id}-summary`}>
          {summary}
        </p>
      </figcaption>
      {ssr ? (
        <div className="chart-figure__svg">{chart({ title, desc: summary })}</div>
      ) : (
        <div className="chart-figure__chart" style={{ height }}>
          {hydrated ? chart({ title, desc: summary }) : <p className="chart-figure__placeholder">{t("indicator.chartLoading")}</p>}
        </div>
      )}
      <Details summary={t("indicator.showTable")} open={tableOpen}>
        {/* a wide table scrolls on its own at 320 px / 200 % zoom instead of the page */}
        <div className="table-scroll" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
          {table}
        </div>
        <MarksLegend />
      </Details>
    </figure>
  );
}
