/**
 * The investment case's pictures and tables (ADR 0027): the cash flows per department as a
 * server-drawn bar chart with its table, the sensitivity table, and the small boxes the target
 * page and the quarterly report show. Self-contained, so other pages insert one element.
 */
import type { Unit } from "~/domain/catalogue";
import { Link } from "@remix-run/react";
import { MISSING_MARK } from "~/domain/format";
import type { InvestmentResult, Party, SensitivityCell } from "~/domain/investments/model";
import { useT, useFormat, useLocale } from "~/i18n/react";
import type { ReportInvestment } from "~/domain/investments/report";
import { FigureValue } from "./FigureValue";
import { CATEGORY_COLOURS } from "./palette";

/** One colour per party, from the chart palette: far apart so the departments are told apart. */
export const PARTY_COLOURS: Record<Party, string> = {
  skole: CATEGORY_COLOURS[0],
  social: CATEGORY_COLOURS[3],
  investor: CATEGORY_COLOURS[5],
};

/** The investment pages' numbers in the page's language: amounts in kr., shares in %, children with up to two decimals. */
export function useInvestmentFormat() {
  const f = useFormat();
  const locale = useLocale();
  return {
    kr: (x: number | null | undefined) => f.value(x === null || x === undefined ? null : Math.round(x), "kr"),
    percent: (x: number | null | undefined) => (x === null || x === undefined ? MISSING_MARK : f.valuePrecise(x * 100, "percent")),
    count: (n: number) =>
      Number.isInteger(n)
        ? f.integer(n)
        : new Intl.NumberFormat(locale === "en" ? "en-GB" : "da-DK", { maximumFractionDigits: 2 }).format(n),
  };
}

/** The parties that appear in a case: the municipality's two departments, and an investor when there is one. */
export function partiesIn(result: InvestmentResult): Party[] {
  const investor = result.years.some((y) => y.parties.investor.costs || y.parties.investor.gains || y.parties.investor.financing);
  return investor ? ["skole", "social", "investor"] : ["skole", "social"];
}

export function PaybackText({ year }: { year: number | null }) {
  const t = useT();
  return <>{year === null ? t("investments.paybackNever") : t("investments.paybackYear", { year })}</>;
}

export function SensitivityTable({ table }: { table: SensitivityCell[][] }) {
  const inv = useInvestmentFormat();
  const t = useT();
  const rates = table[0]?.map((c) => c.successRate) ?? [];
  return (
    <div className="table-scroll" role="region" aria-labelledby="foelsomhed-titel" tabIndex={0}>
      <table className="table data-table">
        <caption>{t("investments.sensitivityCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("investments.childrenPerYear")}</th>
            {rates.map((r) => (
              <th key={r} scope="col" className="num">
                {t("investments.successRate")} {inv.percent(r)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.map((row) => (
            <tr key={row[0].childrenPerYear}>
              <th scope="row">{inv.count(row[0].childrenPerYear)}</th>
              {row.map((c) => (
                <td key={c.successRate} className="num">
                  {inv.kr(c.npv)}
                  <br />
                  <span className="muted">{t("investments.perChildPerYear", { amount: inv.kr(c.netPerChildPerYear) })}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type CaseLink = { id: number; municipalityCode: string; title: string; result: { npv: number; netPerChildPerYear: number | null } };

/** The target page's box: the investment cases that assume this target. */
export function TargetInvestments({ cases }: { cases: CaseLink[] }) {
  const inv = useInvestmentFormat();
  const t = useT();
  if (cases.length === 0) return null;
  return (
    <section aria-labelledby="investeringer-bag-maalet" className="target-investments">
      <h2 id="investeringer-bag-maalet">{t("investments.targetBox.heading")}</h2>
      <ul>
        {cases.map((c) => (
          <li key={c.id}>
            <Link to={`/kommuner/${c.municipalityCode}/investeringer/${c.id}`}>{c.title}</Link>:{" "}
            {t("investments.targetBox.text", { npv: inv.kr(c.result.npv), net: inv.kr(c.result.netPerChildPerYear) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PrintButton() {
  const t = useT();
  return (
    <button type="button" className="button button-secondary no-print" onClick={() => window.print()}>
      {t("investments.print")}
    </button>
  );
}

type ReportTargetLike = {
  id: number;
  title: string;
  indicator: { unit: Unit } | null;
  latest: { period: string; value: number | null; withheld: boolean } | null;
  targetValue: number | null;
};

/** The quarterly report's section: each case's expected result beside the realised effect (its targets) and spending. */
export function ReportInvestments({ investments, targets }: { investments: ReportInvestment[] | undefined; targets: ReportTargetLike[] }) {
  const inv = useInvestmentFormat();
  const f = useFormat();
  const t = useT();
  if (!investments || investments.length === 0) return null;
  const spending = investments[0].realisedSpending;
  return (
    <section aria-labelledby="sociale-investeringer" className="report-investments">
      <h2 id="sociale-investeringer">{t("investments.report.heading")}</h2>
      <div className="table-scroll" role="region" aria-labelledby="sociale-investeringer" tabIndex={0}>
        <table className="table data-table">
          <thead>
            <tr>
              <th scope="col">{t("investments.columns.title")}</th>
              <th scope="col" className="num">
                {t("investments.report.expected")}: {t("investments.npv").toLowerCase()}
              </th>
              <th scope="col" className="num">
                {t("investments.report.expected")}: {t("investments.netPerChild").toLowerCase()}
              </th>
              <th scope="col" className="num">
                {t("investments.report.spending")}: {t("investments.report.expected").toLowerCase()}
              </th>
              <th scope="col">
                {t("investments.report.effect")}: {t("investments.report.realised").toLowerCase()}
              </th>
            </tr>
          </thead>
          <tbody>
            {investments.map((c) => {
              const linked = c.targetIds.map((id) => targets.find((x) => x.id === id)).filter((x): x is ReportTargetLike => Boolean(x));
              return (
                <tr key={c.id}>
                  <th scope="row">{c.title}</th>
                  <td className="num">{inv.kr(c.expected.npv)}</td>
                  <td className="num">{inv.kr(c.expected.netPerChildPerYear)}</td>
                  <td className="num">{inv.kr(c.expected.costPerChildPerYear)}</td>
                  <td>
                    {linked.length === 0
                      ? MISSING_MARK
                      : linked.map((x) => (
                          <span key={x.id} className="report-investments__effect">
                            {x.title}: <FigureValue figure={x.latest} unit={x.indicator?.unit ?? "count"} />
                            {x.latest ? ` (${x.latest.period})` : ""}
                            {x.targetValue !== null && x.indicator
                              ? ` · ${t("investments.report.targetValue", { value: f.value(x.targetValue, x.indicator.unit) })}`
                              : ""}
                          </span>
                        ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {spending ? (
        <p>
          {t("investments.report.realisedSpending", { period: spending.period })}: <FigureValue figure={spending} unit="kr" />
        </p>
      ) : null}
      <p className="muted">{t("investments.report.realisedNote")}</p>
    </section>
  );
}
