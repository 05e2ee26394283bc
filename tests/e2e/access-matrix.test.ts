/**
 * The access matrix over real HTTP: every route of the built app × anonymous and the four roles
 * × own (849) and another (167) municipality. The routes come from the build's route manifest,
 * so a new route without a line in EXPECTED fails the suite. The expectations are the spec,
 * typed in as data – nothing here asks the app's own policy (`can`).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/domain/access";
import { baseURL, httpLogin } from "./browser";

// ---------------------------------------------------------------------------------------------
// The spec
// ---------------------------------------------------------------------------------------------

type Who = "anonymous" | Role;
const WHO: Who[] = ["anonymous", "sekretariat", "skoledirektoer", "socialdirektoer", "byraad"];
const ACCOUNTS: Record<Role, string> = {
  sekretariat: "sekretariat@demo.dk",
  skoledirektoer: "skole.849@demo.dk",
  socialdirektoer: "social.849@demo.dk",
  byraad: "byraad.849@demo.dk",
};
const OWN = "849";
const OTHER = "167";
const FOREIGN_ORIGIN = "http://evil.example";

type Outcome =
  | { kind: "ok" } // 200
  | { kind: "login" } // 302 to /login?redirectTo=<the requested path and query>
  | { kind: "unauthorized" } // 401 JSON { fejl }
  | { kind: "forbidden" } // 403 from the permission guard (JSON { fejl } under /api)
  | { kind: "csrf" } // 403 from requireCsrf
  | { kind: "refused" } // 403 from either requireCsrf or the permission guard, whichever the action asks first
  | { kind: "foreign" } // 403 from the same-origin check in front of the app
  | { kind: "redirect"; to: string } // 302 to exactly this path: part of the route's normal behaviour
  | { kind: "not-found" } // 404
  | { kind: "no-action" }; // 405: the route has no action

const OK: Outcome = { kind: "ok" };
const LOGIN: Outcome = { kind: "login" };
const UNAUTHORIZED: Outcome = { kind: "unauthorized" };
const FORBIDDEN: Outcome = { kind: "forbidden" };
const NOT_FOUND: Outcome = { kind: "not-found" };
const to = (p: string): Outcome => ({ kind: "redirect", to: p });

type PerWho = Record<Who, Outcome>;
const who = (anonymous: Outcome, sekretariat: Outcome, skoledirektoer: Outcome, socialdirektoer: Outcome, byraad: Outcome): PerWho => ({
  anonymous,
  sekretariat,
  skoledirektoer,
  socialdirektoer,
  byraad,
});

/** One GET: `kode` fills `:kode` in the path, `target` picks the demo target of that municipality for `:id`; `query` is appended. */
type Variant = {
  label: "own" | "other" | "nation" | "all" | "mismatch" | "partnership" | "–";
  kode?: string;
  target?: string;
  id?: string;
  query?: string;
  expect: PerWho;
};

type ActionSpec =
  /**
   * Needs a session and the session's csrf token; only `allowed` may use it (per own/other
   * municipality on routes that take one). `harmless` is a body that changes nothing.
   * `denied` is the text of the 403 a role gets that may not use the action.
   */
  | {
      guard: "session";
      allowed: Role[] | { own: Role[]; other: Role[] };
      harmless: Record<string, string>;
      allowedOutcome: Outcome;
      endsSession?: boolean;
      denied?: RegExp;
    }
  /** Public forms (no session exists yet): no csrf token, but still only from our own origin. */
  | { guard: "public"; body: Record<string, string>; outcome: PerWho };

type RouteSpec = { layout: string } | { get: Variant[]; action?: ActionSpec };

const EXPECTED: Record<string, RouteSpec> = {
  root: { layout: "the document shell around every page; it has no URL of its own" },

  // anonymous → login; the landing per role: directors on their overview, a council member on the newest report
  "routes/_index": {
    get: [{ label: "–", expect: who(LOGIN, OK, to(`/kommuner/${OWN}`), to(`/kommuner/${OWN}`), to(`/kommuner/${OWN}/rapporter/2025K3`)) }],
  },

  "routes/kommuner.$kode._index": {
    get: [
      { label: "own", kode: OWN, expect: who(LOGIN, OK, OK, OK, OK) },
      { label: "other", kode: OTHER, expect: who(LOGIN, OK, OK, OK, FORBIDDEN) },
    ],
  },
  "routes/kommuner.$kode.indikatorer.$indikator": {
    get: [
      { label: "own", kode: OWN, expect: who(LOGIN, OK, OK, OK, OK) },
      { label: "other", kode: OTHER, expect: who(LOGIN, OK, OK, OK, FORBIDDEN) },
    ],
  },
  // the header's municipality switcher: a redirect to the chosen overview is its whole job
  "routes/kommuner.vaelg": {
    get: [
      {
        label: "own",
        query: `?kommune=${OWN}`,
        expect: who(LOGIN, to(`/kommuner/${OWN}`), to(`/kommuner/${OWN}`), to(`/kommuner/${OWN}`), to(`/kommuner/${OWN}`)),
      },
      {
        label: "other",
        query: `?kommune=${OTHER}`,
        expect: who(LOGIN, to(`/kommuner/${OTHER}`), to(`/kommuner/${OTHER}`), to(`/kommuner/${OTHER}`), FORBIDDEN),
      },
    ],
  },

  "routes/api.v1.indikatorer": { get: [{ label: "–", expect: who(UNAUTHORIZED, OK, OK, OK, OK) }] },
  // byraad: its own municipality or the whole country only
  "routes/api.v1.observationer": {
    get: [
      { label: "own", query: `?indikator=uu-21&kommune=${OWN}`, expect: who(UNAUTHORIZED, OK, OK, OK, OK) },
      { label: "other", query: `?indikator=uu-21&kommune=${OTHER}`, expect: who(UNAUTHORIZED, OK, OK, OK, FORBIDDEN) },
      { label: "nation", query: "?indikator=uu-21&kommune=hele-landet", expect: who(UNAUTHORIZED, OK, OK, OK, OK) },
      { label: "all", query: "?indikator=uu-21", expect: who(UNAUTHORIZED, OK, OK, OK, FORBIDDEN) },
    ],
  },

  // Joint targets (issue 5): a municipality's targets and status notes are its own – directors
  // and council members read their own municipality's, the secretariat all; creating one is
  // write-targets (directors: own municipality); the quarterly status is write-status.
  "routes/kommuner.$kode.maal._index": {
    get: [
      { label: "own", kode: OWN, expect: who(LOGIN, OK, OK, OK, OK) },
      { label: "other", kode: OTHER, expect: who(LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) },
    ],
  },
  "routes/kommuner.$kode.maal.ny": {
    get: [
      { label: "own", kode: OWN, expect: who(LOGIN, OK, OK, OK, FORBIDDEN) },
      { label: "other", kode: OTHER, expect: who(LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) },
    ],
    action: {
      guard: "session",
      allowed: { own: ["sekretariat", "skoledirektoer", "socialdirektoer"], other: ["sekretariat"] },
      harmless: {},
      allowedOutcome: OK,
    },
  },
  // the target form's baseline preview (issue 19): for those who may write targets
  "routes/kommuner.$kode.maal.udgangsvaerdi": {
    get: [
      { label: "own", kode: OWN, query: "?indikator=fravaer&maalgruppe=alle&periode=2021%2F22", expect: who(LOGIN, OK, OK, OK, FORBIDDEN) },
      {
        label: "other",
        kode: OTHER,
        query: "?indikator=fravaer&maalgruppe=alle&periode=2021%2F22",
        expect: who(LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
      },
    ],
  },
  "routes/kommuner.$kode.maal.$id": {
    get: [
      { label: "own", kode: OWN, target: OWN, expect: who(LOGIN, OK, OK, OK, OK) },
      { label: "other", kode: OTHER, target: OTHER, expect: who(LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) },
      // another municipality's target under the own municipality's address is not found – for everyone
      { label: "mismatch", kode: OWN, target: OTHER, expect: who(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND) },
    ],
    action: {
      guard: "session",
      allowed: { own: ["sekretariat", "skoledirektoer", "socialdirektoer"], other: ["sekretariat"] },
      harmless: { intent: "ukendt" },
      allowedOutcome: OK,
      denied: /Du har ikke adgang|Kun kommunens direktører/,
    },
  },
  // editing: the municipality's directors and the secretariat; the guard asks before looking the target up
  "routes/kommuner.$kode.maal.$id_.rediger": {
    get: [
      { label: "own", kode: OWN, target: OWN, expect: who(LOGIN, OK, OK, OK, FORBIDDEN) },
      { label: "other", kode: OTHER, target: OTHER, expect: who(LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) },
      { label: "mismatch", kode: OWN, target: OTHER, expect: who(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, FORBIDDEN) },
    ],
    action: {
      guard: "session",
      allowed: { own: ["sekretariat", "skoledirektoer", "socialdirektoer"], other: ["sekretariat"] },
      harmless: {},
      allowedOutcome: OK,
    },
  },
  "routes/api.v1.maal": {
    get: [
      { label: "own", query: `?kommune=${OWN}`, expect: who(UNAUTHORIZED, OK, OK, OK, OK) },
      { label: "other", query: `?kommune=${OTHER}`, expect: who(UNAUTHORIZED, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) },
      { label: "partnership", query: "?kommune=partnerskab", expect: who(UNAUTHORIZED, OK, OK, OK, OK) },
    ],
  },

  // Investment cases (issue 25): the same access as joint targets. The demo cases are made in
  // the order 849, 167, 580, five each, so 1 is the own municipality's and 6 the other's.
  "routes/kommuner.$kode.investeringer._index": {
    get: [
      { label: "own", kode: OWN, expect: who(LOGIN, OK, OK, OK, OK) },
      { label: "other", kode: OTHER, expect: who(LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) },
    ],
    // no template: nothing is created
    action: {
      guard: "session",
      allowed: { own: ["sekretariat", "skoledirektoer", "socialdirektoer"], other: ["sekretariat"] },
      harmless: {},
      allowedOutcome: OK,
    },
  },
  "routes/kommuner.$kode.investeringer.$id": {
    get: [
      { label: "own", kode: OWN, id: "1", expect: who(LOGIN, OK, OK, OK, OK) },
      { label: "other", kode: OTHER, id: "6", expect: who(LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) },
      { label: "mismatch", kode: OWN, id: "6", expect: who(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND) },
    ],
    // a target id that is no number: the links stay as they are
    action: {
      guard: "session",
      allowed: { own: ["sekretariat", "skoledirektoer", "socialdirektoer"], other: ["sekretariat"] },
      harmless: { targetIds: "ukendt" },
      allowedOutcome: OK,
    },
  },
  "routes/kommuner.$kode.investeringer.$id_.rediger": {
    get: [
      { label: "own", kode: OWN, id: "1", expect: who(LOGIN, OK, OK, OK, FORBIDDEN) },
      { label: "other", kode: OTHER, id: "6", expect: who(LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) },
      { label: "mismatch", kode: OWN, id: "6", expect: who(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, FORBIDDEN) },
    ],
    action: {
      guard: "session",
      allowed: { own: ["sekretariat", "skoledirektoer", "socialdirektoer"], other: ["sekretariat"] },
      harmless: {},
      allowedOutcome: OK,
    },
  },
  "routes/api.v1.investeringer": {
    get: [
      { label: "own", query: `?kommune=${OWN}`, expect: who(UNAUTHORIZED, OK, OK, OK, OK) },
      { label: "other", query: `?kommune=${OTHER}`, expect: who(UNAUTHORIZED, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) },
    ],
  },

  // Partnership-wide targets: every signed-in user reads them; the secretariat sets, edits and
  // closes them; a municipality's directors adopt them (the adopt intent is tested in targets.test.ts)
  "routes/partnerskabsmaal._index": { get: [{ label: "–", expect: who(LOGIN, OK, OK, OK, OK) }] },
  "routes/partnerskabsmaal.ny": {
    get: [{ label: "–", expect: who(LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) }],
    action: { guard: "session", allowed: ["sekretariat"], harmless: {}, allowedOutcome: OK },
  },
  "routes/partnerskabsmaal.$id": {
    get: [{ label: "partnership", target: "partnerskab", expect: who(LOGIN, OK, OK, OK, OK) }],
    action: { guard: "session", allowed: ["sekretariat"], harmless: { intent: "ukendt" }, allowedOutcome: OK },
  },
  "routes/partnerskabsmaal.$id_.rediger": {
    get: [{ label: "partnership", target: "partnerskab", expect: who(LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) }],
    action: { guard: "session", allowed: ["sekretariat"], harmless: {}, allowedOutcome: OK },
  },

  // Quarterly reports (issue 6): read-reports is the own municipality (the secretariat all);
  // drafts and publishing are the municipality's directors' and the secretariat's
  "routes/kommuner.$kode.rapporter._index": {
    get: [
      { label: "own", kode: OWN, expect: who(LOGIN, OK, OK, OK, OK) },
      { label: "other", kode: OTHER, expect: who(LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) },
    ],
  },
  "routes/kommuner.$kode.rapporter.$kvartal": {
    get: [
      { label: "own", kode: OWN, expect: who(LOGIN, OK, OK, OK, OK) },
      { label: "other", kode: OTHER, expect: who(LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) },
    ],
    action: {
      guard: "session",
      allowed: { own: ["sekretariat", "skoledirektoer", "socialdirektoer"], other: ["sekretariat"] },
      harmless: {},
      allowedOutcome: OK,
    },
  },
  // the PDF is printed by the server's Chromium from the published report
  "routes/kommuner.$kode.rapporter.$kvartal_.pdf": {
    get: [
      { label: "own", kode: OWN, expect: who(LOGIN, OK, OK, OK, OK) },
      { label: "other", kode: OTHER, expect: who(LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) },
    ],
  },

  // Comparing municipalities (issue 7): figures of every municipality at once are for the
  // secretariat and the directors; only the secretariat sets how comparison groups are built
  "routes/sammenlign._index": {
    get: [
      { label: "–", expect: who(LOGIN, OK, OK, OK, FORBIDDEN) },
      {
        label: "own",
        query: "?indikator=fp9-deltagelse&maalgruppe=anbragte&periode=2023%2F24&kommune=849",
        expect: who(LOGIN, OK, OK, OK, FORBIDDEN),
      },
    ],
  },
  "routes/sammenlign.eksport": {
    get: [
      { label: "–", query: "?format=csv", expect: who(LOGIN, OK, OK, OK, FORBIDDEN) },
      { label: "–", query: "?format=xlsx&udvalg=gruppe&kommune=167", expect: who(LOGIN, OK, OK, OK, FORBIDDEN) },
    ],
  },
  "routes/sammenlign.grupper": {
    get: [{ label: "other", query: "?kommune=167", expect: who(LOGIN, OK, OK, OK, FORBIDDEN) }],
    action: { guard: "session", allowed: ["sekretariat"], harmless: {}, allowedOutcome: OK },
  },
  "routes/udfordringer": { get: [{ label: "–", expect: who(LOGIN, OK, OK, OK, FORBIDDEN) }] },

  // Loading data (issue 8) is the secretariat's alone; a bogus preview id is a 404 for it
  "routes/indlaes._index": {
    get: [{ label: "–", expect: who(LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) }],
    action: { guard: "session", allowed: ["sekretariat"], harmless: { intent: "ukendt" }, allowedOutcome: OK },
  },
  "routes/indlaes.$id": {
    get: [{ label: "–", id: "ingen-saadan-forhaandsvisning", expect: who(LOGIN, NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN) }],
    action: { guard: "session", allowed: ["sekretariat"], harmless: { intent: "ukendt" }, allowedOutcome: NOT_FOUND },
  },
  "routes/indlaes.$id_.fejl": {
    get: [{ label: "–", id: "ingen-saadan-forhaandsvisning", expect: who(LOGIN, NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN) }],
  },
  "routes/indlaes.skabelon": {
    get: [{ label: "–", query: "?indikator=fravaer&format=csv", expect: who(LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) }],
  },

  "routes/admin.brugere": {
    get: [{ label: "–", expect: who(LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) }],
    action: { guard: "session", allowed: ["sekretariat"], harmless: { intent: "ukendt" }, allowedOutcome: OK },
  },
  "routes/admin.revision": { get: [{ label: "–", expect: who(LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN) }] },

  "routes/profil": {
    get: [{ label: "–", expect: who(LOGIN, OK, OK, OK, OK) }],
    action: {
      guard: "session",
      allowed: ["sekretariat", "skoledirektoer", "socialdirektoer", "byraad"],
      harmless: { intent: "ukendt" },
      allowedOutcome: OK,
    },
  },
  // GET /logout changes nothing and sends everyone to the front page; logging out is a POST
  "routes/logout": {
    get: [{ label: "–", expect: who(to("/"), to("/"), to("/"), to("/"), to("/")) }],
    action: {
      guard: "session",
      allowed: ["sekretariat", "skoledirektoer", "socialdirektoer", "byraad"],
      harmless: {},
      allowedOutcome: to("/login"),
      endsSession: true,
    },
  },
  // a logged-in user has nothing to do on the login page
  "routes/login": {
    get: [{ label: "–", expect: who(OK, to("/"), to("/"), to("/"), to("/")) }],
    // an empty form is answered with the form and its errors (and counts as no login attempt);
    // a logged-in user is sent on to the front page, as by the GET
    action: { guard: "public", body: { email: "", password: "" }, outcome: who(OK, to("/"), to("/"), to("/"), to("/")) },
  },
  // public: the one-time token is the secret (a bogus one shows "the link does not work")
  "routes/nulstil.$token": {
    get: [{ label: "–", expect: who(OK, OK, OK, OK, OK) }],
    action: { guard: "public", body: { password: "kort", confirm: "kort" }, outcome: who(OK, OK, OK, OK, OK) },
  },
  "routes/om-data": { get: [{ label: "–", expect: who(OK, OK, OK, OK, OK) }] },
  // DEV_PAGES=1 on the e2e server; it still needs a session
  "routes/dev.komponenter": { get: [{ label: "–", expect: who(LOGIN, OK, OK, OK, OK) }] },
};

/** Values for the route params; a param not listed here fails the suite. */
const targetIds: Record<string, string> = {}; // municipality → one of its demo targets, looked up before the checks
const PARAMS: Record<string, (v: Variant) => string | undefined> = {
  kode: (v) => v.kode,
  id: (v) => (v.target ? targetIds[v.target] : v.id),
  indikator: () => "fp9-deltagelse",
  kvartal: () => "2025K3",
  token: () => "ugyldigt-engangstoken-til-test",
};

// ---------------------------------------------------------------------------------------------
// The routes of the build
// ---------------------------------------------------------------------------------------------

type BuildRoute = {
  id: string;
  path?: string;
  index?: boolean;
  parentId?: string;
  module: { loader?: unknown; action?: unknown; default?: unknown };
};
const build = (await import(pathToFileURL(path.resolve(import.meta.dirname, "../../build/server/index.js")).href)) as {
  routes: Record<string, BuildRoute>;
};
const ROUTES = build.routes;

function fullPath(id: string): string {
  const parts: string[] = [];
  for (let r: BuildRoute | undefined = ROUTES[id]; r; r = r.parentId ? ROUTES[r.parentId] : undefined) if (r.path) parts.unshift(r.path);
  return `/${parts.join("/")}`.replace(/\/+/g, "/");
}

function urlFor(id: string, v: Variant): string {
  const filled = fullPath(id).replace(/:(\w+)\??/g, (_m, name: string) => {
    const fill = PARAMS[name];
    if (!fill) throw new Error(`route ${id}: no value for the param :${name} – add it to PARAMS`);
    const value = fill(v);
    if (!value) throw new Error(`route ${id}: variant '${v.label}' gives no value for :${name}`);
    return encodeURIComponent(value);
  });
  return filled + (v.query ?? "");
}

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

type Session = { cookie: string; csrf: string };
const sessions = {} as Record<Role, Session>;
let checks = 0;

async function login(role: Role): Promise<Session> {
  const { status, cookie } = await httpLogin(ACCOUNTS[role]);
  expect(status, `login as ${ACCOUNTS[role]}`).toBe(302);
  expect(cookie).toMatch(/^fr_session=/);
  const html = await (await fetch(`${baseURL}/profil`, { headers: { Cookie: cookie! } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  expect(csrf, `a csrf token on /profil for ${role}`).toBeTruthy();
  return { cookie: cookie!, csrf: csrf! };
}

function request(
  url: string,
  as: Who,
  init: { method?: "GET" | "POST"; body?: Record<string, string>; origin?: string | null; cookie?: string } = {},
) {
  const headers: Record<string, string> = {};
  const cookie = init.cookie ?? (as === "anonymous" ? undefined : sessions[as].cookie);
  if (cookie) headers.Cookie = cookie;
  if (init.method === "POST") {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    if (init.origin !== null) headers.Origin = init.origin ?? baseURL;
  }
  return fetch(`${baseURL}${url}`, {
    method: init.method ?? "GET",
    redirect: "manual",
    headers,
    body: init.method === "POST" ? new URLSearchParams(init.body ?? {}) : undefined,
  });
}

async function expectOutcome(res: Response, outcome: Outcome, url: string, what: string) {
  checks++;
  const body = await res.text();
  const at = `${what} → ${res.status} ${res.headers.get("location") ?? ""} ${body.slice(0, 160).replace(/\s+/g, " ")}`;
  const location = res.headers.get("location") ? new URL(res.headers.get("location")!, baseURL) : null;
  const api = url.startsWith("/api/");
  switch (outcome.kind) {
    case "ok":
      expect(res.status, at).toBe(200);
      return;
    case "login":
      expect(res.status, at).toBe(302);
      expect(location?.origin, at).toBe(baseURL);
      expect(location?.pathname, at).toBe("/login");
      expect(location?.searchParams.get("redirectTo"), at).toBe(url);
      return;
    case "redirect":
      expect(res.status, at).toBe(302);
      expect(location && location.origin + location.pathname + location.search, at).toBe(baseURL + outcome.to);
      return;
    case "unauthorized":
      expect(res.status, at).toBe(401);
      expect(res.headers.get("content-type"), at).toMatch(/application\/json/);
      expect(typeof JSON.parse(body).fejl, at).toBe("string");
      return;
    case "forbidden":
      expect(res.status, at).toBe(403);
      if (api) {
        expect(res.headers.get("content-type"), at).toMatch(/application\/json/);
        expect(JSON.parse(body).fejl, at).toMatch(/ikke adgang/);
      } else {
        expect(body, at).toContain("Du har ikke adgang");
      }
      return;
    case "csrf":
      expect(res.status, at).toBe(403);
      expect(body, at).toContain("Formularen er udløbet");
      return;
    case "refused":
      expect(res.status, at).toBe(403);
      expect(body, at).toMatch(/Du har ikke adgang|Formularen er udløbet/);
      return;
    case "foreign":
      expect(res.status, at).toBe(403);
      expect(body, at).toContain("Afvist");
      return;
    case "not-found":
      expect(res.status, at).toBe(404);
      return;
    case "no-action":
      expect(res.status, at).toBe(405);
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------------------------

const routeIds = Object.keys(ROUTES).sort();

describe.skipIf(!baseURL)("the access matrix over HTTP", () => {
  beforeAll(async () => {
    for (const role of WHO) if (role !== "anonymous") sessions[role] = await login(role);
    for (const code of [OWN, OTHER]) {
      const res = await request(`/api/v1/maal?kommune=${code}`, "sekretariat");
      const rows = (await res.json()) as { id: number }[];
      expect(rows.length, `demo targets in ${code}`).toBeGreaterThan(0);
      targetIds[code] = String(rows[0].id);
    }
    const partnership = (await (await request("/api/v1/maal?kommune=partnerskab", "sekretariat")).json()) as { id: number }[];
    expect(partnership.length, "a demo partnership target").toBeGreaterThan(0);
    targetIds.partnerskab = String(partnership[0].id);
  });
  afterAll(() => {
    const pages = routeIds.filter((id) => EXPECTED[id] && !("layout" in EXPECTED[id]));
    console.log(
      `access matrix: ${pages.length} routes × ${WHO.length} roles (anonymous + ${WHO.length - 1}) = ${checks} checks ` +
        `(GET per own/other municipality where the route has one; POST without/with foreign origin/without/with wrong/with valid csrf per action; 405 for POST to routes without an action)`,
    );
  });

  it("has an expectation for every route in the build, and none for routes that are gone", () => {
    const missing = routeIds.filter((id) => !EXPECTED[id]);
    const stale = Object.keys(EXPECTED).filter((id) => !ROUTES[id]);
    expect(missing, `routes without an expectation in EXPECTED: ${missing.join(", ")}`).toEqual([]);
    expect(stale, `expectations for routes no longer in the build: ${stale.join(", ")}`).toEqual([]);
    expect(routeIds.length).toBeGreaterThan(10);
  });

  it("agrees with the build on which routes have an action and which are layouts", () => {
    for (const id of routeIds) {
      const spec = EXPECTED[id];
      if (!spec) continue;
      const r = ROUTES[id];
      if ("layout" in spec) {
        expect(r.path ?? "", `${id} is declared a layout`).toBe("");
        expect(r.module.action, `${id}: a layout with an action needs an expectation`).toBeUndefined();
        continue;
      }
      expect(Boolean(r.module.action), `${id}: action in the build vs. in EXPECTED`).toBe(Boolean(spec.action));
      const hasKode = fullPath(id).includes(":kode");
      const municipal = spec.get.some((v) => v.label === "own") && spec.get.some((v) => v.label === "other");
      if (hasKode) expect(municipal, `${id} takes a municipality: it needs own and other variants`).toBe(true);
    }
  });

  describe.each(routeIds.filter((id) => EXPECTED[id] && !("layout" in EXPECTED[id])))("%s", (id) => {
    const spec = EXPECTED[id] as Exclude<RouteSpec, { layout: string }>;

    it.each(WHO)("GET as %s", async (as) => {
      for (const v of spec.get) {
        const url = urlFor(id, v);
        await expectOutcome(await request(url, as), v.expect[as], url, `GET ${url} as ${as} (${v.label})`);
      }
    });

    if (!spec.action) {
      it.each(WHO)("POST as %s is refused: the route has no action", async (as) => {
        const url = urlFor(id, spec.get[0]);
        await expectOutcome(
          await request(url, as, { method: "POST", body: { intent: "x" } }),
          { kind: "no-action" },
          url,
          `POST ${url} as ${as}`,
        );
      });
      return;
    }

    const action = spec.action;
    // the action is checked for the own and the other municipality where the route takes one
    const municipal = spec.get.filter((v) => v.label === "own" || v.label === "other");
    const variants = municipal.length ? municipal : [spec.get[0]];
    const allowedIn = (v: Variant): Role[] =>
      action.guard !== "session" ? [] : Array.isArray(action.allowed) ? action.allowed : action.allowed[v.label as "own" | "other"];

    it.each(WHO)("POST as %s from a foreign origin, or with no origin at all, is refused", async (as) => {
      for (const v of variants) {
        const url = urlFor(id, v);
        const csrf = as === "anonymous" ? "" : sessions[as].csrf;
        const body = action.guard === "session" ? { ...action.harmless, csrf } : action.body;
        await expectOutcome(
          await request(url, as, { method: "POST", body, origin: FOREIGN_ORIGIN }),
          { kind: "foreign" },
          url,
          `POST ${url} as ${as} from ${FOREIGN_ORIGIN}`,
        );
        await expectOutcome(
          await request(url, as, { method: "POST", body, origin: null }),
          { kind: "foreign" },
          url,
          `POST ${url} as ${as} without Origin/Referer`,
        );
      }
    });

    if (action.guard === "public") {
      it.each(WHO)("POST as %s needs no session and no csrf token", async (as) => {
        for (const v of variants) {
          const url = urlFor(id, v);
          await expectOutcome(
            await request(url, as, { method: "POST", body: action.body }),
            action.outcome[as],
            url,
            `POST ${url} as ${as}`,
          );
        }
      });
      return;
    }

    it.each(WHO)("POST as %s without a valid csrf token is refused", async (as) => {
      for (const v of variants) {
        const url = urlFor(id, v);
        if (as === "anonymous") {
          await expectOutcome(await request(url, as, { method: "POST", body: action.harmless }), LOGIN, url, `POST ${url} anonymously`);
          continue;
        }
        const denied: Outcome = allowedIn(v).includes(as) ? { kind: "csrf" } : { kind: "refused" };
        await expectOutcome(
          await request(url, as, { method: "POST", body: action.harmless }),
          denied,
          url,
          `POST ${url} as ${as} without csrf (${v.label})`,
        );
        const wrong = `${sessions[as].csrf.slice(0, -1)}${sessions[as].csrf.endsWith("A") ? "B" : "A"}`;
        await expectOutcome(
          await request(url, as, { method: "POST", body: { ...action.harmless, csrf: wrong } }),
          denied,
          url,
          `POST ${url} as ${as} with a wrong csrf token (${v.label})`,
        );
      }
    });

    it.each(WHO.filter((w): w is Role => w !== "anonymous"))("POST as %s with a valid csrf token", async (as) => {
      for (const v of variants) {
        const url = urlFor(id, v);
        if (!allowedIn(v).includes(as)) {
          const res = await request(url, as, { method: "POST", body: { ...action.harmless, csrf: sessions[as].csrf } });
          const what = `POST ${url} as ${as} with csrf (not allowed, ${v.label})`;
          if (!action.denied) {
            await expectOutcome(res, FORBIDDEN, url, what);
            continue;
          }
          checks++;
          expect(res.status, what).toBe(403);
          expect(await res.text(), what).toMatch(action.denied);
          continue;
        }
        // an action that ends the session gets a session of its own
        const s = action.endsSession ? await login(as) : sessions[as];
        await expectOutcome(
          await request(url, as, { method: "POST", body: { ...action.harmless, csrf: s.csrf }, cookie: s.cookie }),
          action.allowedOutcome,
          url,
          `POST ${url} as ${as} with csrf (${v.label})`,
        );
      }
    });
  });
});
