/**
 * Page titles in the page's language. `meta` cannot use hooks, so the locale is read from the
 * root loader's data among the matches; the words are keys under `titles` in da.ts/en.ts.
 */
import type { TFunction } from "i18next";
import { DEFAULT_LOCALE, getT, isLocale, type Locale } from "./i18n";

type Match = { id: string; data?: unknown };

export function localeOfMatches(matches: readonly Match[]): Locale {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
}

/** `[{ title: "<page> – Fælles retning" }]`; `page` picks the words with the page's translator. */
export function pageTitle(matches: readonly Match[], page: (t: TFunction, locale: Locale) => string | null) {
  const locale = localeOfMatches(matches);
  const t = getT(locale);
  const name = t("app.name");
  const words = page(t, locale);
  return [{ title: words ? t("titles.format", { page: words, app: name }) : name }];
}
