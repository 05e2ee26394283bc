import { FigureValue } from "~/components/FigureValue";
import type { Unit } from "~/domain/catalogue";

import { useT, useFormat } from "~/i18n/react";

type Point = {
  period: string;
  actual: number | null;
  withheld: boolean;
  expected: number | null;
  target: number | null;
  planned?: boolean;
};

/** The data table under a target's trajectory chart: actual (withheld as ..), expected, target. */
export function TrajectoryTable({ points, unit, title, actualName }: { points: Point[]; unit: Unit; title: string; actualName: string }) {
  const f = useFormat();
  const t = useT();
  return (
    <table className="table table--compact data-table stacked-table">
      <caption>{t("indicator.tableFor", { title })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("indicator.period")}</th>
          <th scope="col" className="num">
            {actualName}
          </th>
          <th scope="col" className="num">
            {t("goal.trajectory")}
          </th>
          <th scope="col" className="num">
            {t("goal.targetLine")}
          </th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.period}>
            <th scope="row">{f.period(p.period)}</th>
            <td className="num" data-label={actualName}>
              {/* a period after the quarter has no observed value, only the plan */}
              {p.planned ? (
                <span className="muted">{t("trust.progress.planned")}</span>
              ) : (
                <FigureValue figure={{ value: p.actual, withheld: p.withheld }} unit={unit} precise />
              )}
            </td>
            <td className="num" data-label={t("goal.trajectory")}>
              {f.value(p.expected, unit)}
            </td>
            <td className="num" data-label={t("goal.targetLine")}>
              {f.value(p.target, unit)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
