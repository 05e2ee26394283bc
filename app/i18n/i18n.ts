/**
 * The one place for UI strings. Danish is the default; English is the second locale
 * (`?lng=en`, remembered in a cookie). `t` looks a key up (Danish when the page's language lacks
 * it), picks the plural form by `count` (`_one`/`_other`, by Intl.PluralRules), fills in
 * `{{name}}` and nests `$t(key)`: the part of i18next the product uses, without its 13 KB on
 * every page (ADR 33). i18next's types still check every key (i18next.d.ts), and a unit test
 * compares this translator with i18next over every key.
 *
 * Danish is built in. The English strings are their own chunk, so a Danish page does not ship
 * them: the server registers them at start (entry.server), the browser loads them before it
 * hydrates an English page (entry.client).
 */
import type { TFunction } from "i18next";
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
    t = memoised(translator(locale));
    instances.set(locale, t);
  }
  return t;
}

type Table = { readonly [key: string]: unknown };
type Options = Record<string, unknown> | undefined;

function lookup(table: Table | undefined, key: string): unknown {
  let node: unknown = table;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Table)[part];
  }
  return node;
}

function translator(locale: Locale): TFunction {
  const tables = (locale === DEFAULT_LOCALE ? [strings[locale]] : [strings[locale], strings[DEFAULT_LOCALE]]).filter(
    (x): x is Strings => x !== undefined,
  ) as unknown as Table[];
  const plurals = new Intl.PluralRules(locale === "da" ? "da-DK" : "en-GB");
  const numbers = new Intl.NumberFormat(locale);
  const find = (key: string, options: Options): string | undefined => {
    const count = options?.count;
    for (const table of tables) {
      if (typeof count === "number") {
        const form = lookup(table, `${key}_${plurals.select(count)}`) ?? lookup(table, `${key}_other`);
        if (typeof form === "string") return form;
      }
      const text = lookup(table, key);
      if (typeof text === "string") return text;
    }
    return undefined;
  };
  const t = (key: string, options?: Options): string => {
    const text = find(key, options);
    if (text === undefined) return key; // as i18next: an unknown key shows as itself
    // {{name}}: a missing value leaves the placeholder, null or undefined given as such is empty;
    // {{name, number}} is the number in the locale's digits
    const filled = text.replace(/\{\{\s*([\w.]+)\s*(?:,\s*(number)\s*)?\}\}/g, (whole, name: string, format?: string) => {
      if (format) return numbers.format(options?.[name] as number);
      return options && name in options ? (options[name] === null || options[name] === undefined ? "" : String(options[name])) : whole;
    });
    return filled.replace(/\$t\(([^)]*)\)/g, (_, inner: string) => t(inner.trim(), options));
  };
  return t as unknown as TFunction;
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
