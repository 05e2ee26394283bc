import { Link } from "@remix-run/react";
import { targetGroupKey } from "~/i18n/keys";
import type { IndicatorCard } from "~/data/indicator-views.server";
import { MISSING_MARK } from "~/domain/format";
import { FigureValue } from "./FigureValue";
import { useT, useFormat } from "~/i18n/react";
import { Sparkline } from "./Sparkline";

const VERDICT_SYMBOL = { better: "▲", same: "≈", worse: "▼", "not-shown": "..", "not-judged": "–" } as const;

/** "På niveau med hele landet", "Bedre end Region Nordjylland", "Ikke vist (hele landet)": the phrase follows the verdict. */
function verdictText(t: ReturnType<typeof useT>, verdict: IndicatorCard["verdict"]["nation"], reference: string): string {
  return verdict === "better" || verdict === "same" || verdict === "worse"
    ? t(`verdict.judged.${verdict}`, { reference })
    : `${t(`verdict.word.${verdict}`)} (${reference})`;
}

export function IndicatorCardView({
  card,
  municipalityCode,
  regionName,
  challengeTags = [],
}: {
  card: IndicatorCard;
  municipalityCode: string;
  regionName: string;
  challengeTags?: { number: number; title: string; href: string }[];
}) {
  const f = useFormat();
  const t = useT();
  const name = card.name;
  const { first, last } = card.trend;
  const href = `/kommuner/${municipalityCode}/indikatorer/${card.code}?maalgruppe=${card.targetGroup}`;
  return (
    <article className="card dashboard-card indicator-card">
      <h3 className="indicator-card__title h4">
        <Link to={href}>{name}</Link>
      </h3>
      <p className="indicator-card__group muted">{t("overview.groupShown", { group: t(targetGroupKey(card.targetGroup)) })}</p>
      {card.verdict ? (
        <ul className="verdict-list unstyled-list" data-testid="card-verdict">
          {(["nation", "region"] as const).map((ref) => (
            <li key={ref} className={`verdict verdict--${card.verdict[ref]}`} data-reference={ref} data-verdict={card.verdict[ref]}>
              <span aria-hidden="true" className="verdict__symbol">
                {VERDICT_SYMBOL[card.verdict[ref]]}
              </span>{" "}
              {verdictText(t, card.verdict[ref], ref === "nation" ? t("verdict.theNation") : regionName)}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="indicator-card__main">
        <p className="indicator-card__value">
          <span className="visually-hidden">{card.latest ? t("overview.latest", { period: card.latest.period }) : ""}: </span>
          <FigureValue figure={card.latest} unit={card.unit} />
        </p>
        <Sparkline values={card.trend.values} label={first && last ? t("overview.trendLabel", { first, last }) : ""} />
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
        {card.previousPeriod ? (
          <div>
            <dt>{t("overview.change", { period: card.previousPeriod })}</dt>
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
      {challengeTags.length > 0 ? (
        <ul className="tag-list unstyled-list" aria-label={t("verdict.tagsLabel")}>
          {challengeTags.map((tag) => (
            <li key={tag.number}>
              <Link className="tag" to={tag.href} preventScrollReset>
                {tag.number}. {tag.title}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
