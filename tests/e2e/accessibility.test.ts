import fs from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, visit } from "./a11y";
import { ARTIFACTS, chromiumPath, launchBrowser, loggedInContext, screenshotPath } from "./browser";

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `max`. */
async function tabTo(page: Page, matches: (el: { tag: string; text: string; href: string | null }) => boolean, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName ?? "", text: (a?.textContent ?? "").trim(), href: a?.getAttribute("href") ?? null };
    });
    if (matches(el)) return;
  }
  throw new Error("the element was not reachable with Tab");
}

describe.skipIf(!chromiumPath)("accessibility in Chromium", () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    context = await loggedInContext(browser, "sekretariat@demo.dk");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("walks by keyboard alone from the front page to an indicator and switches target group", async () => {
    const page = await context.newPage();
    await visit(page, "/");
    // the skip link is the first stop and moves focus to the content
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Gå til indhold");
    await tabTo(page, (el) => el.tag === "INPUT");
    await page.keyboard.type("jammer");
    await page.keyboard.press("Enter");
    await page.waitForURL(/q=jammer/);
    await tabTo(page, (el) => el.tag === "A" && el.href === "/kommuner/849");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Overblik for Jammerbugt Kommune" }).waitFor();
    await tabTo(page, (el) => el.tag === "A" && (el.href ?? "").startsWith("/kommuner/849/indikatorer/fp9-deltagelse"));
    await page.keyboard.press("Enter");
    await page.waitForURL(/indikatorer\/fp9-deltagelse/);
    await page.getByRole("heading", { level: 1 }).filter({ hasText: "bundne prøver" }).waitFor();
    await tabTo(page, (el) => el.tag === "A" && el.text === "Forebyggende foranstaltninger");
    await page.keyboard.press("Enter");
    await page.waitForURL(/maalgruppe=forebyggende/);
    await page.locator("#udvikling-title", { hasText: "Forebyggende" }).waitFor();
    await expectAccessible(page);
    // focus stays visible: the focused element draws an outline
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe("none");
    await page.close();
  });

  it.each([
    ["1280", 1280],
    ["375", 375],
    ["320", 320],
  ])("lays out the overview without horizontal scrolling at %s px", async (name, width) => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await visit(page, "/kommuner/849");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath(`overblik-${name}px`), fullPage: false });
    await page.close();
  });

  it("works at 200 % zoom (640 px at device scale 2)", async () => {
    const zoomed = await loggedInContext(browser, "sekretariat@demo.dk", { viewport: { width: 640, height: 800 }, deviceScaleFactor: 2 });
    const page = await zoomed.newPage();
    await visit(page, "/kommuner/849/indikatorer/fp9-deltagelse");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await zoomed.close();
  });

  it("prints the overview and an indicator page on A4 without navigation", async () => {
    const page = await context.newPage();
    for (const [name, path] of [
      ["overblik", "/kommuner/849"],
      ["indikator", "/kommuner/849/indikatorer/fp9-deltagelse"],
    ] as const) {
      await visit(page, path);
      await page.emulateMedia({ media: "print" });
      expect(await page.locator(".site-nav").isVisible()).toBe(false);
      if (name === "indikator") {
        expect(await page.locator("figure table").first().isVisible()).toBe(true);
        // the chart must survive print layout, scaled to the page rather than scrolled
        const box = await page.locator("#udvikling .cartesian-chart__scroll svg.recharts-surface").boundingBox();
        expect(box!.width).toBeGreaterThan(200);
      }
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
      fs.writeFileSync(`${ARTIFACTS}/print-${name}.pdf`, pdf);
      await page.emulateMedia({ media: "screen" });
    }
    await page.close();
  });
});

describe.skipIf(!chromiumPath)("the developers' component page", () => {
  it("shows every component and state, and passes axe", async () => {
    const browser = await launchBrowser();
    const context = await loggedInContext(browser, "sekretariat@demo.dk");
    const page = await context.newPage();
    await visit(page, "/dev/komponenter");
    expect(await page.locator(".status-badge").count()).toBe(5);
    expect(await page.locator(".alert").count()).toBeGreaterThanOrEqual(4);
    // the field with an error announces it: the message is tied to the input
    const described = await page.locator("#eksempel-maal").getAttribute("aria-describedby");
    expect(described).toContain("eksempel-maal-error");
    await page.screenshot({ path: screenshotPath("komponenter"), fullPage: true });
    await browser.close();
  });
});
