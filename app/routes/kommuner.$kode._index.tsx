import { targetGroupKey } from "~/i18n/keys";
import { pageTitle } from "~/i18n/meta";
import { requestLocale } from "~/http/edge.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { MarksLegend } from "~/components/FigureValue";
import { IndicatorCardView } from "~/components/IndicatorCardView";
import { TargetGroupSwitch } from "~/components/TargetGroupSwitch";
import { municipalityOverview } from "~/data/indicator-views.server";
import { chosenTargetGroup, requireMunicipality } from "~/data/params.server";
import { jointStateOfTargets } from "~/data/targets.server";
import { SWITCHABLE_TARGET_GROUPS } from "~/domain/catalogue";
import { useFormat, useT } from "~/i18n/react";
import { requireActor, requirePermission } from "~/data/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageTitle(matches, (t) => (data ? t("titles.overview", { name: data.municipality.name }) : null)),
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  const municipality = requireMunicipality(context.db, params.kode);
  requirePermission(actor, { kind: "read-municipality", municipality: municipality.code });
  const url = new URL(request.url);
  // no group in the URL: the overview picks the one with most shown figures
  const explicit = url.searchParams.get("maalgruppe") ? chosenTargetGroup(request) : null;
  const challenge = z.coerce
    .number()
    .int()
    .min(1)
    .max(8)
    .nullable()
    .catch(null)
    .parse(url.searchParams.get("udfordring") || null);
  const overview = municipalityOverview(context.db, municipality, explicit, requestLocale(request));
  return {
    municipality,
    targetGroup: overview.targetGroup,
    challenge,
    overview,
    targets: jointStateOfTargets(context.db, municipality.code),
  };
}

export default function MunicipalityOverviewPage() {
  const { municipality, targetGroup, challenge, overview, targets } = useLoaderData<typeof loader>();
  const t = useT();
  const f = useFormat();
  const location = useLocation();
  const filterHref = (n: number | null) => {
    const params = new URLSearchParams(location.search);
    if (n === null) params.delete("udfordring");
    else params.set("udfordring", String(n));
    const q = params.toString();
    return q ? `${location.pathname}?${q}` : location.pathname;
  };
  const cards = challenge === null ? overview.cards : overview.cards.filter((c) => c.challenges.includes(challenge));
  const base = `/kommuner/${municipality.code}?maalgruppe=${targetGroup}`;
  return (
    <>
      <h1>{t("overview.title", { name: municipality.name })}</h1>
      <p className="lead">{t("overview.intro")}</p>
      <TargetGroupSwitch groups={SWITCHABLE_TARGET_GROUPS} current={targetGroup} />
      <section className="verdict-summary card" aria-labelledby="verdict-title" data-testid="verdict-summary">
        <h2 id="verdict-title" className="h3">
          {t("verdict.summaryTitle", { group: t(targetGroupKey(targetGroup)) })}
        </h2>
        <ul>
          {(["nation", "region"] as const).map((ref) => {
            const s = overview.summary[ref];
            return (
              <li
                key={ref}
                data-reference={ref}
                data-better={s.better}
                data-same={s.same}
                data-worse={s.worse}
                data-not-shown={s["not-shown"]}
              >
                {t("verdict.summaryLine", {
                  reference:
                    ref === "nation" ? t("verdict.againstNation") : t("verdict.againstRegion", { region: municipality.regionName }),
                  better: s.better,
                  same: s.same,
                  worse: s.worse,
                  notShown: s["not-shown"],
                })}{" "}
                <Link to={`${base}#indikatorer`}>{t("verdict.seeIndicators")}</Link>
              </li>
            );
          })}
        </ul>
        <h3 className="h4">{t("verdict.targetsTitle", { quarter: f.quarter(targets.quarter) })}</h3>
        {targets.targets.length === 0 ? (
          <p>
            {t("verdict.noTargets")} <Link to={`/kommuner/${municipality.code}/maal`}>{t("verdict.seeTargets")}</Link>
          </p>
        ) : (
          <ul data-testid="targets-state">
            {(["naaet", "paa-sporet", "i-risiko", "bagud", "mangler"] as const).map((state) => {
              const list = targets.targets.filter((x) => x.state === state);
              if (!list.length) return null;
              return (
                <li key={state}>
                  {t(`verdict.targetState.${state}`)} ({list.length}):{" "}
                  {list.map((x, i) => (
                    <span key={x.id}>
                      {i > 0 ? ", " : ""}
                      <Link to={`/kommuner/${municipality.code}/maal/${x.id}`}>{x.title}</Link>
                    </span>
                  ))}
                </li>
              );
            })}
          </ul>
        )}
        <p className="muted">
          {t("verdict.method")} <Link to="/om-data#vurdering">{t("verdict.methodLink")}</Link>
        </p>
      </section>
      <MarksLegend />
      <nav aria-label={t("verdict.filterLabel")} className="challenge-filter group-switch">
        <span className="group-switch__label" aria-hidden="true">
          {t("verdict.filterLabel")}:
        </span>
        <ul className="unstyled-list no-max-width">
          <li>
            <Link to={filterHref(null)} aria-current={challenge === null ? "true" : undefined} preventScrollReset>
              {t("verdict.allChallenges")}
            </Link>
          </li>
          {overview.challenges.map((c) => (
            <li key={c.number}>
              <Link to={filterHref(c.number)} aria-current={challenge === c.number ? "true" : undefined} title={c.title} preventScrollReset>
                {c.number}. {c.shortTitle}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 id="indikatorer" className="h3">
        {challenge === null
          ? t("verdict.allIndicators", { count: cards.length })
          : t("overview.challengeHeading", {
              number: challenge,
              title: overview.challenges.find((c) => c.number === challenge)?.shortTitle ?? "",
            })}
      </h2>
      {cards.length === 0 ? (
        <p>{t("overview.noIndicators")}</p>
      ) : (
        <div className="card-grid">
          {cards.map((card) => (
            <IndicatorCardView
              key={card.code}
              card={card}
              municipalityCode={municipality.code}
              regionName={municipality.regionName}
              challengeTags={card.challenges.map((n) => ({
                number: n,
                title: overview.challenges.find((c) => c.number === n)?.shortTitle ?? "",
                href: filterHref(n),
              }))}
            />
          ))}
        </div>
      )}
    </>
  );
}
