import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { danishIn } from "../support/danish";
import { baseURL, chromiumPath, launchBrowser, loggedInContext } from "./browser";

/** On ?lng=en the product speaks English: titles, refusals and form errors, not only the labels. */
describe.skipIf(!chromiumPath)("the English pages", () => {
  let browser: Browser;
  let director: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    director = await loggedInContext(browser, "skole.849@demo.dk");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    "/kommuner/849",
    "/kommuner/849/indikatorer/fp9-deltagelse",
    "/kommuner/849/maal",
    "/kommuner/849/maal/ny",
    "/kommuner/849/rapporter",
    "/kommuner/849/investeringer",
    "/partnerskabsmaal",
    "/udfordringer",
    "/om-data",
    "/profil",
  ])("titles %s in English", async (path) => {
    const page = await director.newPage();
    const res = await page.goto(`${baseURL}${path}?lng=en`);
    expect(res?.status()).toBe(200);
    const title = await page.title();
    expect(title).toMatch(/– Fælles retning$/);
    expect(danishIn(title), title).toBeNull();
    await page.close();
  });

  it("names the eight challenges in English", async () => {
    const page = await director.newPage();
    await page.goto(`${baseURL}/udfordringer?lng=en`);
    const headings = await page.locator("main h2").allInnerTexts();
    expect(headings.join("\n")).toContain(
      "Children and young people in vulnerable positions meet low expectations of their academic development",
    );
    for (const h of headings) expect(danishIn(h), h).toBeNull();
    await page.close();
  });

  it("says a missing target is missing (404) in English", async () => {
    const page = await director.newPage();
    const res = await page.goto(`${baseURL}/kommuner/849/maal/999999?lng=en`);
    expect(res?.status()).toBe(404);
    const main = await page.locator("main").innerText();
    expect(main).toContain("The target does not exist.");
    expect(danishIn(main), main).toBeNull();
    expect(danishIn(await page.title())).toBeNull();
    await page.close();
  });

  it("refuses another department's page (403) in English", async () => {
    const page = await director.newPage();
    const res = await page.goto(`${baseURL}/admin/brugere?lng=en`);
    expect(res?.status()).toBe(403);
    const main = await page.locator("main").innerText();
    expect(main).toContain("You do not have access to this.");
    expect(danishIn(main), main).toBeNull();
    await page.close();
  });

  it("tells what is wrong with a target form in English", async () => {
    const page = await director.newPage();
    await page.goto(`${baseURL}/kommuner/849/maal/ny?lng=en`);
    await page.locator('main form button[type="submit"]').last().click();
    const summary = page.locator(".form-error-summary, [role=alert]").first();
    await summary.waitFor();
    const errors = await page.locator(".form-error-message").allInnerTexts();
    expect(errors.length).toBeGreaterThan(2);
    for (const text of [await summary.innerText(), ...errors]) expect(danishIn(text), text).toBeNull();
    expect(errors.join(" ")).toContain("Write a title.");
    await page.close();
  });

  it("answers the API in English when asked, Danish by default", async () => {
    const en = await fetch(`${baseURL}/api/v1/observationer?indikator=uu-21`, {
      headers: { "Accept-Language": "en-GB,en;q=0.9,da;q=0.5" },
    });
    expect(en.status).toBe(401);
    const body = (await en.json()) as { fejl: string; kode: string };
    expect(body.kode).toBe("unauthenticated");
    expect(danishIn(body.fejl), body.fejl).toBeNull();
    const da = (await (await fetch(`${baseURL}/api/v1/observationer?indikator=uu-21`)).json()) as { fejl: string };
    expect(da.fejl).toContain("Log ind");
  });
});
