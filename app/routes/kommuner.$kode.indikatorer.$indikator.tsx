import { pageTitle } from "~/i18n/meta";
import { ScopeTable } from "~/components/ScopeTable";
import { targetGroupKey, targetGroupShortKey } from "~/i18n/keys";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ChartFigure } from "~/components/ChartFigure";
import { GroupedBarChart, LineTrendChart, StackedBarChart } from "~/components/charts";
import { SERIES_COLOURS } from "~/components/palette";
import { TargetGroupSwitch } from "~/components/TargetGroupSwitch";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { indicatorDetail, type Point } from "~/data/indicator-views.server";
import { chosenTargetGroup, requireIndicator, requireMunicipality } from "~/data/params.server";
import { FigureValue, MarksLegend } from "~/components/FigureValue";

import { TEACHING_SITES, citeSources, indicatorName, type PlacementSite } from "~/domain/catalogue";
import { useLocale, useT, useFormat } from "~/i18n/react";
import { requireActor, requirePermission } from "~/data/auth.server";
import { can } from "~/domain/access";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageTitle(matches, (t, locale) =>
    data
      ? t("titles.indicator", { indicator: locale === "en" ? data.indicator.nameEn : data.indicator.nameDa, name: data.municipality.name })
      : null,
  ),
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  const municipality = requireMunicipality(context.db, params.kode);
  requirePermission(actor, { kind: "read-municipality", municipality: municipality.code });
  const indicator = requireIndicator(context.db, params.indikator);
  const targetGroup = chosenTargetGroup(request, indicator.targetGroups);
  return {
    municipality,
    indicator,
    detail: indicatorDetail(context.db, indicator, municipality, targetGroup),
    canCompare: can(actor, { kind: "read-all-municipalities" }),
  };
}

/** "Jammerbugt: fra 44 % i 2015/16 til 48 % i 2024/25." from the first and last known values. */
function trendSentence(t: ReturnType<typeof useT>, who: string, points: Point[], format: (v: number | null) => string) {
  const known = points.filter((p) => p.value !== null);
  if (known.length === 0) return t("indicator.summaryNoData", { who });
  const first = known[0];
  const last = known[known.length - 1];
  return t("indicator.summaryTrend", { who, from: format(first.value), first: first.period, to: format(last.value), last: last.period });
}

export default function IndicatorPage() {
  const f = useFormat();
  const { municipality, indicator, detail, canCompare } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const name = indicatorName(indicator, locale);
  const unit = indicator.unit;
  const fmt = (v: number | null) => f.value(v, unit);
  const fmtPoint = (p: Point) => f.value(p.value, unit, { withheld: p.withheld });

  const scopes = [
    { key: "municipality", label: municipality.name, colour: SERIES_COLOURS.municipality },
    { key: "region", label: municipality.regionName, colour: SERIES_COLOURS.region, dash: "6 4" },
    { key: "nation", label: t("overview.nation"), colour: SERIES_COLOURS.nation, dash: "2 3" },
    { key: "group", label: t("indicator.comparisonGroup"), colour: SERIES_COLOURS.group, dash: "10 3" },
  ] as const;
  const groupLabel = t(targetGroupKey(detail.targetGroup));
  const trendTitle = `${t("indicator.trendTitle", { name: municipality.name, region: municipality.regionName })} (${groupLabel})`;
  const groupsTitle = detail.latestPeriod ? t("indicator.groupsTitle", { period: detail.latestPeriod }) : "";

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t("nav.municipalities"), to: "/" },
          { label: municipality.name, to: `/kommuner/${municipality.code}?maalgruppe=${detail.targetGroup}` },
          { label: name },
        ]}
      />
      <h1>{t("indicator.titleFor", { indicator: name, name: municipality.name })}</h1>
      {indicator.targetGroups.length > 1 ? <TargetGroupSwitch groups={indicator.targetGroups} current={detail.targetGroup} /> : null}

      <ChartFigure
        id="udvikling"
        title={trendTitle}
        summary={trendSentence(
          t,
          municipality.name,
          detail.trend.map((r) => r.municipality),
          fmt,
        )}
        chart={(label) => (
          <LineTrendChart
            label={label}
            unit={unit}
            // a count of children in one municipality beside the national count says nothing; the table has both
            series={(unit === "count" ? scopes.slice(0, 1) : scopes).map((s) => ({ ...s, dash: "dash" in s ? s.dash : undefined }))}
            rows={detail.trend.map((r) => ({
              period: r.period,
              municipality: r.municipality.value,
              region: r.region.value,
              nation: r.nation.value,
              group: r.group.value,
            }))}
          />
        )}
        table={
          <ScopeTable
            caption={t("indicator.tableFor", { title: trendTitle })}
            rowHeading={t("indicator.period")}
            scopes={scopes}
            nLabel={`${municipality.name}: n`}
            unit={unit}
            rows={detail.trend.map((r) => ({
              key: r.period,
              label: r.period,
              municipality: r.municipality,
              region: r.region,
              nation: r.nation,
              group: r.group,
            }))}
          />
        }
      />

      <p className="note">
        {t("indicator.comparisonGroupNote")} {t("catalogue.groupTooFew")}{" "}
        {canCompare ? <Link to={`/sammenlign/grupper?kommune=${municipality.code}`}>{t("indicator.comparisonGroupLink")}</Link> : null}
      </p>

      {detail.groups.length > 1 ? (
        <ChartFigure
          id="maalgrupper"
          title={groupsTitle}
          summary={t("indicator.summaryGroups", {
            period: detail.latestPeriod,
            name: municipality.name,
            values: detail.groups
              .map((g) => `${t(targetGroupShortKey(g.targetGroup)).toLocaleLowerCase(locale)} ${fmtPoint(g.municipality)}`)
              .join(", "),
          })}
          chart={(label) => (
            <GroupedBarChart
              label={label}
              unit={unit}
              categoryKey="category"
              series={scopes.map((s) => ({ key: s.key, label: s.label, colour: s.colour }))}
              rows={detail.groups.map((g) => ({
                category: t(targetGroupShortKey(g.targetGroup)),
                municipality: g.municipality.value,
                region: g.region.value,
                nation: g.nation.value,
                group: g.group.value,
              }))}
            />
          )}
          table={
            <ScopeTable
              caption={t("indicator.tableFor", { title: groupsTitle })}
              rowHeading={t("indicator.targetGroup")}
              scopes={scopes}
              nLabel={`${municipality.name}: n`}
              unit={unit}
              rows={detail.groups.map((g) => ({
                key: g.targetGroup,
                label: t(targetGroupKey(g.targetGroup)),
                municipality: g.municipality,
                region: g.region,
                nation: g.nation,
                group: g.group,
              }))}
            />
          }
        />
      ) : null}

      {detail.breakdown ? <BreakdownFigure /> : null}

      <section aria-labelledby="om-indikatoren" className="about-indicator">
        <h2 id="om-indikatoren">{t("indicator.aboutTitle")}</h2>
        <h3 className="h4">{t("indicator.definitionTitle")}</h3>
        <p>{citeSources(indicator.definition)}</p>
        <dl className="facts">
          <div>
            <dt>{t("indicator.source")}</dt>
            <dd>{citeSources(indicator.source)}</dd>
          </div>
          <div>
            <dt>{t("indicator.cadence")}</dt>
            <dd>{t(`cadence.${indicator.cadence}`)}</dd>
          </div>
          <div>
            <dt>{t("indicator.unit")}</dt>
            <dd>{t(`units.${indicator.unit}`)}</dd>
          </div>
          <div>
            <dt>{t("indicator.department")}</dt>
            <dd>{t(`department.${indicator.department}`)}</dd>
          </div>
          <div>
            <dt>{t("indicator.polarity")}</dt>
            <dd>{t(`polarity.${indicator.polarity}`)}</dd>
          </div>
          <div>
            <dt>{t("indicator.challenges")}</dt>
            <dd>{indicator.challenges.join(", ")}</dd>
          </div>
        </dl>
        <MarksLegend />
      </section>
    </>
  );
}

function BreakdownFigure() {
  const f = useFormat();
  const { municipality, indicator, detail } = useLoaderData<typeof loader>();
  const t = useT();
  const rows = detail.breakdown ?? [];
  const sites = indicator.breakdowns;
  // the placements by site, or the pupils by where they are taught
  const teaching = sites.every((s) => (TEACHING_SITES as readonly string[]).includes(s));
  const siteLabel = (s: string) =>
    teaching ? t(`catalogue.teachingSites.${s as (typeof TEACHING_SITES)[number]}`) : t(`placementSites.${s as PlacementSite}`);
  const title = teaching
    ? t("catalogue.teachingTitle", { name: municipality.name })
    : t("indicator.breakdownTitle", { name: municipality.name });
  const last = [...rows].reverse().find((r) => r.total.value !== null);
  const biggest = last ? sites.reduce((a, b) => ((last.sites[b].value ?? -1) > (last.sites[a].value ?? -1) ? b : a), sites[0]) : null;
  const summary =
    last && biggest
      ? t(teaching ? "catalogue.teachingSummary" : "indicator.summaryBreakdown", {
          period: last.period,
          count: f.integer(last.total.value ?? 0),
          name: municipality.name,
          site: siteLabel(biggest).toLocaleLowerCase("da-DK"),
        })
      : t("indicator.summaryNoData", { who: municipality.name });
  return (
    <ChartFigure
      id="anbringelsessted"
      title={title}
      summary={summary}
      chart={(label) => (
        <StackedBarChart
          label={label}
          unit={indicator.unit}
          keys={sites.map((s) => ({ key: s, label: siteLabel(s) }))}
          rows={rows.map((r) => ({ period: r.period, ...Object.fromEntries(Object.entries(r.sites).map(([site, p]) => [site, p.value])) }))}
        />
      )}
      table={
        <table className="table table--compact data-table stacked-table">
          <caption>{t("indicator.tableFor", { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("indicator.period")}</th>
              {sites.map((s) => (
                <th key={s} scope="col" className="num">
                  {siteLabel(s)}
                </th>
              ))}
              <th scope="col" className="num">
                {t("indicator.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.period}>
                <th scope="row">{r.period}</th>
                {sites.map((s) => (
                  <td key={s} className="num" data-label={siteLabel(s)}>
                    <FigureValue figure={r.sites[s]} unit={indicator.unit} />
                  </td>
                ))}
                <td className="num" data-label={t("indicator.total")}>
                  <FigureValue figure={r.total} unit={indicator.unit} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
