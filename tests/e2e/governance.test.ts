import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, visit } from "./a11y";
import { chromiumPath, launchBrowser, loggedInContext, screenshotPath } from "./browser";

/**
 * Issue 19 in Chromium: both directors of Jammerbugt (849) walk a status to "fælles", with the
 * withdrawal notice in between, and the council member reads the published report as it was
 * true that quarter.
 */
describe.skipIf(!chromiumPath)("the governance chain in Chromium", () => {
  let browser: Browser;
  let school: BrowserContext;
  let social: BrowserContext;
  let council: BrowserContext;
  let targetPath = "";
  const title = `Rettidig fælles opfølgning ${Date.now()}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    school = await loggedInContext(browser, "skole.849@demo.dk");
    social = await loggedInContext(browser, "social.849@demo.dk");
    council = await loggedInContext(browser, "byraad.849@demo.dk");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("keeps the form on a validation error with one challenge ticked, lists the errors with links, and takes a decimal comma", async () => {
    const page = await school.newPage();
    await visit(page, "/kommuner/849/maal/ny");
    await page.getByLabel("Begrundelse").fill("Skole og familieafdeling sætter de skolefaglige mål sammen.");
    await page.getByLabel("4. Systematik og fælles ansvar").check();
    await page.getByLabel("Indikator", { exact: true }).selectOption("handleplan-skolemaal");
    await page.getByLabel("Målgruppe", { exact: true }).selectOption("udsatte");
    await page.getByLabel("Udgangsperiode").fill("2023K1");
    await page.getByLabel("Målværdi").fill("65,5");
    // the baseline from Jammerbugt's own data shows as soon as indicator, group and period are chosen
    await page.getByText(/Udgangsværdi i 2023K1: 39(,3)? %/).waitFor();
    await page.getByLabel("Frist").fill("2026K4");
    // only the chosen kind's section is shown
    expect(await page.getByLabel("Milepæl 1").isVisible()).toBe(false);
    // no title: the answer is the form again with an error summary, never a 500
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Opret fælles mål" }).click(),
    ]);
    expect(response.status()).toBeLessThan(500);
    const summaryLink = page.getByRole("alert").getByRole("link").first();
    await summaryLink.waitFor();
    expect(await summaryLink.getAttribute("href")).toMatch(/^#/);
    expect(await page.getByLabel("4. Systematik og fælles ansvar").isChecked()).toBe(true);
    expect(await page.getByLabel("Målværdi").inputValue()).toBe("65,5");
    await page.getByLabel("Titel").fill(title);
    await page.getByRole("button", { name: "Opret fælles mål" }).click();
    await page.waitForURL(/\/kommuner\/849\/maal\/\d+$/);
    targetPath = new URL(page.url()).pathname;
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.close();
  });

  it("walks both directors to a joint status, telling each about the withdrawn confirmation", async () => {
    const s = await school.newPage();
    await visit(s, targetPath);
    await s.getByLabel("Hvad er gjort").fill("Fælles opfølgningsmøder på alle skoler.");
    await s.getByLabel("Hvad sker der nu").fill("Familierne inddrages i januar.");
    await s.getByLabel("På sporet").check();
    await s.getByLabel("Bekræft status, når den gemmes").check();
    await s.getByRole("button", { name: "Gem min del" }).click();
    await s.getByText("Den fælles status kræver").waitFor();

    const o = await social.newPage();
    await visit(o, targetPath);
    // the social side is not written: it cannot confirm the school's text as a joint status
    expect(await o.getByRole("button", { name: "Bekræft hele status, som den står" }).count()).toBe(0);
    await o.getByLabel("Hvad er gjort").fill("Rådgiverne deltager i møderne.");
    await o.getByLabel("Hvad sker der nu").fill("Handleplanerne opdateres.");
    await o.getByLabel("På sporet").check();
    await o.getByLabel("Bekræft status, når den gemmes").check();
    await o.getByRole("button", { name: "Gem min del" }).click();
    // the saver is told that the school's confirmation is withdrawn
    await o.getByText("bekræftelse er dermed trukket tilbage").waitFor();
    await o.screenshot({ path: screenshotPath("i19-withdrawn-saver"), fullPage: true });

    await visit(s, "/kommuner/849/maal");
    await s
      .getByText(/bekræftelse trukket tilbage af Socialdirektør 849/)
      .first()
      .waitFor();
    await visit(s, targetPath);
    await s.getByText("Din bekræftelse er trukket tilbage").waitFor();
    await expectAccessible(s);
    await s.getByRole("button", { name: "Bekræft hele status, som den står" }).click();
    await s.getByRole("heading", { name: "2025K4: Fælles – bekræftet af begge" }).waitFor();
    await s.close();
    await o.close();
  });

  it("lets the council member read the published 2025K3 report as of 30 September: no 2025K4 value, status from 2025K3", async () => {
    const page = await council.newPage();
    await visit(page, "/kommuner/849/rapporter/2025K3");
    await page.getByRole("heading", { level: 1, name: /Kvartalsrapport for 3\. kvartal 2025/ }).waitFor();
    const section = page.locator("section.report-target", {
      has: page.getByRole("heading", { name: "Fælles opfølgning inden for 4 måneder" }),
    });
    // the status rests on a period ended by 30 September, never on 2025K4
    expect(await section.innerText()).not.toMatch(/seneste viste tal: 4\. kvt\. 2025/);
    // and the report's table has no row for a quarter after its own (the chart alone shows the plan)
    expect(await section.locator("tr", { has: page.getByRole("rowheader", { name: "4. kvt. 2025" }) }).count()).toBe(0);
    expect(await section.locator("tr", { has: page.getByRole("rowheader", { name: "2. kvt. 2025" }) }).count()).toBe(1);
    await expectAccessible(page);
    await page.close();
  });
});
