/**
 * Failures the data layer reports by code. A DomainError names what went wrong (a code for the
 * HTTP status, an i18n key and its parameters, and the form field it belongs to) and never says
 * it in words: the route edge (app/http/edge.server.ts) turns it into a page, a form reply or a
 * JSON error in the reader's language.
 */
export type ErrorCode = "unauthenticated" | "forbidden" | "not_found" | "conflict" | "invalid" | "unavailable";
export type ErrorParams = Record<string, string | number>;

// The server loads the route edge from source and the routes from the build, so two copies of
// this class exist; a brand makes `instanceof` hold across them.
const BRAND = Symbol.for("faelles-retning.DomainError");

export class DomainError extends Error {
  readonly [BRAND] = true;
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
  constructor(
    readonly code: ErrorCode,
    readonly key: string,
    readonly params: ErrorParams = {},
    readonly field?: string,
  ) {
    super(`${code}: ${key}`);
    this.name = "DomainError";
  }
}

/** A guard in one line: `invariant(target, "not_found", "errors.targetNotFound")`. */
export function invariant(condition: unknown, code: ErrorCode, key: string, params?: ErrorParams, field?: string): asserts condition {
  if (!condition) throw new DomainError(code, key, params, field);
}

/**
 * A message a zod schema carries instead of a sentence: the i18n key, and its parameters after
 * a `?` as JSON. The one translator of such messages is `translateMessage` in app/i18n.
 */
export function messageKey(key: string, params?: ErrorParams): string {
  return params && Object.keys(params).length ? `${key}?${JSON.stringify(params)}` : key;
}
