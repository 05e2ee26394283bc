import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { TFunction } from "i18next";
import { formatterFor, type Formatter } from "../domain/format";
import { DEFAULT_LOCALE, getT, translateMessage, type Locale } from "./i18n";

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): TFunction {
  const locale = useLocale();
  return useMemo(() => getT(locale), [locale]);
}

/** Translates a form message (an i18n key from a schema, or a sentence already translated). */
export function useMessage(): (message: string | null | undefined) => string {
  const t = useT();
  return useMemo(() => (message: string | null | undefined) => translateMessage(t, message), [t]);
}

/** The number and date formatter of the page's language. */
export function useFormat(): Formatter {
  return formatterFor(useLocale());
}
