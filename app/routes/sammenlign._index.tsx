import { pageTitle } from "~/i18n/meta";
import { requestLocale } from "~/http/edge.server";
import { targetGroupKey, targetGroupShortKey } from "~/i18n/keys";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ChartFigure } from "~/components/ChartFigure";
import { MunicipalityMap, RankedBars, ScatterPlot, bandColour } from "~/components/ComparisonCharts";
import { FigureValue } from "~/components/FigureValue";
import { Alert } from "~/components/ui/Alert";
import { SelectField } from "~/components/ui/FormField";
import { requireActor, requirePermission } from "~/data/auth.server";
import { listIndicators, listMunicipalities } from "~/data/catalogue.server";
import {
  ComparisonQueryError,
  comparisonSearch,
  comparisonTable,
  parseComparisonQuery,
  scatter,
  type ComparisonRow,
  type ReferenceRow,
} from "~/data/comparison.server";
import { SELECTIONS, SORT_KEYS, type Band, type SortKey } from "~/domain/comparison";
import { compareDa } from "~/domain/format";
import { indicatorName } from "~/domain/catalogue";
import { useFormat, useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, (t) => t("titles.compare"))];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  requirePermission(actor, { kind: "read-all-municipalities" });
  const params = new URL(request.url).searchParams;
  try {
    const { choice, notices, scatterX } = parseComparisonQuery(context.db, params, actor.municipalityCode);
    const table = comparisonTable(context.db, choice);
    const plot = scatter(context.db, choice, scatterX);
    const { indicator, focus } = choice;
    const municipalities = listMunicipalities(context.db);
    // names in the page's language only: the page hydrates from this on every visit
    const locale = requestLocale(request);
    return {
      choice: {
        ...choice,
        indicator: {
          code: indicator.code,
          name: indicatorName(indicator, locale),
          unit: indicator.unit,
          polarity: indicator.polarity,
          targetGroups: indicator.targetGroups,
        },
      },
      search: comparisonSearch(choice),
      sortLinks: Object.fromEntries(
        SORT_KEYS.map((key) => [
          key,
          comparisonSearch(choice, {
            sorter: key,
            retning: choice.sort === key && choice.direction === "asc" ? "desc" : "asc",
            x: scatterX.code,
          }),
        ]),
      ),
      notices,
      table,
      plot: plot && {
        ...plot,
        x: {
          ...plot.x,
          indicator: {
            code: plot.x.indicator.code,
            name: indicatorName(plot.x.indicator, locale),
            unit: plot.x.indicator.unit,
          },
        },
        y: {
          ...plot.y,
          indicator: {
            code: plot.y.indicator.code,
            name: indicatorName(plot.y.indicator, locale),
            unit: plot.y.indicator.unit,
          },
        },
      },
      focusName: focus?.name ?? null,
      indicators: listIndicators(context.db).map((i) => ({ code: i.code, name: indicatorName(i, locale) })),
      regions: [...new Map(municipalities.map((m) => [m.regionCode, m.regionName]))].sort((a, b) => compareDa(a[1], b[1])),
      municipalities: municipalities.map((m) => ({ code: m.code, name: m.name })),
    };
  } catch (e) {
    if (e instanceof ComparisonQueryError) throw e; // the edge answers 400
    throw e;
  }
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

const BAND_SYMBOL: Record<Band, string> = { best: "▲", middle: "◆", worst: "▼" };

type T = ReturnType<typeof useT>;

// The table's per-row parts are plain functions, not components: 98 rows of components cost the
// server a render each for what is a few words.
function bandLabel(t: T, band: Band | null, withheld: boolean, neutral: boolean) {
  // the symbol (▲ ◆ ▼) is drawn by the style sheet: one rule, not a span in each of 98 rows
  if (band) return <span className={`band-label band-label--${band}`}>{t(`compare.bands.${band}`)}</span>;
  return <span className="band-label">{withheld || !neutral ? t("compare.notRanked") : t("compare.bandNeutral")}</span>;
}

export default function ComparePage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const { choice, table } = data;
  const unit = choice.indicator.unit;
  const neutral = choice.indicator.polarity === "neutral";
  const groupLabel = t(targetGroupKey(choice.targetGroup));
  const title = t("compare.tableTitle", { indicator: choice.indicator.name, group: groupLabel, period: choice.period });
  const ranked = table.rows.filter((r) => r.value !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const refName = (r: ReferenceRow) =>
    r.kind === "nation" ? t("compare.refNation") : r.kind === "group" ? t("compare.refGroup", { name: r.name }) : r.name;

  return (
    <>
      <h1>{t("compare.title")}</h1>
      <p className="lead">{t("compare.intro")}</p>

      <Form method="get" className="filter-form" aria-label={t("compare.formTitle")}>
        <SelectField id="indikator" name="indikator" label={t("compare.indicator")} defaultValue={choice.indicator.code}>
          {data.indicators.map((i) => (
            <option key={i.code} value={i.code}>
              {i.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="maalgruppe" name="maalgruppe" label={t("compare.targetGroup")} defaultValue={choice.targetGroup}>
          {choice.indicator.targetGroups.map((g) => (
            <option key={g} value={g}>
              {t(targetGroupKey(g))}
            </option>
          ))}
        </SelectField>
        <SelectField id="periode" name="periode" label={t("compare.period")} defaultValue={choice.period}>
          {[...choice.periods].reverse().map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </SelectField>
        <SelectField id="region" name="region" label={t("compare.region")} defaultValue={choice.region ?? ""}>
          <option value="">{t("compare.allRegions")}</option>
          {data.regions.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </SelectField>
        <SelectField id="udvalg" name="udvalg" label={t("compare.selection")} defaultValue={choice.selection}>
          {SELECTIONS.map((s) => (
            <option key={s} value={s}>
              {t(`compare.selections.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="kommune" name="kommune" label={t("compare.focus")} defaultValue={choice.focus?.code ?? ""}>
          <option value="">{t("compare.noFocus")}</option>
          {data.municipalities.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </SelectField>
        {data.plot ? <input type="hidden" name="x" value={data.plot.x.indicator.code} /> : null}
        <button type="submit" className="button button-primary">
          {t("compare.show")}
        </button>
      </Form>

      {data.notices.map((n) => (
        <Alert key={n.kind} variant="info" role="status">
          {n.kind === "group"
            ? t("compare.noticeGroup", { asked: n.asked, shown: t(targetGroupKey(n.shown)) })
            : t("compare.noticePeriod", { asked: n.asked, shown: n.shown })}
        </Alert>
      ))}

      <p className="compare-links no-print">
        {t("compare.download")} <a href={`/sammenlign/eksport${data.search}&format=xlsx`}>{t("compare.downloadXlsx")}</a> ·{" "}
        <a href={`/sammenlign/eksport${data.search}&format=csv`}>{t("compare.downloadCsv")}</a>
        {choice.focus ? (
          <>
            {" · "}
            <Link to={`/sammenlign/grupper?kommune=${choice.focus.code}`}>{t("compare.groupLink")}</Link>
          </>
        ) : null}
      </p>

      <h2 id="tabel">{title}</h2>
      {neutral ? <p>{t("compare.neutralRank")}</p> : null}
      <ComparisonTableView data={data} title={title} refName={refName} />

      <h2>{t("compare.picturesTitle")}</h2>
      {ranked.length > 0 ? (
        <ChartFigure
          id="rangering"

          tableOpen={false}
          title={t("compare.barsTitle", { period: choice.period })}
          summary={t(neutral ? "compare.barsSummaryNeutral" : "compare.barsSummary", { count: ranked.length })}
          chart={(label) => (
            <>
              <RankedBars
                label={`${label.title}. ${label.desc}`}
                unit={unit}
                rows={ranked.map((r) => ({ code: r.code, name: r.name, value: r.value!, band: r.band, focus: r.focus }))}
                refs={table.references
                  .filter((r) => r.value !== null)
                  .map((r, i) => ({ label: refName(r), value: r.value!, dash: ["2 3", "6 4", "10 3"][Math.min(i, 2)] }))}
              />
              {neutral ? null : <BandLegend />}
            </>
          )}
          // the bars are the main table's ranked rows: one table with the figures, not three
          table={{ href: "#tabel", label: t("compare.figuresInTable") }}
        />
      ) : null}
      {data.plot && data.plot.points.length > 0 ? <ScatterFigure plot={data.plot} /> : null}
      <MapFigure rows={table.rows} unit={unit} title={t("compare.mapTitle", { indicator: choice.indicator.name, period: choice.period })} />
    </>
  );
}

function ComparisonTableView({ data, title, refName }: { data: Data; title: string; refName: (r: ReferenceRow) => string }) {
  const f = useFormat();
  const t = useT();
  const { choice, table } = data;
  const unit = choice.indicator.unit;
  const columns: { key: SortKey; label: string; num?: boolean }[] = [
    { key: "navn", label: t("compare.colMunicipality") },
    { key: "region", label: t("compare.colRegion") },
    { key: "vaerdi", label: t("compare.colValue"), num: true },
    { key: "n", label: t("compare.colN"), num: true },
    { key: "rang", label: t("compare.colRank"), num: true },
    {
      key: "aendring",
      label: table.previousPeriod ? t("compare.colChange", { period: table.previousPeriod }) : t("compare.colChangeNone"),
      num: true,
    },
  ];
  return (
    <>
      {/* the caption scrolls with a wide table; the count goes above it, where a phone shows it whole */}
      <p aria-hidden="true">{t("compare.tableCaption", { count: table.rows.length, ranked: table.ranked })}</p>
      <div className="table-scroll" role="region" aria-labelledby="tabel" tabIndex={0}>
        <table className="table table--compact data-table compare-table">
          <caption className="visually-hidden">
            {title}. {t("compare.tableCaption", { count: table.rows.length, ranked: table.ranked })}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const sorted = choice.sort === c.key;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    className={c.num ? "num" : undefined}
                    aria-sort={sorted ? (choice.direction === "asc" ? "ascending" : "descending") : undefined}
                  >
                    <Link
                      to={data.sortLinks[c.key]}
                      preventScrollReset
                      aria-label={
                        t("compare.sortBy", { column: c.label }) +
                        (sorted ? `, ${t(choice.direction === "asc" ? "compare.sortedAsc" : "compare.sortedDesc")}` : "")
                      }
                    >
                      {c.label}
                      <span aria-hidden="true">{sorted ? (choice.direction === "asc" ? " ▲" : " ▼") : " ↕"}</span>
                    </Link>
                  </th>
                );
              })}
              <th scope="col">{t("compare.colBand")}</th>
            </tr>
          </thead>
          <tbody className="compare-table__references">
            {table.references.map((r) => (
              <tr key={`${r.kind}-${r.code}`}>
                <th scope="row" colSpan={2}>
                  {refName(r)}
                  {r.members ? <span className="compare-table__note"> ({t("compare.refGroupUsed", r.members)})</span> : null}
                </th>
                <td className="num">
                  <FigureValue figure={r} unit={unit} precise />
                </td>
                <td className="num">{r.n === null ? "–" : f.integer(r.n)}</td>
                <td colSpan={3} />
              </tr>
            ))}
          </tbody>
          <tbody>
            {table.rows.length === 0 ? (
              <tr>
                <td colSpan={7}>{t("compare.noData")}</td>
              </tr>
            ) : null}
            {table.rows.map((r) => (
              <tr
                key={r.code}
                className={`band-row band-row--${r.band ?? "none"}${r.focus ? " is-focus" : ""}`}
                aria-current={r.focus ? "true" : undefined}
              >
                <th scope="row">
                  {/* a plain link: Remix's Link resolves its path through the router for each of 98 rows; following one loads the page */}
                  <a href={`/kommuner/${r.code}/indikatorer/${choice.indicator.code}?maalgruppe=${choice.targetGroup}`}>{r.name}</a>
                  {tags(t, r)}
                </th>
                <td>{r.regionName.replace("Region ", "")}</td>
                <td className="num">
                  <FigureValue figure={{ value: r.value, withheld: r.withheld }} unit={unit} precise />
                </td>
                <td className="num">{r.n === null ? "–" : f.integer(r.n)}</td>
                <td className="num">{r.rank ?? "–"}</td>
                <td className="num">{f.change(r.change, unit)}</td>
                <td>{bandLabel(t, r.band, r.withheld, choice.indicator.polarity === "neutral")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function tags(t: T, row: ComparisonRow) {
  const tags = [
    row.focus ? t("compare.tagFocus") : null,
    row.inGroup ? t("compare.tagGroup") : null,
    row.member ? t("compare.tagMember") : null,
  ].filter(Boolean);
  if (tags.length === 0) return null;
  return (
    <span className="compare-table__tags">
      {tags.map((tag) => (
        <span key={tag} className="tag">
          {tag}
        </span>
      ))}
    </span>
  );
}

function ScatterFigure({ plot }: { plot: NonNullable<Data["plot"]> }) {
  const t = useT();
  const f = useFormat();
  const data = useLoaderData<typeof loader>();
  const xName = `${plot.x.indicator.name} (${t(targetGroupShortKey(plot.x.targetGroup))}, ${plot.x.period})`;
  const yName = `${plot.y.indicator.name} (${t(targetGroupShortKey(plot.y.targetGroup))}, ${plot.y.period})`;
  const fit = plot.fit;
  const strength = fit ? (fit.r2 < 0.1 ? "weak" : fit.r2 < 0.3 ? "moderate" : "clear") : null;
  const fitText = fit
    ? t("compare.scatterFit", {
        direction: t(`compare.directions.${fit.slope >= 0 ? "up" : "down"}`),
        strength: t(`compare.strengths.${strength!}`),
        r2: f.hundredths(fit.r2),
      })
    : t("compare.scatterNoFit");
  const title = t("compare.scatterTitle", { y: plot.y.indicator.name, x: plot.x.indicator.name });
  return (
    <>
      <Form method="get" className="filter-form no-print" action="/sammenlign#punktdiagram" aria-label={t("compare.scatterShow")}>
        {[...new URLSearchParams(data.search)].map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <SelectField id="x" name="x" label={t("compare.scatterX")} defaultValue={plot.x.indicator.code}>
          {data.indicators
            .filter((i) => i.code !== plot.y.indicator.code)
            .map((i) => (
              <option key={i.code} value={i.code}>
                {i.name}
              </option>
            ))}
        </SelectField>
        <button type="submit" className="button button-secondary">
          {t("compare.scatterShow")}
        </button>
      </Form>
      <ChartFigure
        id="punktdiagram"
        title={title}
        summary={t("compare.scatterSummary", { count: plot.points.length, omitted: plot.omitted, fit: fitText })}
        tableOpen={false}
        chart={(label) => (
          <ScatterPlot
            points={plot.points}
            xUnit={plot.x.indicator.unit}
            yUnit={plot.y.indicator.unit}
            xName={xName}
            yName={yName}
            fit={fit}
            fitLabel={t("compare.scatterLine")}
            label={`${label.title}. ${label.desc}`}
            keysHint={t("compare.keysHint")}
          />
        )}
        table={
          <table className="table table--compact data-table">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("compare.colMunicipality")}</th>
                <th scope="col" className="num">
                  {xName}
                </th>
                <th scope="col" className="num">
                  {yName}
                </th>
              </tr>
            </thead>
            <tbody>
              {plot.points.map((p) => (
                <tr key={p.code}>
                  <th scope="row">{p.name}</th>
                  <td className="num">{f.value(p.x, plot.x.indicator.unit)}</td>
                  <td className="num">{f.value(p.y, plot.y.indicator.unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </>
  );
}

function BandLegend() {
  const t = useT();
  return (
    <ul className="band-legend">
      {(["best", "middle", "worst"] as const).map((b) => (
        <li key={b}>
          <span className="band-legend__swatch" style={{ background: bandColour(b) }} aria-hidden="true" />
          <span aria-hidden="true">{BAND_SYMBOL[b]} </span>
          {t(`compare.bands.${b}`)}
        </li>
      ))}
      <li>
        <span className="band-legend__swatch" style={{ background: bandColour(null) }} aria-hidden="true" />
        {t("compare.notRanked")}
      </li>
    </ul>
  );
}

function MapFigure({ rows, unit, title }: { rows: ComparisonRow[]; unit: Data["choice"]["indicator"]["unit"]; title: string }) {
  const t = useT();
  const f = useFormat();
  return (
    <ChartFigure
      id="kort"
      tableOpen={false}
      title={title}
      summary={t("compare.mapSummary")}
      chart={(label) => (
        <MunicipalityMap
          rows={rows.map((r) => ({
            ...r,
            label: `${r.name}: ${f.value(r.value, unit, { withheld: r.withheld })}${r.band ? ` (${t(`compare.bands.${r.band}`)})` : ""}`,
          }))}
          label={`${label.title}. ${label.desc}`}
          keysHint={t("compare.keysHint")}
          legend={<BandLegend />}
        />
      )}
      table={{ href: "#tabel", label: t("compare.figuresInTable") }}
    />
  );
}
