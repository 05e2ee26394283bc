import { execFileSync } from "node:child_process";
import fs from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, visit } from "./a11y";
import { baseURL, chromiumPath, hasPoppler, launchBrowser, loggedInContext, screenshotPath } from "./browser";

/** The quarterly target with a chart in the demo data: its page, found from the targets list. */
async function quarterlyTargetPath(page: Page): Promise<string> {
  await page.goto(`${baseURL}/kommuner/849/maal`);
  const href = (
    await page.getByRole("link", { name: "Fælles opfølgning inden for 4 måneder", exact: true }).first().getAttribute("href")
  )?.split("#")[0];
  expect(href).toMatch(/^\/kommuner\/849\/maal\/\d+$/);
  return href!;
}

/** Chart text in CSS pixels as drawn: the font size times the SVG's scale from its viewBox. */
function smallestChartText(page: Page): Promise<number> {
  return page.evaluate(() => {
    let smallest = Infinity;
    for (const text of document.querySelectorAll("main svg text")) {
      const svg = text.closest("svg")!;
      if (text.getBoundingClientRect().width === 0) continue;
      const box = svg.viewBox.baseVal;
      const scale = box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
    }
    return smallest;
  });
}

/**
 * Issue 24: on a 375 px phone no page scrolls sideways and chart text stays at 12 px or more;
 * the menu collapses behind one button (and stays open without JavaScript); on paper a chart
 * keeps its title and no button or form is printed.
 */
describe.skipIf(!chromiumPath)("phone and print", () => {
  let browser: Browser;
  let phone: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    phone = await loggedInContext(browser, "skole.849@demo.dk", { viewport: { width: 375, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("scrolls no page sideways at 375 px, and keeps chart text at 12 px or more", async () => {
    const page = await phone.newPage();
    const target = await quarterlyTargetPath(page);
    for (const path of [
      "/kommuner/849",
      "/kommuner/849/indikatorer/fp9-deltagelse",
      "/kommuner/849/maal",
      target,
      "/sammenlign",
      "/kommuner/849/rapporter/2025K3?version=1",
      "/udfordringer",
    ]) {
      await visit(page, path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      expect(await smallestChartText(page), `${path} has chart text below 12 px`).toBeGreaterThanOrEqual(11.9);
      // the exact records under the charts become one block of labelled values per row
      for (const table of await page.locator("table.stacked-table:visible").all()) {
        const row = table.locator("tbody tr").first();
        expect(await row.evaluate((e) => getComputedStyle(e).display), `${path}: a stacked table's row`).toBe("block");
      }
    }
    await visit(page, "/kommuner/849/indikatorer/fp9-deltagelse");
    expect(await page.locator("#udvikling table.stacked-table").count()).toBe(1);
    // the eight challenges' indicator tables too: six columns do not fit a phone
    await visit(page, "/udfordringer");
    expect(await page.locator(".challenge-section table.stacked-table").count()).toBe(8);
    await page.close();
  });

  it("collapses the menu behind one button on a phone; a followed link closes it", async () => {
    const page = await phone.newPage();
    await visit(page, "/kommuner/849");
    const nav = page.locator("#site-nav");
    const button = page.getByRole("button", { name: "Menu", exact: true });
    expect(await nav.isVisible()).toBe(false);
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    // the first screen is the page, not the header
    const header = await page.locator(".site-header").boundingBox();
    expect(header!.height).toBeLessThan(100);
    await button.click();
    const close = page.getByRole("button", { name: "Luk menu" });
    expect(await close.getAttribute("aria-expanded")).toBe("true");
    expect(await nav.isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath("phone-menu-open") });
    await expectAccessible(page);
    await nav.getByRole("link", { name: "Fælles mål", exact: true }).click();
    await page.waitForURL(/\/kommuner\/849\/maal$/);
    // ("Luk menu" would match a loose "Menu": the exact name is the closed menu's)
    await page.getByRole("button", { name: "Menu", exact: true }).waitFor();
    expect(await nav.isVisible()).toBe(false);
    await page.close();
  });

  it("keeps the menu open without JavaScript", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL}/om-data`);
    expect(await page.locator("#site-nav").isVisible()).toBe(true);
    expect(await page.locator(".site-menu-toggle").isVisible()).toBe(false);
    await context.close();
  });

  it.skipIf(!hasPoppler)("prints a target page with its chart beside its title, and no buttons or forms", async () => {
    const desk = await loggedInContext(browser, "skole.849@demo.dk");
    const page = await desk.newPage();
    await visit(page, await quarterlyTargetPath(page));
    await page.emulateMedia({ media: "print" });
    const file = screenshotPath("print-target").replace(/\.png$/, ".pdf");
    fs.writeFileSync(file, await page.pdf({ format: "A4", printBackground: true }));
    const pages = execFileSync("pdftotext", ["-layout", file, "-"]).toString().split("\f");
    const withTitle = pages.filter((p) => p.includes("Faktisk udvikling mod forløbet"));
    expect(withTitle.length).toBeGreaterThan(0);
    // the chart's axis and legend print on the page that has its title
    expect(withTitle[0]).toMatch(/100 %/);
    expect(withTitle[0]).toContain("Planlagt forløb");
    const text = pages.join("\n");
    for (const control of ["Gem min del", "Ret målet", "Markér som gennemført", "Log ud"]) expect(text).not.toContain(control);
    await desk.close();
  });
});
