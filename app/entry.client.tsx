/**
 * Hydration, as Remix's default browser entry, after the page's strings are there: an English
 * page loads its strings first, or React's first render would differ from the server's.
 */
import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { DEFAULT_LOCALE, isLocale, loadStrings } from "./i18n/i18n";

const lang = document.documentElement.lang;
void loadStrings(isLocale(lang) ? lang : DEFAULT_LOCALE).then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
