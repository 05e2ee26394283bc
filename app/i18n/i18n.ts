/**
 * The one place for UI strings. Danish is the default; English is the second locale
 * (`?lng=en`, remembered in a cookie). i18next does interpolation and plurals.
 *
 * Danish is built in. The English strings are their own chunk, so a Danish page does not ship
 * them: the server registers them at start (entry.server), the browser loads them before it
 * hydrates an English page (entry.client).
 */
import i18next, { type TFunction } from "i18next";
import { da, type Strings } from "./da";

export const LOCALES = ["da", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "da";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

const strings: Partial<Record<Locale, Strings>> = { da };
const instances = new Map<Locale, TFunction>();

export function registerStrings(locale: Locale, table: Strings): void {
  strings[locale] = table;
  instances.clear(); // a locale asked for before its strings came fell back to Danish
}

export async function loadStrings(locale: Locale): Promise<void> {
  if (strings[locale]) return;
  if (locale === "en") registerStrings("en", (await import("./en")).en);
}

export function getT(locale: Locale): TFunction {
  let t = instances.get(locale);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      resources: Object.fromEntries(Object.entries(strings).map(([l, table]) => [l, { translation: table }])),
      initAsync: false,
      interpolation: { escapeValue: false }, // React escapes
      showSupportNotice: false,
    } as Parameters<typeof instance.init>[0]);
    t = memoised(instance.t.bind(instance) as TFunction);
    instances.set(locale, t);
  }
  return t;
}

/**
 * The strings are fixed, so a key with the same options always gives the same text. i18next's
 * lookup and interpolation cost several milliseconds per page, so the results are kept.
 */
function memoised(t: TFunction): TFunction {
  const memo = new Map<string, unknown>();
  const primitive = (v: unknown) => v === null || ["string", "number", "boolean", "undefined"].includes(typeof v);
  const cached = (key: unknown, options?: unknown, ...rest: unknown[]) => {
    const call = () => (t as unknown as (...a: unknown[]) => unknown)(key, options, ...rest);
    if (typeof key !== "string" || rest.length > 0) return call();
    if (options !== undefined && (typeof options !== "object" || options === null || !Object.values(options).every(primitive)))
      return call();
    const k = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
    if (memo.has(k)) return memo.get(k);
    const value = call();
    if (memo.size > 20_000) memo.clear(); // counts and names vary; keep it bounded
    memo.set(k, value);
    return value;
  };
  return cached as unknown as TFunction;
}

/** Picks the locale from `?lng=` first, then the `lng` cookie. */
export function localeFromRequest(request: Request): { locale: Locale; fromQuery: boolean } {
  const q = new URL(request.url).searchParams.get("lng");
  if (isLocale(q)) return { locale: q, fromQuery: true };
  const cookie = request.headers.get("Cookie") ?? "";
  const m = /(?:^|;\s*)lng=(da|en)(?:;|$)/.exec(cookie);
  return { locale: m && isLocale(m[1]) ? m[1] : DEFAULT_LOCALE, fromQuery: false };
}

export function localeCookie(locale: Locale): string {
  return `lng=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

const MESSAGE_KEY = /^([a-zA-Z][\w-]*(?:\.[\w-]+)+)(?:\?(\{.*\}))?$/s;

/**
 * A form message in the reader's language. Schemas and data functions send i18n keys (with
 * parameters after `?`, see messageKey in app/domain/errors.ts); a sentence the server has
 * already put in the page's language passes through unchanged.
 */
export function translateMessage(t: TFunction, message: string | null | undefined): string {
  if (!message) return "";
  const m = MESSAGE_KEY.exec(message);
  if (!m) return message;
  let params: Record<string, unknown> = {};
  try {
    params = m[2] ? (JSON.parse(m[2]) as Record<string, unknown>) : {};
  } catch {
    return message;
  }
  return translateWith(t, m[1], params);
}

/** A key with parameters; a parameter that is itself a message key (a reason inside a reason) is translated first. */
export function translateWith(t: TFunction, key: string, params: Record<string, unknown> = {}): string {
  const inner = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === "string" && MESSAGE_KEY.test(v) ? translateMessage(t, v) : v]),
  );
  return (t as unknown as (key: string, options: Record<string, unknown>) => string)(key, inner);
}
