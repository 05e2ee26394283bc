import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, visit } from "./a11y";
import { baseURL, chromiumPath, launchBrowser, loggedInContext, screenshotPath } from "./browser";

describe.skipIf(!chromiumPath)("the dashboard in Chromium", () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    context = await loggedInContext(browser, "sekretariat@demo.dk");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("finds a municipality from the front page", async () => {
    const page = await context.newPage();
    await visit(page, "/");
    // the secretariat lands on the partnership overview, the municipality search below it
    await expect(page.locator("h1").textContent()).resolves.toMatch(/^Partnerskabet: status i /);
    await page.getByLabel("Søg efter kommune").fill("jammer");
    await page.getByRole("button", { name: "Søg" }).click();
    await page.waitForURL(/q=jammer/);
    await page
      .locator(".municipality-list")
      .getByRole("link", { name: /Jammerbugt/ })
      .click();
    await page.waitForURL(/\/kommuner\/849$/);
    await page.getByRole("heading", { level: 1, name: "Overblik for Jammerbugt Kommune" }).waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath("forside"), fullPage: false });
    await page.close();
  });

  it("shows Jammerbugt's overview with challenge filters, switches target group, and says the data are synthetic", async () => {
    const page = await context.newPage();
    await visit(page, "/kommuner/849?maalgruppe=anbragte");
    await expect(page.getByRole("note").textContent()).resolves.toContain("syntetiske");
    // each indicator once; the eight challenges are a filter (links) and tags on the cards
    const filter = page.getByRole("navigation", { name: "Vis udfordring" });
    expect(await filter.getByRole("link").count()).toBe(9);
    const all = await page.locator("article.indicator-card").count();
    await filter.getByRole("link", { name: /^2\. / }).click();
    await page.waitForURL(/udfordring=2/);
    await page.locator('.challenge-filter a[aria-current="true"]', { hasText: "2." }).waitFor();
    expect(await page.locator("article.indicator-card").count()).toBeLessThan(all);
    await filter.getByRole("link", { name: "Alle" }).click();
    await page.waitForURL((u) => !u.search.includes("udfordring"));
    await page.locator('.challenge-filter a[aria-current="true"]', { hasText: "Alle" }).waitFor();
    const card = page.locator("article", { has: page.getByRole("link", { name: /aflagt de bundne prøver/ }) }).first();
    await expect(card.textContent()).resolves.toContain("Målgruppe: Anbragte");
    const anbragteValue = await card.locator(".indicator-card__value").textContent();
    const anbragteAll = (await page.locator(".indicator-card__value").allTextContents()).join("|");
    // a value, or .. where Jammerbugt has fewer than 5 placed pupils in 9th grade
    expect(anbragteValue).toMatch(/^(.*: )?(\d+ %|\.\.(Færre end 5 børn|Skjult).*)$/);
    await page.screenshot({ path: screenshotPath("overblik-849"), fullPage: true });

    await page.getByRole("link", { name: "Øvrige børn" }).click();
    await page.waitForURL(/maalgruppe=oevrige/);
    // client-side navigation: wait until the new render has committed
    await page.locator('a[aria-current="true"]', { hasText: "Øvrige børn" }).waitFor();
    await expect(card.textContent()).resolves.toContain("Målgruppe: Øvrige børn");
    await expectAccessible(page);
    // the figures follow the switch (single cells may be withheld in both groups)
    expect((await page.locator(".indicator-card__value").allTextContents()).join("|")).not.toBe(anbragteAll);
    await page.screenshot({ path: screenshotPath("overblik-849-oevrige"), fullPage: false });
    await page.close();
  });

  it("draws the indicator page's charts, with a table for each", async () => {
    const page = await context.newPage();
    await visit(page, "/kommuner/849/indikatorer/fp9-deltagelse?maalgruppe=anbragte");
    const chart = page.locator("#udvikling .cartesian-chart__scroll svg.recharts-surface");
    await chart.waitFor();
    expect(await page.locator("#udvikling-title").textContent()).toContain("Jammerbugt");
    // keyboard users reach the chart and step through the periods with the arrow keys; the values are read out
    const values = page.locator("#udvikling .cartesian-chart__values");
    expect(await values.getAttribute("aria-live")).toBe("polite");
    // (pressed again until React has hydrated and answers)
    await expect
      .poll(async () => {
        await chart.focus();
        await page.keyboard.press("Home");
        return values.textContent();
      })
      .toMatch(/^2015\/16: Jammerbugt .*Hele landet \d+,\d %/);
    await page.keyboard.press("ArrowRight");
    await values.filter({ hasText: /^2016\/17: / }).waitFor();
    await page.keyboard.press("End");
    await values.filter({ hasText: /^2024\/25: / }).waitFor();
    // one line per series, broken where a value is missing
    expect(await chart.locator("path.recharts-line-curve").count()).toBe(4);
    const named = await chart.getAttribute("aria-labelledby");
    expect(await page.locator(`[id="${named}"]`).textContent()).toContain("Udvikling over tid");
    const rows = page.locator("figure").first().locator("tbody tr");
    await expect(rows.count()).resolves.toBe(10);
    expect(await page.locator("figure").count()).toBe(2);
    await page.screenshot({ path: screenshotPath("indikator-849-fp9"), fullPage: true });

    await visit(page, "/kommuner/849/indikatorer/anbragte-type");
    await page.locator("#anbringelsessted .cartesian-chart__scroll svg.recharts-surface").waitFor();
    expect(
      await page
        .locator("#anbringelsessted .cartesian-chart__scroll svg.recharts-surface .recharts-bar-rectangle [fill='#0b5fa5']")
        .count(),
    ).toBeGreaterThan(5);
    await expect(page.locator("#anbringelsessted-title").textContent()).resolves.toContain("anbringelsessted");
    await page.screenshot({ path: screenshotPath("indikator-849-anbragte-type"), fullPage: true });
    await page.close();
  });

  it("draws the charts and carries the numbers without JavaScript", async () => {
    const noJs = await loggedInContext(browser, "skole.849@demo.dk", { javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${baseURL}/kommuner/849/indikatorer/fp9-deltagelse`);
    const firstFigure = page.locator("figure").first();
    await expect(firstFigure.locator("tbody tr").count()).resolves.toBe(10);
    const cells = await firstFigure.locator("tbody td").allTextContents();
    expect(cells.some((c) => /\d+,\d %/.test(c))).toBe(true);
    // the chart is drawn on the server: lines and all, before any script runs
    const box = await firstFigure.locator(".cartesian-chart__scroll svg.recharts-surface").boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(200);
    expect(await firstFigure.locator(".cartesian-chart__scroll svg.recharts-surface path").count()).toBeGreaterThan(0);
    // the target-group switch is plain links, so it works without JavaScript too
    await page.getByRole("link", { name: "Forebyggende foranstaltninger" }).click();
    await page.waitForURL(/maalgruppe=forebyggende/);
    await expect(page.locator("#udvikling-title").textContent()).resolves.toContain("Forebyggende");
    await page.screenshot({ path: screenshotPath("indikator-uden-js"), fullPage: false });
    await noJs.close();
  });

  it("links a director to the targets and reports of their own municipality only", async () => {
    const director = await loggedInContext(browser, "skole.849@demo.dk");
    const page = await director.newPage();
    const nav = page.getByRole("navigation", { name: "Hovedmenu" });
    await visit(page, "/kommuner/849");
    expect(await nav.getByRole("link", { name: "Fælles mål" }).getAttribute("href")).toBe("/kommuner/849/maal");
    expect(await nav.getByRole("link", { name: "Kvartalsrapporter" }).count()).toBe(1);
    // another municipality's figures are open to directors; its targets and reports are internal to it
    await visit(page, "/kommuner/101");
    expect(await nav.getByRole("link", { name: /^Overblik: København/ }).count()).toBe(1);
    expect(await nav.getByRole("link", { name: "Fælles mål" }).count()).toBe(0);
    expect(await nav.getByRole("link", { name: "Kvartalsrapporter" }).count()).toBe(0);
    await director.close();
  });

  it("speaks English with ?lng=en, in the browser's own renders too, and a Danish page does not load the English strings", async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
    page.on("pageerror", (e) => errors.push(e.message));
    const scripts: string[] = [];
    page.on("request", (r) => void (r.resourceType() === "script" && scripts.push(new URL(r.url()).pathname)));
    const englishStrings = () => scripts.filter((u) => /^\/assets\/en-[\w-]+\.js$/.test(u));

    await visit(page, "/kommuner/849?lng=en");
    await expect(page.locator("h1").textContent()).resolves.toBe("Overview for Jammerbugt Municipality");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    expect(englishStrings()).toHaveLength(1);
    // a client-side navigation renders in the browser, with the strings it loaded before hydrating
    await page.getByRole("link", { name: "Other children" }).click();
    await page.locator('a[aria-current="true"]', { hasText: "Other children" }).waitFor();
    await expect(page.locator("main").textContent()).resolves.toContain("Target group: Other children");
    expect(errors).toEqual([]); // no hydration mismatch
    // indicators are named in English wherever a page names them
    for (const path of ["/sammenlign?indikator=fravaer&lng=en", "/udfordringer?lng=en", "/indlaes?lng=en"]) {
      await visit(page, path);
      const main = (await page.locator("main").textContent()) ?? "";
      expect(main, path).toContain("Pupils with more than 10% absence");
      expect(main, path).not.toContain("Andel elever med mere end 10 % fravær");
    }
    expect(errors).toEqual([]);

    scripts.length = 0;
    await visit(page, "/kommuner/849?lng=da");
    await expect(page.locator("h1").textContent()).resolves.toBe("Overblik for Jammerbugt Kommune");
    expect(scripts.length).toBeGreaterThan(0);
    expect(englishStrings()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
