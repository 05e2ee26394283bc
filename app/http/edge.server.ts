/**
 * The route edge: the one place where a DomainError from the data layer becomes HTTP. Every
 * route module's loader and action is wrapped by `withRouteEdge` when the server loads the
 * build (production and dev alike), so routes and data functions just throw.
 *
 * - pages get the sentence in the page's language (?lng=, then the cookie) with the code's status,
 *   shown by the ErrorBoundary; "unauthenticated" sends them to the login;
 * - the API (/api/…) gets `{ fejl, kode }` as JSON, in Danish unless Accept-Language prefers English;
 * - forms turn "invalid" and "conflict" into a reply with `formReply` (below) and show it in place.
 */
import { translateKey } from "../i18n/keys";
import { redirect, type ServerBuild } from "@remix-run/node";
import { DomainError, type ErrorCode } from "../domain/errors";
import { en } from "../i18n/en";
import { getT, isLocale, localeFromRequest, registerStrings, type Locale } from "../i18n/i18n";

// the server loads this module from source, beside the build's own copy of the strings
registerStrings("en", en);

const STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 400,
  unavailable: 503,
};

export function isApiRequest(request: Request): boolean {
  return new URL(request.url).pathname.startsWith("/api/");
}

/** The first of da/en the client prefers by its Accept-Language q-values; Danish when it names neither. */
export function acceptLanguageLocale(header: string | null): Locale {
  const ranked = (header ?? "")
    .split(",")
    .map((part, i) => {
      const [tag, ...rest] = part.trim().split(";");
      const q = rest.map((r) => /^\s*q=([\d.]+)\s*$/.exec(r)).find(Boolean);
      return { lang: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q[1]) : 1, i };
    })
    .filter((x) => isLocale(x.lang) && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.length ? (ranked[0].lang as Locale) : "da";
}

/** The language an error is told in: the API by Accept-Language, pages by ?lng= and the cookie. */
export function requestLocale(request: Request): Locale {
  return isApiRequest(request) ? acceptLanguageLocale(request.headers.get("Accept-Language")) : localeFromRequest(request).locale;
}

export function errorMessage(request: Request, e: DomainError): string {
  return translateKey(getT(requestLocale(request)), e.key, e.params);
}

export function errorResponse(request: Request, e: DomainError): Response {
  if (e.code === "unauthenticated" && !isApiRequest(request)) {
    const url = new URL(request.url);
    return redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  const headers: Record<string, string> = { "Cache-Control": "private, no-store" };
  if (e.params.retryAfter !== undefined) headers["Retry-After"] = String(e.params.retryAfter);
  const message = errorMessage(request, e);
  const status = STATUS[e.code];
  if (isApiRequest(request)) return Response.json({ fejl: message, kode: e.code }, { status, headers });
  return new Response(message, { status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}

type Handler = (args: never) => unknown;

/** A loader or action whose DomainErrors leave as HTTP responses. */
export function edge<F extends Handler>(fn: F): F {
  const wrapped = async (args: { request: Request }) => {
    try {
      return await (fn as unknown as (a: typeof args) => unknown)(args);
    } catch (e) {
      if (e instanceof DomainError) throw errorResponse(args.request, e);
      if (e instanceof Response || !isApiRequest(args.request)) throw e; // pages: the ErrorBoundary
      // the API answers in JSON even when something broke, and never with the details
      console.error(e);
      throw Response.json(
        { fejl: getT(requestLocale(args.request))("errors.unexpected"), kode: "unexpected" },
        { status: 500, headers: { "Cache-Control": "private, no-store" } },
      );
    }
  };
  return wrapped as unknown as F;
}

/** The build with every route's loader and action behind the edge. */
export function withRouteEdge(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const module: Record<string, unknown> = { ...route.module };
      for (const name of ["loader", "action"] as const)
        if (typeof module[name] === "function") module[name] = edge(module[name] as Handler);
      return [id, { ...route, module: module as unknown as typeof route.module }];
    }),
  );
  return { ...build, routes };
}

/**
 * A form's reply to a refused mutation: "invalid" and "conflict" are shown in the form, on the
 * field they name (or above it); anything else is rethrown to the edge.
 */
export function formReply<R>(
  request: Request,
  submission: { reply: (o: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => R },
  e: unknown,
): R {
  if (e instanceof DomainError && (e.code === "invalid" || e.code === "conflict")) {
    const message = errorMessage(request, e);
    return submission.reply(e.field ? { fieldErrors: { [e.field]: [message] } } : { formErrors: [message] });
  }
  throw e;
}
