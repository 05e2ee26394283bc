import { pageTitle } from "~/i18n/meta";
import { requestLocale } from "~/http/edge.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireActor } from "~/data/auth.server";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listChallenges, listIndicators, listMunicipalities } from "~/data/catalogue.server";
import { searchMunicipalities } from "~/domain/search";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, (t) => t("titles.home"))];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  // a council member reads one municipality: the picker has nothing else to offer
  if (actor.role === "byraad" && actor.municipalityCode) throw redirect(`/kommuner/${actor.municipalityCode}`);
  const q = z
    .string()
    .max(100)
    .catch("")
    .parse(new URL(request.url).searchParams.get("q") ?? "");
  const municipalities = listMunicipalities(context.db);
  const indicators = listIndicators(context.db);
  return {
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
  const { q, municipalities, challenges } = useLoaderData<typeof loader>();
  const t = useT();
  const byRegion = new Map<string, typeof municipalities>();
  for (const m of municipalities) byRegion.set(m.regionName, [...(byRegion.get(m.regionName) ?? []), m]);
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>
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
