import { useEffect, useState, type ReactNode } from "react";
import { useT } from "~/i18n/react";

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
}: {
  id: string;
  title: string;
  summary: string;
  height?: number;
  chart: () => ReactNode;
  table: ReactNode;
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
      <div className="chart-figure__chart" style={{ height }} role="img" aria-labelledby={`${id}-title ${id}-summary`}>
        {hydrated ? chart() : <p className="chart-figure__placeholder">{t("indicator.chartLoading")}</p>}
      </div>
      <details className="chart-figure__table" open>
        <summary>{t("indicator.showTable")}</summary>
        {table}
      </details>
    </figure>
  );
}
