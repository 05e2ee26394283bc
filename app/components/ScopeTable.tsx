/**
 * The indicator page's exact record under a chart: one row per period or target group, the
 * municipality, its region, the nation and its comparison group side by side, and the
 * municipality's n. Withheld cells show `..` through FigureValue, like everywhere else.
 */
import type { Unit } from "~/domain/catalogue";
import type { Point } from "~/data/indicator-views.server";
import { useFormat, useT } from "~/i18n/react";
import { FigureValue } from "./FigureValue";

export type ScopeRow = {
  key: string;
  label: string;
  municipality: Point;
  region: Point;
  nation: Point;
  group: Point & { members?: { used: number; of: number } | null };
};

export function ScopeTable({
  caption,
  rowHeading,
  scopes,
  nLabel,
  rows,
  unit,
}: {
  caption: string;
  rowHeading: string;
  scopes: readonly { key: string; label: string }[];
  nLabel: string;
  rows: ScopeRow[];
  unit: Unit;
}) {
  const t = useT();
  const f = useFormat();
  const cell = (p: Point) => <FigureValue figure={p} unit={unit} precise />;
  const labelOf = (key: string) => scopes.find((s) => s.key === key)?.label;
  return (
    // on a phone each row is a block of labelled values (.stacked-table), not a table to scroll
    <table className="table table--compact data-table stacked-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeading}</th>
          {scopes.map((s) => (
            <th key={s.key} scope="col" className="num">
              {s.label}
            </th>
          ))}
          <th scope="col" className="num">
            {nLabel}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num" data-label={labelOf("municipality")}>
              {cell(r.municipality)}
            </td>
            <td className="num" data-label={labelOf("region")}>
              {cell(r.region)}
            </td>
            <td className="num" data-label={labelOf("nation")}>
              {cell(r.nation)}
            </td>
            <td className="num" data-label={labelOf("group")}>
              {cell(r.group)}
              {r.group.members ? <span className="compare-table__note"> ({t("catalogue.groupMembers", r.group.members)})</span> : null}
            </td>
            <td className="num" data-label={nLabel}>
              {r.municipality.n === null ? "–" : f.integer(r.municipality.n)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
