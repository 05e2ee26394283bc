import { Link } from "@remix-run/react";
import { targetGroupKey } from "~/i18n/keys";
import type { IndicatorCard } from "~/data/indicator-views.server";
import { MISSING_MARK } from "~/domain/format";
import { FigureValue } from "./FigureValue";
import { indicatorName } from "~/domain/catalogue";
import { useLocale, useT, useFormat } from "~/i18n/react";
import { Sparkline } from "./Sparkline";

export function IndicatorCardView({
  card,
  municipalityCode,
  regionName,
}: {
  card: IndicatorCard;
  municipalityCode: string;
  regionName: string;
}) {
  const f = useFormat();
  const t = useT();
  const locale = useLocale();
  const name = indicatorName(card, locale);
  const first = card.series[0]?.period;
  const last = card.series.at(-1)?.period;
  const href = `/kommuner/${municipalityCode}/indikatorer/${card.code}?maalgruppe=${card.targetGroup}`;
  return (
    <article className="card dashboard-card indicator-card">
      <h3 className="indicator-card__title h4">
        <Link to={href}>{name}</Link>
      </h3>
      <p className="indicator-card__group muted">{t("overview.groupShown", { group: t(targetGroupKey(card.targetGroup)) })}</p>
      <div className="indicator-card__main">
        <p className="indicator-card__value">
          <span className="visually-hidden">{card.latest ? t("overview.latest", { period: card.latest.period }) : ""}: </span>
          <FigureValue figure={card.latest} unit={card.unit} />
        </p>
        <Sparkline values={card.series.map((p) => p.value)} label={first && last ? t("overview.trendLabel", { first, last }) : ""} />
      </div>
      <dl className="indicator-card__facts">
        {card.latest ? (
          <div>
            <dt>{t("overview.latest", { period: card.latest.period })}</dt>
            <dd>
              <FigureValue figure={card.latest} unit={card.unit} />
            </dd>
          </div>
        ) : null}
        {card.previous ? (
          <div>
            <dt>{t("overview.change", { period: card.previous.period })}</dt>
            <dd>{f.change(card.change, card.unit)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{regionName}</dt>
          <dd>
            <FigureValue figure={card.region} unit={card.unit} />
          </dd>
        </div>
        <div>
          <dt>{t("overview.nation")}</dt>
          <dd>
            <FigureValue figure={card.nation} unit={card.unit} />
          </dd>
        </div>
        <div>
          <dt>{t("overview.n")}</dt>
          <dd>{card.latest?.n != null ? f.integer(card.latest.n) : MISSING_MARK}</dd>
        </div>
      </dl>
    </article>
  );
}
