import { useEffect, useState, type ReactNode } from "react";
import { useT } from "~/i18n/react";
import { Details } from "./ui/Details";

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
      <Details summary={t("indicator.showTable")} open>
        {/* a wide table scrolls on its own at 320 px / 200 % zoom instead of the page */}
        <div className="table-scroll" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
          {table}
        </div>
      </Details>
    </figure>
  );
}
