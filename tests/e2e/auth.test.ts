/**
 * Logging in, sessions, CSRF, API tokens, deactivation and the audit trail against the real
 * built server: over plain HTTP where a script's view is the point, in Chromium where a person's is.
 *
 * The server is shared with the other e2e files: destructive steps use a user created here,
 * failed logins are kept to a handful (the throttle counts per address, and every test comes
 * from 127.0.0.1), and a demo account is only ever given fresh sessions, never deactivated.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, visit } from "./a11y";
import { baseURL, chromiumPath, DEMO_PASSWORD, httpLogin, launchBrowser, loggedInContext, screenshotPath } from "./browser";

const RUN = `${Date.now().toString(36)}${process.pid.toString(36)}`;
const FOREIGN_ORIGIN = "http://evil.example";

/** Pages that need a session; the access matrix covers every route, this is the readable list. */
const PROTECTED_PAGES = [
  "/",
  "/kommuner/849",
  "/kommuner/849/indikatorer/fp9-deltagelse?maalgruppe=anbragte",
  "/kommuner/vaelg?kommune=849",
  "/profil",
  "/admin/brugere",
  "/admin/revision",
  "/dev/komponenter",
];

type Session = { cookie: string; csrf: string };

/** A fresh session over HTTP, with the csrf token its pages carry. */
async function session(email: string, password = DEMO_PASSWORD): Promise<Session> {
  const { status, cookie } = await httpLogin(email, password);
  expect(status, `login as ${email}`).toBe(302);
  const html = await (await get("/profil", cookie!)).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  expect(csrf).toBeTruthy();
  return { cookie: cookie!, csrf: csrf! };
}

function get(path: string, cookie?: string | null, headers: Record<string, string> = {}) {
  return fetch(`${baseURL}${path}`, { redirect: "manual", headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers } });
}

function post(path: string, body: Record<string, string>, opts: { cookie?: string; origin?: string | null; referer?: string } = {}) {
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (opts.cookie) headers.Cookie = opts.cookie;
  if (opts.origin !== null) headers.Origin = opts.origin ?? baseURL;
  if (opts.referer) headers.Referer = opts.referer;
  return fetch(`${baseURL}${path}`, { method: "POST", redirect: "manual", headers, body: new URLSearchParams(body) });
}

function expectLoginRedirect(res: Response, path: string) {
  expect(res.status, `${path} without a session`).toBe(302);
  const location = new URL(res.headers.get("location")!, baseURL);
  expect(location.origin).toBe(baseURL);
  expect(location.pathname).toBe("/login");
  expect(location.searchParams.get("redirectTo")).toBe(path);
}

/** The visible text of the page's error alert (the login form's generic message). */
function alertText(html: string): string | null {
  const m = /role="alert">([\s\S]*?)<\/div><\/div><\/div>/.exec(html);
  return m
    ? m[1]
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ")
        .trim()
    : null;
}

async function formLogin(page: Page, email: string, password: string) {
  await page.goto(`${baseURL}/login`);
  await page.getByLabel("E-mailadresse").fill(email);
  await page.getByLabel("Adgangskode").fill(password);
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

const navLinks = (page: Page) => page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link").allTextContents();

describe.skipIf(!baseURL)("without a session (HTTP)", () => {
  it("lets anyone read /login and /om-data", async () => {
    for (const path of ["/login", "/om-data"]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
    }
  });

  it("sends every other page to /login?redirectTo=…", async () => {
    for (const path of PROTECTED_PAGES) expectLoginRedirect(await get(path), path);
  });

  it("answers the API with 401 and a Danish JSON message", async () => {
    for (const path of ["/api/v1/indikatorer", "/api/v1/observationer?indikator=uu-21&kommune=849"]) {
      const res = await get(path);
      expect(res.status, path).toBe(401);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      const body = await res.json();
      expect(Object.keys(body)).toEqual(["fejl", "kode"]); // the message, and the code it was made from (ADR 30)
      expect(body.kode).toBe("unauthenticated");
      expect(body.fejl).toMatch(/Log ind/);
    }
  });

  it("gives the same generic Danish error for a wrong password and for an unknown email", async () => {
    // one failure each: far below the throttle, and the next successful login from 127.0.0.1 clears the address count
    const wrongPassword = await post("/login", { email: "byraad.580@demo.dk", password: "ikke-den-rigtige-adgangskode" });
    const unknownEmail = await post("/login", { email: `findes-ikke-${RUN}@demo.dk`, password: "ikke-den-rigtige-adgangskode" });
    expect(wrongPassword.status).toBe(200);
    expect(unknownEmail.status).toBe(200);
    expect(wrongPassword.headers.get("set-cookie")).toBeNull();
    expect(unknownEmail.headers.get("set-cookie")).toBeNull();
    const a = alertText(await wrongPassword.text());
    const b = alertText(await unknownEmail.text());
    expect(a).toBe("Du blev ikke logget ind E-mailadressen eller adgangskoden er forkert.");
    expect(b).toBe(a);
    // and the account still works
    expect((await httpLogin("byraad.580@demo.dk")).status).toBe(302);
  });
});

describe.skipIf(!baseURL)("security headers and the session cookie", () => {
  const directives = (csp: string) =>
    Object.fromEntries(
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values]),
    ) as Record<string, string[]>;

  it("sends a nonce-based CSP whose nonce is on every <script>, and the other headers", async () => {
    const s = await session("skole.580@demo.dk");
    const nonces: string[] = [];
    for (const [path, cookie] of [
      ["/login", null],
      ["/kommuner/849/indikatorer/fp9-deltagelse", s.cookie],
    ] as const) {
      const res = await get(path, cookie);
      expect(res.status, path).toBe(200);
      const csp = res.headers.get("content-security-policy");
      expect(csp, path).toBeTruthy();
      const d = directives(csp!);
      const scriptSrc = d["script-src"] ?? d["default-src"];
      expect(scriptSrc, path).not.toContain("'unsafe-inline'");
      expect(scriptSrc, path).not.toContain("'unsafe-eval'");
      const nonceSources = scriptSrc.filter((v) => v.startsWith("'nonce-"));
      expect(nonceSources, path).toHaveLength(1);
      const nonce = nonceSources[0].slice("'nonce-".length, -1);
      expect(nonce.length).toBeGreaterThanOrEqual(16);
      nonces.push(nonce);

      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);

      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
      const frameAncestorsNone = (d["frame-ancestors"] ?? []).join(" ") === "'none'";
      expect(frameAncestorsNone || res.headers.get("x-frame-options") === "DENY", "frame-ancestors 'none' or X-Frame-Options: DENY").toBe(
        true,
      );
      expect(d["object-src"]).toEqual(["'none'"]);
    }
    // a fresh nonce per response
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("sets the session cookie HttpOnly and SameSite=Lax", async () => {
    const res = await post("/login", { email: "skole.580@demo.dk", password: DEMO_PASSWORD });
    expect(res.status).toBe(302);
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^fr_session=[^;]+;/);
    const attrs = setCookie.split(";").map((a) => a.trim().toLowerCase());
    expect(attrs).toContain("httponly");
    expect(attrs).toContain("samesite=lax");
    expect(attrs).toContain("path=/");
  });
});

describe.skipIf(!baseURL)("CSRF (HTTP)", () => {
  it("refuses a POST from another origin even with the right token", async () => {
    const s = await session("social.580@demo.dk");
    for (const path of ["/logout", "/profil"]) {
      const body = { csrf: s.csrf, intent: "create-token", name: "fremmed" };
      const foreign = await post(path, body, { cookie: s.cookie, origin: FOREIGN_ORIGIN });
      expect(foreign.status, `${path} with Origin ${FOREIGN_ORIGIN}`).toBe(403);
      const foreignReferer = await post(path, body, { cookie: s.cookie, origin: null, referer: `${FOREIGN_ORIGIN}/side` });
      expect(foreignReferer.status, `${path} with a foreign Referer`).toBe(403);
      const none = await post(path, body, { cookie: s.cookie, origin: null });
      expect(none.status, `${path} with neither Origin nor Referer`).toBe(403);
    }
    // nothing happened: the session still works and no token was made
    const profile = await get("/profil", s.cookie);
    expect(profile.status).toBe(200);
    expect(await profile.text()).not.toContain("fremmed");
  });

  it("refuses a POST from our origin without the session's token", async () => {
    const s = await session("social.580@demo.dk");
    const other = await session("social.580@demo.dk");
    expect(other.csrf).not.toBe(s.csrf);
    for (const path of ["/logout", "/profil"]) {
      for (const csrf of [undefined, "", "forkert-token", other.csrf]) {
        const body: Record<string, string> = { intent: "create-token", name: "uden-token" };
        if (csrf !== undefined) body.csrf = csrf;
        const res = await post(path, body, { cookie: s.cookie });
        expect(res.status, `${path} with csrf=${String(csrf)}`).toBe(403);
        expect(await res.text()).toContain("Formularen er udløbet");
      }
    }
    expect((await get("/profil", s.cookie)).status).toBe(200);
  });

  it("accepts the POST with the token (from our Origin, or with only our Referer)", async () => {
    const s = await session("social.580@demo.dk");
    const name = `csrf-ok-${RUN}`;
    const created = await post(
      "/profil",
      { csrf: s.csrf, intent: "create-token", name },
      { cookie: s.cookie, origin: null, referer: `${baseURL}/profil` },
    );
    expect(created.status).toBe(200);
    expect(await created.text()).toMatch(/data-testid="new-token">fr_/);

    const out = await post("/logout", { csrf: s.csrf }, { cookie: s.cookie });
    expect(out.status).toBe(302);
    expect(new URL(out.headers.get("location")!, baseURL).pathname).toBe("/login");
  });
});

describe.skipIf(!baseURL)("logout (HTTP)", () => {
  it("ends the session: the old cookie no longer opens pages or the API", async () => {
    const s = await session("skole.580@demo.dk");
    expect((await get("/profil", s.cookie)).status).toBe(200);
    expect((await get("/api/v1/indikatorer", s.cookie)).status).toBe(200);

    const res = await post("/logout", { csrf: s.csrf }, { cookie: s.cookie });
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get("location")!, baseURL).pathname).toBe("/login");
    const cleared = res.headers.get("set-cookie") ?? "";
    expect(cleared).toMatch(/^fr_session=;/);

    // replaying the old cookie, as a thief would
    expectLoginRedirect(await get("/profil", s.cookie), "/profil");
    expect((await get("/api/v1/indikatorer", s.cookie)).status).toBe(401);
    expect((await post("/logout", { csrf: s.csrf }, { cookie: s.cookie })).status).toBe(302);
  });
});

describe.skipIf(!baseURL)("redirects after login stay on the site", () => {
  // BUG (reported): safeRedirect in app/data/auth.server.ts accepts "/\t/evil.example"; browsers
  // (and the WHATWG URL parser) drop the tab and read "//evil.example", so
  // /login?redirectTo=/%09/evil.example sends a user to another site after logging in.
  // (With "/\n/evil.example" the same loader answers 500: Headers.set rejects the value.)
  it("for redirectTo values that a browser reads as another host", async () => {
    const s = await session("skole.580@demo.dk");
    for (const redirectTo of ["/\t/evil.example/"]) {
      const loader = await get(`/login?redirectTo=${encodeURIComponent(redirectTo)}`, s.cookie);
      expect(loader.status).toBe(302);
      expect(new URL(loader.headers.get("location")!, baseURL).origin, JSON.stringify(redirectTo)).toBe(baseURL);
    }
  });

  it("for ordinary attacks (//host, \\host, absolute URLs)", async () => {
    const s = await session("skole.580@demo.dk");
    for (const redirectTo of ["//evil.example/", "/\\evil.example/", "https://evil.example/", "javascript:alert(1)"]) {
      const loader = await get(`/login?redirectTo=${encodeURIComponent(redirectTo)}`, s.cookie);
      expect(loader.status).toBe(302);
      expect(new URL(loader.headers.get("location")!, baseURL).origin, JSON.stringify(redirectTo)).toBe(baseURL);
    }
  });
});

describe.skipIf(!chromiumPath)("in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the login page to anyone, accessibly, and returns to the asked-for page after login", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await visit(page, "/login");
    await expect(page.locator("h1").textContent()).resolves.toBe("Log ind");
    await visit(page, "/om-data");
    expect(new URL(page.url()).pathname).toBe("/om-data");

    const wanted = "/kommuner/849/indikatorer/fp9-deltagelse?maalgruppe=anbragte";
    await page.goto(`${baseURL}${wanted}`);
    const at = new URL(page.url());
    expect(at.pathname).toBe("/login");
    expect(at.searchParams.get("redirectTo")).toBe(wanted);
    await expectAccessible(page);
    await page.getByLabel("E-mailadresse").fill("skole.849@demo.dk");
    await page.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Log ind" }).click();
    await page.waitForURL((url) => url.pathname + url.search === wanted);
    await context.close();
  });

  it("runs the page's scripts under the CSP without a single violation", async () => {
    const context = await loggedInContext(browser, "social.580@demo.dk");
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (msg) => {
      if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    await visit(page, "/kommuner/849/indikatorer/fp9-deltagelse");
    // the chart answers the arrow keys only once React has hydrated: the scripts ran with the nonce
    const values = page.locator("#udvikling .cartesian-chart__values");
    await expect
      .poll(async () => {
        await page.locator("#udvikling .cartesian-chart__scroll svg.recharts-surface").focus();
        await page.keyboard.press("Home");
        return values.textContent();
      })
      .toMatch(/^2015\/16: /);
    expect(violations).toEqual([]);
    await context.close();
  });

  it("creates an API token on /profil that opens the API, and revoking it closes it", async () => {
    const context = await loggedInContext(browser, "skole.849@demo.dk");
    const page = await context.newPage();
    await visit(page, "/profil");
    const name = `e2e-script-${RUN}`;
    await page.getByLabel("Navn på tokenet").fill(name);
    await page.getByRole("button", { name: "Opret token" }).click();
    const shown = page.locator("[data-testid=new-token]");
    await shown.waitFor();
    const apiToken = (await shown.textContent())!.trim();
    expect(apiToken).toMatch(/^fr_[A-Za-z0-9_-]{20,}$/);
    await expectAccessible(page);

    const url = "/api/v1/observationer?indikator=uu-21&kommune=849";
    const ok = await get(url, null, { Authorization: `Bearer ${apiToken}` });
    expect(ok.status).toBe(200);
    const rows = await ok.json();
    expect(Array.isArray(rows)).toBe(true);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r: { kommune: string }) => r.kommune === "849")).toBe(true);

    await page.getByRole("button", { name: `Tilbagekald ${name}` }).click();
    const row = page.locator("tr", { has: page.getByRole("rowheader", { name }) });
    await row.getByText("Tilbagekaldt").waitFor();
    await expectAccessible(page);

    const revoked = await get(url, null, { Authorization: `Bearer ${apiToken}` });
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).fejl).toBeTruthy();
    await context.close();
  });

  describe("a user created, used and deactivated by the secretariat", () => {
    const email = `e2e-deaktiveres-${RUN}@example.dk`;
    const password = "en lang e2e adgangskode 2026";
    let admin: BrowserContext;
    let userId = "";

    beforeAll(async () => {
      admin = await loggedInContext(browser, "sekretariat@demo.dk");
    });
    afterAll(async () => {
      await admin?.close();
    });

    it("loses a live session at once when deactivated", async () => {
      const a = await admin.newPage();
      await visit(a, "/admin/brugere");
      const form = a.locator("form#new-user");
      await form.getByLabel("E-mailadresse").fill(email);
      await form.getByLabel("Navn").fill("E2E Deaktiveres");
      await form.getByLabel("Rolle").selectOption("skoledirektoer");
      await form.getByLabel("Kommune").selectOption("849");
      await form.getByRole("button", { name: "Opret bruger" }).click();
      const linkEl = a.locator("[data-testid=reset-link]");
      await linkEl.waitFor();
      const link = (await linkEl.textContent())!.trim();
      expect(link.startsWith(`${baseURL}/nulstil/`)).toBe(true);
      await expectAccessible(a);
      userId = (await a
        .locator("tr", { has: a.getByRole("rowheader", { name: email }) })
        .locator('input[name="userId"]')
        .getAttribute("value"))!;
      expect(userId).toMatch(/^\d+$/);

      // the new user sets a password through the one-time link, in a browser without a session
      const fresh = await browser.newContext();
      const f = await fresh.newPage();
      await visit(f, link.slice(baseURL.length));
      await f.getByLabel("Ny adgangskode", { exact: true }).fill(password);
      await f.getByLabel("Gentag den nye adgangskode").fill(password);
      await f.getByRole("button", { name: "Gem adgangskode" }).click();
      await f.waitForURL(/\/login\?nulstillet=1$/);
      // the link works once
      await visit(f, link.slice(baseURL.length));
      await f.getByText("Linket virker ikke").waitFor();
      await fresh.close();

      // context B: the new user logs in and works
      const b = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const bp = await b.newPage();
      await formLogin(bp, email, password);
      await visit(bp, "/kommuner/849");
      await expect(bp.locator("h1").textContent()).resolves.toBe("Overblik for Jammerbugt Kommune");

      // context A: the secretariat deactivates the user
      await visit(a, "/admin/brugere");
      await a.getByRole("button", { name: `Deaktivér ${email}` }).click();
      await a.getByRole("status").getByText("Brugeren er deaktiveret").waitFor();
      // the row says so too (waited for: under a loaded CI machine the row can paint a moment after the alert)
      await a
        .locator("tr", { has: a.getByRole("rowheader", { name: email }) })
        .filter({ hasText: "Deaktiveret" })
        .waitFor({ timeout: 5000 });
      await expectAccessible(a);

      // B's next page load lands on the login page
      await bp.goto(`${baseURL}/kommuner/849/indikatorer/fp9-deltagelse`);
      const at = new URL(bp.url());
      expect(at.pathname).toBe("/login");
      expect(at.searchParams.get("redirectTo")).toBe("/kommuner/849/indikatorer/fp9-deltagelse");
      await b.close();

      // and the password no longer lets the user in (one failed login)
      const again = await httpLogin(email, password);
      expect(again.status).toBe(200);
      expect(again.cookie).toBeNull();
      await a.close();
    });

    it("leaves the login, the creation and the deactivation in the audit log", async () => {
      expect(userId, "the previous test created the user").toMatch(/^\d+$/);
      const a = await admin.newPage();

      // filtered through the form, as a person would
      await visit(a, "/admin/revision");
      await a.getByLabel("Bruger (e-mail indeholder)").fill(email);
      await a.getByRole("button", { name: "Filtrér" }).click();
      await a.waitForURL(/bruger=/);
      await a.locator("tbody tr").first().waitFor();
      await expectAccessible(a);
      const rows = async () =>
        a
          .locator("tbody tr")
          .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim())));
      const byUser = await rows();
      const actions = byUser.map((r) => r[2]);
      expect(actions).toContain("login");
      expect(actions).toContain("user.password-set");
      expect(actions).toContain("login.failed");
      for (const r of byUser) expect(r[1]).toBe(email);

      await visit(a, `/admin/revision?handling=user.create&bruger=sekretariat%40demo.dk`);
      const created = (await rows()).filter((r) => r[4].includes(email));
      expect(created).toHaveLength(1);
      expect(created[0]).toEqual([
        expect.any(String),
        "sekretariat@demo.dk",
        "user.create",
        `user ${userId} (849)`,
        expect.stringContaining('"role":"skoledirektoer"'),
      ]);

      await visit(a, `/admin/revision?handling=user.deactivate`);
      const deactivated = (await rows()).filter((r) => r[3] === `user ${userId} (849)`);
      expect(deactivated).toHaveLength(1);
      expect(deactivated[0].slice(1)).toEqual([
        "sekretariat@demo.dk",
        "user.deactivate",
        `user ${userId} (849)`,
        '{"active":true} → {"active":false}',
      ]);
      await a.close();
    });
  });

  const ROLE_ACCOUNTS = [
    ["sekretariat", "sekretariat@demo.dk"],
    ["skoledirektoer", "skole.849@demo.dk"],
    ["socialdirektoer", "social.849@demo.dk"],
    ["byraad", "byraad.849@demo.dk"],
  ] as const;

  /** The 403 page, with its Danish explanation. (axe on it: see the test below.) */
  async function expectForbidden(page: Page, path: string) {
    const res = await page.goto(`${baseURL}${path}`);
    expect(res?.status(), path).toBe(403);
    await expect(page.locator("body").textContent()).resolves.toContain("Du har ikke adgang");
  }

  // BUG (reported): the error page (root ErrorBoundary) has no <title>, so axe fails it
  // (document-title, WCAG 2.4.2) – for 403 as for 404. Make it `it` when fixed.
  it("shows an accessible 403 page", async () => {
    const context = await loggedInContext(browser, "byraad.849@demo.dk");
    const page = await context.newPage();
    try {
      await expectForbidden(page, "/kommuner/167");
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });

  it.each(ROLE_ACCOUNTS)("as %s (%s) shows what the role may see, and refuses the rest", async (role, email) => {
    const context = await loggedInContext(browser, email);
    const page = await context.newPage();
    if (role === "sekretariat") {
      await visit(page, "/");
      const links = await navLinks(page);
      expect(links).toContain("Brugere");
      expect(links).toContain("Revisionsspor");
      await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Revisionsspor" }).click();
      await page.waitForURL(/\/admin\/revision$/);
      await page.getByRole("heading", { level: 1, name: "Revisionsspor" }).waitFor();
      await expectAccessible(page);
      await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Brugere" }).click();
      await page.waitForURL(/\/admin\/brugere$/);
      await page.getByRole("heading", { level: 1, name: "Brugere" }).waitFor();
      await expectAccessible(page);
      await visit(page, "/kommuner/167");
      await visit(page, "/admin/brugere");
    } else if (role === "byraad") {
      // a council member lands on the newest published report (issue 24)
      await visit(page, "/");
      expect(new URL(page.url()).pathname).toBe("/kommuner/849/rapporter/2025K3");
      await visit(page, "/kommuner/849");
      await expect(page.locator("h1").textContent()).resolves.toBe("Overblik for Jammerbugt Kommune");
      const links = await navLinks(page);
      expect(links).not.toContain("Brugere");
      expect(links).not.toContain("Kommuner");
      // the header's switcher (if shown at all) offers no other municipality
      const offered = await page.locator("#kommunevaelger option:not([disabled])").allTextContents();
      expect(offered.filter((name) => name !== "Jammerbugt")).toEqual([]);
      await expectForbidden(page, "/kommuner/167");
      await expectForbidden(page, "/admin/brugere");
      await visit(page, "/kommuner/849");
    } else {
      await visit(page, "/kommuner/167");
      await expect(page.locator("h1").textContent()).resolves.toBe("Overblik for Hvidovre Kommune");
      const links = await navLinks(page);
      expect(links).not.toContain("Brugere");
      expect(links).not.toContain("Revisionsspor");
      await expectForbidden(page, "/admin/brugere");
      await expectForbidden(page, "/admin/revision");
      await visit(page, "/kommuner/167");
    }
    await page.screenshot({ path: screenshotPath(`rolle-${role}`), fullPage: false });
    await context.close();
  });
});
