import { Link, useLocation } from "@remix-run/react";
import { targetGroupKey } from "~/i18n/keys";
import { useT } from "~/i18n/react";

/** Links, not buttons, so switching works without JavaScript and the choice is in the URL. */
export function TargetGroupSwitch({ groups, current }: { groups: readonly string[]; current: string }) {
  const t = useT();
  const location = useLocation();
  const href = (g: string) => {
    const params = new URLSearchParams(location.search);
    params.set("maalgruppe", g);
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="group-switch" aria-label={t("overview.targetGroupSwitch")}>
      <span className="group-switch__label" aria-hidden="true">
        {t("overview.targetGroupSwitch")}:
      </span>
      <ul className="unstyled-list no-max-width">
        {groups.map((g) => (
          <li key={g}>
            <Link to={href(g)} aria-current={g === current ? "true" : undefined} preventScrollReset>
              {t(targetGroupKey(g))}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
