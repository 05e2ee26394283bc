import { pageTitle } from "~/i18n/meta";
import { requestLocale } from "~/http/edge.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { MarksLegend } from "~/components/FigureValue";
import { IndicatorCardView } from "~/components/IndicatorCardView";
import { TargetGroupSwitch } from "~/components/TargetGroupSwitch";
import { municipalityOverview } from "~/data/indicator-views.server";
import { chosenTargetGroup, requireMunicipality } from "~/data/params.server";
import { SWITCHABLE_TARGET_GROUPS } from "~/domain/catalogue";
import { useT } from "~/i18n/react";
import { requireActor, requirePermission } from "~/data/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageTitle(matches, (t) => (data ? t("titles.overview", { name: data.municipality.name }) : null)),
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(context.db, request);
  const municipality = requireMunicipality(context.db, params.kode);
  requirePermission(actor, { kind: "read-municipality", municipality: municipality.code });
  const targetGroup = chosenTargetGroup(request);
  return { municipality, targetGroup, overview: municipalityOverview(context.db, municipality, targetGroup, requestLocale(request)) };
}

export default function MunicipalityOverviewPage() {
  const { municipality, targetGroup, overview } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("overview.title", { name: municipality.name })}</h1>
      <p className="lead">{t("overview.intro")}</p>
      <TargetGroupSwitch groups={SWITCHABLE_TARGET_GROUPS} current={targetGroup} />
      {overview.challenges.map((c) => (
        <section key={c.number} className="challenge-section" aria-labelledby={`udfordring-${c.number}`}>
          <h2 id={`udfordring-${c.number}`} className="h3">
            {t("overview.challengeHeading", { number: c.number, title: c.shortTitle })}
          </h2>
          <p className="muted challenge-section__title">{c.title}.</p>
          {c.cards.length === 0 ? (
            <p>{t("overview.noIndicators")}</p>
          ) : (
            <div className="card-grid">
              {c.cards.map((card) => (
                <IndicatorCardView key={card.code} card={card} municipalityCode={municipality.code} regionName={municipality.regionName} />
              ))}
            </div>
          )}
        </section>
      ))}
      <MarksLegend />
    </>
  );
}
