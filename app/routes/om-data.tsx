import { pageTitle } from "~/i18n/meta";
import { targetGroupKey } from "~/i18n/keys";
import type { MetaFunction } from "@remix-run/node";
import { FigureValue, MarksLegend, useDisclosureK, useWithheldLabel } from "~/components/FigureValue";
import { attributeThreshold } from "~/domain/disclosure";
import type { Figure } from "~/domain/figures";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, (t) => t("titles.aboutData"))];

export default function AboutDataPage() {
  const t = useT();
  const k = useDisclosureK();
  const label = useWithheldLabel();
  const example: { group: string; count: number; kind: Figure["withheld"]; why: string }[] = [
    { group: "anbragte", count: 3, kind: "primary", why: t("aboutData.exampleWhyPrimary", { k }) },
    { group: "forebyggende", count: 26, kind: "secondary", why: t("aboutData.exampleWhySecondary") },
    { group: "udsatte", count: 29, kind: null, why: t("aboutData.exampleWhyShown") },
  ];
  return (
    <article className="about-data">
      <h1>{t("aboutData.title")}</h1>
      <p className="lead">{t("aboutData.intro")}</p>
      <h2>{t("aboutData.whatTitle")}</h2>
      <p>{t("aboutData.what")}</p>
      <h2>{t("aboutData.aggregateTitle")}</h2>
      <p>{t("aboutData.aggregate")}</p>
      <h2>{t("aboutData.rulesTitle", { k })}</h2>
      <p>{t("aboutData.rulePrimary", { k, k1: k - 1 })}</p>
      <p>{t("aboutData.ruleSecondary")}</p>
      <p>{t("disclosure.ruleLinked", { k })}</p>
      <p>{t("disclosure.ruleAttribute", { n: attributeThreshold({ k }) })}</p>
      <p>{t("aboutData.ruleStable")}</p>
      <h2>{t("aboutData.exampleTitle")}</h2>
      <p>{t("aboutData.exampleIntro")}</p>
      <table className="table table--compact data-table about-data__example">
        <caption>{t("aboutData.exampleCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("aboutData.exampleGroup")}</th>
            <th scope="col" className="num">
              {t("aboutData.exampleCount")}
            </th>
            <th scope="col" className="num">
              {t("aboutData.exampleShown")}
            </th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {example.map((row) => (
            <tr key={row.group}>
              <th scope="row">{t(targetGroupKey(row.group))}</th>
              <td className="num">{row.count}</td>
              <td className="num">
                <FigureValue figure={{ value: row.count, withheld: row.kind }} unit="count" />
              </td>
              <td>
                {row.why}
                {row.kind ? <span className="muted"> ({label(row.kind)})</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table table--compact data-table about-data__example">
        <caption>{t("disclosure.exampleAttributeCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("aboutData.exampleGroup")}</th>
            <th scope="col" className="num">
              {t("aboutData.exampleCount")}
            </th>
            <th scope="col" className="num">
              {t("aboutData.exampleShown")}
            </th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t("targetGroups.anbragte")}</th>
            <td className="num">0 / 7</td>
            <td className="num">
              <FigureValue figure={{ value: 0, withheld: "attribute" }} unit="percent" />
            </td>
            <td>
              {t("disclosure.exampleWhyAttribute")} <span className="muted">({label("attribute")})</span>
            </td>
          </tr>
        </tbody>
      </table>
      <h2>{t("aboutData.marksTitle")}</h2>
      <MarksLegend />
      <h2 id="vurdering">{t("verdict.aboutTitle")}</h2>
      <p>{t("verdict.aboutRule")}</p>
      <ul>
        <li>{t("verdict.aboutPercent")}</li>
        <li>{t("verdict.aboutGrade")}</li>
        <li>{t("verdict.aboutNotJudged")}</li>
        <li>{t("verdict.aboutNotShown")}</li>
      </ul>
      <h2>{t("aboutData.demoTitle")}</h2>
      <p>{t("aboutData.demo")}</p>
    </article>
  );
}
