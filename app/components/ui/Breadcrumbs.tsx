import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";

export function Breadcrumbs({ items }: { items: { label: string; to?: string }[] }) {
  const t = useT();
  return (
    <nav aria-label={t("app.breadcrumbs")} className="breadcrumbs">
      <ol className="breadcrumbs__list">
        {items.map((item, i) => (
          <li key={item.label} className="breadcrumbs__list-item">
            {i > 0 ? (
              <svg
                className="icon-svg breadcrumbs__separator"
                aria-hidden="true"
                focusable="false"
                viewBox="0 0 24 24"
                width="16"
                height="16"
              >
                <path d="M10 6 8.59 7.41 13.17 12l-4.58 4.59L10 18l6-6z" fill="currentColor" />
              </svg>
            ) : null}
            {item.to ? (
              <Link to={item.to} className="breadcrumbs__link">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
