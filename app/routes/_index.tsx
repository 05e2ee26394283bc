import { pageTitle } from "~/i18n/meta";
import { requestLocale } from "~/http/edge.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireActor } from "~/data/auth.server";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listChallenges, listIndicators, listMunicipalities } from "~/data/catalogue.server";
import { listReports } from "~/data/reports.server";
import { partnershipQuarter } from "~/data/targets.server";
import { searchMunicipalities } from "~/domain/search";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, (t) => t("titles.home"))];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  // landing per role: a director on their municipality's overview, a council member on its newest
  // published report (or a page saying none is published yet), the secretariat on the partnership
  if ((actor.role === "skoledirektoer" || actor.role === "socialdirektoer") && actor.municipalityCode)
    throw redirect(`/kommuner/${actor.municipalityCode}`);
  if (actor.role === "byraad" && actor.municipalityCode) {
    const newest = listReports(context.db, actor.municipalityCode)[0];
    if (newest) throw redirect(`/kommuner/${actor.municipalityCode}/rapporter/${newest.quarter}`);
    const own = listMunicipalities(context.db).find((m) => m.code === actor.municipalityCode)!;
    return { kind: "no-report" as const, municipality: { code: own.code, name: own.name } };
  }
  const q = z
    .string()
    .max(100)
    .catch("")
    .parse(new URL(request.url).searchParams.get("q") ?? "");
  const municipalities = listMunicipalities(context.db);
  const indicators = listIndicators(context.db);
  return {
    kind: "picker" as const,
    partnership: actor.role === "sekretariat" ? partnershipQuarter(context.db) : null,
    q,
    municipalities: searchMunicipalities(municipalities, q),
    total: municipalities.length,
    challenges: listChallenges(context.db, requestLocale(request)).map((c) => ({
      ...c,
      indicatorCount: indicators.filter((i) => i.challenges.includes(c.number)).length,
    })),
  };
}

export default function Index() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  if (data.kind === "no-report") {
    return (
      <>
        <h1>{t("landing.noReportTitle")}</h1>
        <p className="lead">{t("landing.noReportBody", { name: data.municipality.name })}</p>
        <p>
          <Link to={`/kommuner/${data.municipality.code}`}>{t("landing.noReportOverview")}</Link>
        </p>
      </>
    );
  }
  const { q, municipalities, challenges, partnership } = data;
  const byRegion = new Map<string, typeof municipalities>();
  for (const m of municipalities) byRegion.set(m.regionName, [...(byRegion.get(m.regionName) ?? []), m]);
  return (
    <>
      {partnership ? (
        <>
          <h1>{t("landing.partnershipTitle", { quarter: partnership.quarter })}</h1>
          <p className="lead">{t("landing.partnershipIntro")}</p>
          <div className="partnership-landing">
            <section aria-labelledby="with-status" data-testid="with-status">
              <h2 id="with-status" className="h3">
                {t("landing.withStatus", { count: partnership.withStatus.length })}
              </h2>
              {partnership.withStatus.length ? (
                <ul>
                  {partnership.withStatus.map((m) => (
                    <li key={m.code}>
                      <Link to={`/kommuner/${m.code}/maal`}>{m.name}</Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t("landing.none")}</p>
              )}
            </section>
            <section aria-labelledby="missing-status" data-testid="missing-status">
              <h2 id="missing-status" className="h3">
                {t("landing.missingStatus", { count: partnership.missing.length })}
              </h2>
              {partnership.missing.length ? (
                <ul>
                  {partnership.missing.map((m) => (
                    <li key={m.code}>
                      <Link to={`/kommuner/${m.code}/maal`}>{m.name}</Link>{" "}
                      <span className="muted">
                        ({m.joint}/{m.targets})
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t("landing.none")}</p>
              )}
            </section>
            <section aria-labelledby="partnership-targets" data-testid="partnership-targets">
              <h2 id="partnership-targets" className="h3">
                {t("landing.targetsTitle")}
              </h2>
              <ul>
                {partnership.targets.map((pt) => (
                  <li key={pt.id}>
                    <Link to={`/partnerskabsmaal/${pt.id}`}>{pt.title}</Link>:{" "}
                    {(["naaet", "paa-sporet", "i-risiko", "bagud", "ingen-data"] as const)
                      .filter((s) => pt.byStatus[s] > 0)
                      .map((s) => `${pt.byStatus[s]} ${t(`status.${s}`).toLowerCase()}`)
                      .join(", ") || t("landing.none")}
                  </li>
                ))}
              </ul>
            </section>
          </div>
          <h2>{t("landing.allMunicipalities")}</h2>
        </>
      ) : (
        <>
          <h1>{t("home.title")}</h1>
          <p className="lead">{t("home.intro")}</p>
        </>
      )}
      <Form method="get" className="search-form" role="search">
        <div className="form-group">
          <label className="form-label" htmlFor="q">
            {t("home.searchLabel")}
          </label>
          <span className="form-hint" id="q-hint">
            {t("home.searchHint")}
          </span>
          <div className="search-form__row">
            <input id="q" name="q" type="search" className="form-input" defaultValue={q} aria-describedby="q-hint" autoComplete="off" />
            <button type="submit" className="button button-primary">
              {t("home.searchButton")}
            </button>
          </div>
        </div>
      </Form>
      <p aria-live="polite" className="result-count">
        {municipalities.length === 0 ? t("home.noResults", { q }) : t("home.resultCount", { count: municipalities.length })}
      </p>
      <div className="region-list">
        {[...byRegion.entries()].map(([region, list]) => (
          <section key={region} aria-labelledby={`region-${list[0].regionCode}`}>
            <h2 id={`region-${list[0].regionCode}`} className="h3">
              {region}
            </h2>
            <ul className="municipality-list unstyled-list">
              {list.map((m) => (
                <li key={m.code}>
                  <Link to={`/kommuner/${m.code}`}>
                    {m.name} <span className="muted">({m.code})</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <section aria-labelledby="challenges-title" className="challenges">
        <h2 id="challenges-title">{t("home.challengesTitle")}</h2>
        <p>{t("home.challengesIntro")}</p>
        <ol className="challenge-list">
          {challenges.map((c) => (
            <li key={c.number} className="card dashboard-card">
              <h3 className="h4">
                {c.number}. {c.shortTitle}
              </h3>
              <p>{c.title}.</p>
              <p className="muted">{t("home.indicatorsCount", { count: c.indicatorCount })}</p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
