import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { data } from "@remix-run/node";
import "./load-context";
import stylesUrl from "./styles/app.css?url";
import { readMeta } from "./data/catalogue.server";
import { DEFAULT_LOCALE, getT, localeCookie, localeFromRequest, type Locale } from "./i18n/i18n";
import { LocaleProvider, useT } from "./i18n/react";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale, fromQuery } = localeFromRequest(request);
  const meta = readMeta(context.db);
  return data(
    { locale, demo: meta.demo === "1", dataLoadedAt: meta.data_loaded_at ?? null },
    fromQuery ? { headers: { "Set-Cookie": localeCookie(locale) } } : undefined,
  );
}

export type RootData = Awaited<ReturnType<typeof loader>>["data"];

function Shell({ children, locale, demo }: { children: React.ReactNode; locale: Locale; demo: boolean }) {
  const t = getT(locale);
  const location = useLocation();
  const other: Locale = locale === "da" ? "en" : "da";
  const params = new URLSearchParams(location.search);
  params.set("lng", other);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#indhold">
          {t("app.skipToContent")}
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link to="/" className="site-header__brand">
              <span className="site-header__name">{t("app.name")}</span>
              <span className="site-header__tagline">{t("app.tagline")}</span>
            </Link>
            <a className="site-header__lang" href={`${location.pathname}?${params}`} hrefLang={other} lang={other} aria-label={getT(other)("app.switchLanguageLabel")}>
              {t("app.switchLanguage")}
            </a>
          </div>
          <nav className="site-nav" aria-label={t("app.mainNav")}>
            <ul className="container site-nav__list">
              <li>
                <Link to="/" aria-current={location.pathname === "/" ? "page" : undefined}>
                  {t("nav.home")}
                </Link>
              </li>
            </ul>
          </nav>
        </header>
        {demo ? (
          <div className="demo-notice" role="note">
            <div className="container">{t("app.demoNotice")}</div>
          </div>
        ) : null}
        <main id="indhold" className="container main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">{t("app.footer")}</div>
        </footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const locale = root?.locale ?? DEFAULT_LOCALE;
  return (
    <LocaleProvider locale={locale}>
      <Shell locale={locale} demo={root?.demo ?? false}>
        {children}
      </Shell>
    </LocaleProvider>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  let title = t("errors.title");
  let message = t("errors.generic");
  if (isRouteErrorResponse(error)) {
    title = error.status === 404 ? t("errors.notFoundTitle") : error.status === 400 ? t("errors.badRequestTitle") : title;
    if (typeof error.data === "string" && error.data) message = error.data;
  }
  return (
    <div className="error-page">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">{t("errors.backHome")}</Link>
      </p>
    </div>
  );
}
