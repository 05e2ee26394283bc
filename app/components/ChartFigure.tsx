import type { ReactNode } from "react";
import { useT } from "~/i18n/react";
import { Details } from "./ui/Details";
import { MarksLegend } from "./FigureValue";

/**
 * A chart with its title, a one-sentence summary and its data table. Every chart is SVG drawn
 * on the server (ADR 0016), so the page is whole before any JavaScript runs and prints as seen.
 */
const isLink = (table: unknown): table is { href: string; label: string } =>
  typeof table === "object" && table !== null && "href" in table && typeof (table as { href: unknown }).href === "string";

export function ChartFigure({
  id,
  title,
  summary,
  chart,
  table,
  tableOpen = true,
}: {
  id: string;
  title: string;
  summary: string;
  /** Draws the chart; gets the title and summary to name the focusable chart for screen readers. */
  chart: (label: { title: string; desc: string }) => ReactNode;
  /** The chart's data table; or, where the page already has a table with exactly these figures, a link to it. */
  table: ReactNode | { href: string; label: string };
  /** Whether the data table starts unfolded. */
  tableOpen?: boolean;
}) {
  const t = useT();
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
      <div className="chart-figure__svg">{chart({ title, desc: summary })}</div>
      {isLink(table) ? (
        <p className="chart-figure__table-link">
          <a href={table.href}>{table.label}</a>
        </p>
      ) : (
        <Details summary={t("indicator.showTable")} open={tableOpen}>
          {/* a wide table scrolls on its own at 320 px / 200 % zoom instead of the page */}
          <div className="table-scroll" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
            {table}
          </div>
          <MarksLegend />
        </Details>
      )}
    </figure>
  );
}
