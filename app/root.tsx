import { useState } from "react";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { pageTitle } from "./i18n/meta";
import {
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useParams,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { data } from "@remix-run/node";
import "./load-context";
import stylesUrl from "./styles/app.scss?url";
import { getActor } from "./data/auth.server";
import { listMunicipalities, readMeta } from "./data/catalogue.server";
import { can } from "./domain/access";
import { disclosureConfig } from "./data/config.server";
import { Alert } from "./components/ui/Alert";
import { DEFAULT_LOCALE, getT, localeCookie, localeFromRequest, type Locale } from "./i18n/i18n";
import { LocaleProvider, useT } from "./i18n/react";
import { useNonce } from "./nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// every page has a title, error pages too (routes set their own; an error keeps this one)
export const meta: MetaFunction = ({ error, matches }) => pageTitle(matches, (t) => (error ? t("titles.error") : null));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale, fromQuery } = localeFromRequest(request);
  const meta = readMeta(context.db);
  const actor = await getActor(context.db, request);
  return data(
    {
      user: actor
        ? { name: actor.name, email: actor.email, role: actor.role, municipalityCode: actor.municipalityCode, csrfToken: actor.csrfToken }
        : null,
      locale,
      demo: meta.demo === "1",
      dataLoadedAt: meta.data_loaded_at ?? null,
      disclosureK: disclosureConfig().k,
      // the switcher offers only what the user may open
      municipalities: actor
        ? listMunicipalities(context.db)
            .filter((m) => can(actor, { kind: "read-municipality", municipality: m.code }))
            .map(({ code, name }) => ({ code, name }))
        : [],
    },
    fromQuery ? { headers: { "Set-Cookie": localeCookie(locale) } } : undefined,
  );
}

type RootData = Awaited<ReturnType<typeof loader>>["data"];

function Shell({ children, locale, root }: { children: React.ReactNode; locale: Locale; root: RootData | undefined }) {
  const t = getT(locale);
  const nonce = useNonce();
  const location = useLocation();
  const params = useParams();
  const other: Locale = locale === "da" ? "en" : "da";
  const langParams = new URLSearchParams(location.search);
  langParams.set("lng", other);
  const current = params.kode && root?.municipalities.find((m) => m.code === params.kode);
  const user = root?.user ?? null;
  // the menu is open for the page it was opened on: following a link closes it
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === location.pathname;
  const nav = [
    ...(user && can(user, { kind: "read-all-municipalities" })
      ? [{ to: "/", label: t("nav.municipalities"), active: location.pathname === "/" }]
      : []),
    ...(current
      ? [
          {
            to: `/kommuner/${current.code}`,
            label: t("nav.overview", { name: current.name }),
            active:
              location.pathname.startsWith(`/kommuner/${current.code}`) &&
              !location.pathname.includes("/maal") &&
              !location.pathname.includes("/rapporter") &&
              !location.pathname.includes("/investeringer"),
          },
          // another municipality's targets and reports are internal to it: no link that answers 403
          ...(user && can(user, { kind: "read-targets", municipality: current.code })
            ? [
                {
                  to: `/kommuner/${current.code}/maal`,
                  label: t("nav.targets"),
                  active: location.pathname.startsWith(`/kommuner/${current.code}/maal`),
                },
                {
                  to: `/kommuner/${current.code}/investeringer`,
                  label: t("investments.nav"),
                  active: location.pathname.startsWith(`/kommuner/${current.code}/investeringer`),
                },
              ]
            : []),
          ...(user && can(user, { kind: "read-reports", municipality: current.code })
            ? [
                {
                  to: `/kommuner/${current.code}/rapporter`,
                  label: t("nav.reports"),
                  active: location.pathname.startsWith(`/kommuner/${current.code}/rapporter`),
                },
              ]
            : []),
        ]
      : []),
    ...(user ? [{ to: "/partnerskabsmaal", label: t("nav.partnership"), active: location.pathname.startsWith("/partnerskabsmaal") }] : []),
    ...(user && can(user, { kind: "read-all-municipalities" })
      ? [
          { to: "/sammenlign", label: t("nav.compare"), active: location.pathname.startsWith("/sammenlign") },
          { to: "/udfordringer", label: t("nav.challenges"), active: location.pathname.startsWith("/udfordringer") },
        ]
      : []),
    { to: "/om-data", label: t("nav.aboutData"), active: location.pathname === "/om-data" },
    ...(user ? [] : [{ to: "/login", label: t("login.title"), active: location.pathname === "/login" }]),
    ...(user && can(user, { kind: "load-data" })
      ? [{ to: "/indlaes", label: t("nav.import"), active: location.pathname.startsWith("/indlaes") }]
      : []),
    ...(user && can(user, { kind: "manage-users" })
      ? [{ to: "/admin/brugere", label: t("nav.users"), active: location.pathname.startsWith("/admin/brugere") }]
      : []),
    ...(user && can(user, { kind: "read-audit" })
      ? [{ to: "/admin/revision", label: t("nav.audit"), active: location.pathname.startsWith("/admin/revision") }]
      : []),
  ];
  return (
    // the inline script marks that JavaScript runs before the first paint, so a phone shows the
    // menu collapsed from the start; without JavaScript the menu simply stays open
    <html lang={locale} suppressHydrationWarning>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: 'document.documentElement.classList.add("js")' }} />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skipnav" href="#indhold">
          {t("app.skipToContent")}
        </a>
        <header className={`site-header${menuOpen ? " is-open" : ""}`}>
          <div className="container site-header__portal">
            <Link to="/" className="site-header__brand">
              <span className="site-header__name">{t("app.name")}</span>
              <span className="site-header__tagline">{t("app.tagline")}</span>
            </Link>
            {/* a phone's menu button (DKFDS's mobile pattern): shown only on narrow screens with JavaScript */}
            <button
              type="button"
              className="button button-secondary site-menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="site-tools site-nav"
              onClick={() => setMenuOpenOn(menuOpen ? null : location.pathname)}
            >
              {t(menuOpen ? "header.closeMenu" : "header.menu")}
            </button>
            <div className="site-header__tools" id="site-tools">
              {user && root && root.municipalities.length > 1 ? (
                <Form method="get" action="/kommuner/vaelg" className="site-header__switcher">
                  <div className="form-group">
                    <label className="form-label" htmlFor="kommunevaelger">
                      {t("header.municipality")}
                    </label>
                    <select
                      id="kommunevaelger"
                      name="kommune"
                      className="form-select"
                      defaultValue={current ? current.code : ""}
                      key={current ? current.code : ""}
                    >
                      <option value="" disabled>
                        {t("header.chooseMunicipality")}
                      </option>
                      {root.municipalities.map((m) => (
                        <option key={m.code} value={m.code}>
                          {m.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button type="submit" className="button button-secondary">
                    {t("header.show")}
                  </button>
                </Form>
              ) : null}
              <a className="site-header__lang" href={`${location.pathname}?${langParams}`} hrefLang={other} lang={other}>
                {t("app.otherLanguageName")}
              </a>
              {user ? (
                <div className="site-header__user">
                  <Link to="/profil" className="site-header__user-name">
                    <span className="visually-hidden">{t("user.loggedInAs", { name: "" })}</span>
                    {user.name}
                  </Link>
                  <span className="site-header__role">{t(`user.roles.${user.role}`)}</span>
                  <Form method="post" action="/logout">
                    <input type="hidden" name="csrf" value={user.csrfToken ?? ""} />
                    <button type="submit" className="button button-tertiary site-header__logout">
                      {t("user.logout")}
                    </button>
                  </Form>
                </div>
              ) : null}
            </div>
          </div>
          <nav className="site-nav" id="site-nav" aria-label={t("app.mainNav")}>
            <ul className="container site-nav__list unstyled-list no-max-width">
              {nav.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} aria-current={item.active ? "page" : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="indhold" className="container main" tabIndex={-1}>
          {root?.demo ? (
            <Alert variant="warning" heading={t("app.demoHeading")} role="note" className="demo-notice">
              <p>{t("app.demoNotice")}</p>
            </Alert>
          ) : null}
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">{t("app.footer")}</div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const locale = root?.locale ?? DEFAULT_LOCALE;
  return (
    <LocaleProvider locale={locale}>
      <Shell locale={locale} root={root}>
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
    title =
      error.status === 404
        ? t("errors.notFoundTitle")
        : error.status === 400
          ? t("errors.badRequestTitle")
          : error.status === 403
            ? t("errors.forbiddenTitle")
            : error.status === 409
              ? t("errors.conflictTitle")
              : title;
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
