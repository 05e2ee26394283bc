/**
 * The investment case's cash flows per department as a bar chart with its table. In a module of
 * its own, so pages that only list cases do not load the chart library.
 */
import type { InvestmentResult } from "~/domain/investments/model";
import { useT } from "~/i18n/react";
import { ChartFigure } from "./ChartFigure";
import { GroupedBarChart } from "./charts";
import { PARTY_COLOURS, partiesIn, useInvestmentFormat } from "./InvestmentViews";

export function InvestmentFlows({ id, title, result }: { id: string; title: string; result: InvestmentResult }) {
  const inv = useInvestmentFormat();
  const t = useT();
  const parties = partiesIn(result);
  // in thousands: a million-kroner tick label would not fit the shared chart's axis margin
  const rows = result.years.map((y) => ({
    year: String(y.year),
    ...Object.fromEntries(parties.map((p) => [p, Math.round(y.parties[p].net / 1000)])),
  }));
  const series = parties.map((p) => ({ key: p, label: t(`investments.parties.${p}`), colour: PARTY_COLOURS[p] }));
  const hasFinancing = parties.includes("investor");
  return (
    <ChartFigure
      id={id}
      title={t("investments.chartTitle", { title })}
      summary={t("investments.chartDesc")}
      chart={(label) => <GroupedBarChart rows={rows} series={series} unit="count" categoryKey="year" label={label} />}
      tableOpen={false}
      table={
        <table className="table data-table table--compact">
          <caption>{t("investments.flowsHeading")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("investments.year")}</th>
              {parties.map((p) => (
                <th key={p} scope="col" colSpan={hasFinancing ? 3 : 2}>
                  {t(`investments.partiesShort.${p}`)}
                </th>
              ))}
              <th scope="col" className="num">
                {t("investments.municipality")}
              </th>
            </tr>
            <tr>
              <td />
              {parties.map((p) => (
                <FlowHeads key={p} financing={hasFinancing} />
              ))}
              <th scope="col" className="num">
                {t("investments.net")}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...result.years.map((y) => ({ label: String(y.year), v: y })), { label: t("investments.total"), v: result.totals }].map(
              ({ label, v }) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {parties.map((p) => (
                    <FlowCells
                      key={p}
                      costs={v.parties[p].costs}
                      gains={v.parties[p].gains}
                      financing={hasFinancing ? v.parties[p].financing : null}
                    />
                  ))}
                  <td className="num">{inv.kr(v.municipality.net)}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      }
    />
  );
}

function FlowHeads({ financing }: { financing: boolean }) {
  const t = useT();
  return (
    <>
      <th scope="col" className="num">
        {t("investments.costs")}
      </th>
      <th scope="col" className="num">
        {t("investments.gains")}
      </th>
      {financing ? (
        <th scope="col" className="num">
          {t("investments.financing")}
        </th>
      ) : null}
    </>
  );
}

function FlowCells({ costs, gains, financing }: { costs: number; gains: number; financing: number | null }) {
  const inv = useInvestmentFormat();
  return (
    <>
      <td className="num">{inv.kr(costs)}</td>
      <td className="num">{inv.kr(gains)}</td>
      {financing !== null ? <td className="num">{inv.kr(financing)}</td> : null}
    </>
  );
}
