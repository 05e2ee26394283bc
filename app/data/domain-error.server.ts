/** The route edge of a DomainError: the HTTP status for its code, the sentence in the page's language. */
import { DomainError, type ErrorCode } from "../domain/errors";
import { getT, localeFromRequest } from "../i18n/i18n";

const STATUS: Record<ErrorCode, number> = { not_found: 404, forbidden: 403, conflict: 409, invalid: 400, unavailable: 503 };

export function domainErrorMessage(request: Request, e: DomainError): string {
  return getT(localeFromRequest(request).locale)(e.key, e.params);
}

/** Rethrows anything else; a DomainError becomes a Response (JSON `{ fejl }` for the API). */
export function throwAsResponse(request: Request, e: unknown, opts: { json?: boolean } = {}): never {
  if (!(e instanceof DomainError)) throw e;
  const message = domainErrorMessage(request, e);
  throw opts.json ? Response.json({ fejl: message }, { status: STATUS[e.code] }) : new Response(message, { status: STATUS[e.code] });
}
