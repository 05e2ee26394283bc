import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, visit } from "./a11y";
import { chromiumPath, launchBrowser, loggedInContext, screenshotPath } from "./browser";

/**
 * Issue 5 beyond the first status: a target is edited, its milestones ticked off, and it is
 * closed (never deleted); the secretariat sets a partnership-wide target that a municipality
 * adopts as its own.
 */
describe.skipIf(!chromiumPath)("a target's life in Chromium", () => {
  let browser: Browser;
  let school: BrowserContext;
  let social: BrowserContext;
  let council: BrowserContext;
  let secretariat: BrowserContext;
  let targetPath = "";
  const stamp = Date.now();
  const title = `Læringskoordinator i PPR ${stamp}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    school = await loggedInContext(browser, "skole.849@demo.dk");
    social = await loggedInContext(browser, "social.849@demo.dk");
    council = await loggedInContext(browser, "byraad.849@demo.dk");
    secretariat = await loggedInContext(browser, "sekretariat@demo.dk");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("creates a milestone target, edits it with the changes kept, and refuses an emptied title", async () => {
    const page = await school.newPage();
    await visit(page, "/kommuner/849/maal/ny");
    await page.getByLabel("Titel").fill(title);
    await page.getByLabel("Begrundelse").fill("En fast tovholder på tværs af skole og socialområde.");
    await page.getByLabel("4. ").first().check();
    await page.getByLabel("Mål med milepæle").check();
    await page.getByLabel("Milepæl 1").fill("Læringskoordinator ansat");
    await page.locator("#milestone-0-date").fill("2025-03-01");
    await page.getByLabel("Milepæl 2").fill("Vejledere udpeget på alle skoler");
    await page.locator("#milestone-1-date").fill("2026-06-30");
    await page.getByRole("button", { name: "Opret fælles mål" }).click();
    await page.waitForURL(/\/kommuner\/849\/maal\/\d+$/);
    targetPath = new URL(page.url()).pathname;

    await page.getByRole("link", { name: "Ret målet" }).click();
    await page.getByRole("heading", { level: 1, name: `Ret målet: ${title}` }).waitFor();
    await expectAccessible(page);
    // the kind is fixed; the form holds what is stored
    expect(await page.getByLabel("Mål med milepæle").count()).toBe(0);
    expect(await page.getByLabel("Milepæl 2").inputValue()).toBe("Vejledere udpeget på alle skoler");
    await page.getByLabel("Titel").fill("");
    await page.getByRole("button", { name: "Gem ændringerne" }).click();
    await page.getByText("Skriv en titel.").first().waitFor(); // in the error summary and at the field
    expect(await page.getByLabel("Milepæl 1").inputValue()).toBe("Læringskoordinator ansat");
    await expectAccessible(page);
    await page.getByLabel("Titel").fill(`${title} (rettet)`);
    await page.getByLabel("Milepæl 3").fill("Første fælles evaluering");
    await page.locator("#milestone-2-date").fill("2026-12-31");
    await page.getByRole("button", { name: "Gem ændringerne" }).click();
    await page.waitForURL((u) => u.pathname === targetPath && u.searchParams.has("aendret"));
    await page.getByRole("status").filter({ hasText: "Ændringerne er gemt" }).waitFor();
    await page.getByRole("heading", { level: 1, name: `${title} (rettet)` }).waitFor();
    expect(await page.locator(".milestones li").count()).toBe(3);
    await page.close();
  });

  it("ticks a milestone off, and the change shows for the other department", async () => {
    const page = await school.newPage();
    await visit(page, targetPath);
    await page.getByRole("button", { name: "Markér som gennemført: Læringskoordinator ansat" }).click();
    await page.getByRole("button", { name: "Markér som ikke gennemført: Læringskoordinator ansat" }).waitFor();
    await expectAccessible(page);
    await page.close();
    const other = await social.newPage();
    await visit(other, targetPath);
    expect(await other.locator(".milestones li").first().innerText()).toContain("gennemført");
    await other.close();
  });

  it("closes the target with a reason; it stays readable and takes no more changes", async () => {
    const page = await social.newPage();
    await visit(page, targetPath);
    await page.getByText("Luk målet som nået eller droppet").click();
    await page.getByRole("button", { name: "Luk målet" }).click();
    await page.getByText("Vælg, om målet er nået eller droppet.").waitFor();
    await expectAccessible(page);
    await page.getByLabel("Målet droppes").check();
    await page.getByLabel("Begrundelse").last().fill("Erstattet af partnerskabets fælles mål.");
    await page.getByRole("button", { name: "Luk målet" }).click();
    await page.getByRole("status").filter({ hasText: "Målet er lukket" }).waitFor();
    await page.getByText("Erstattet af partnerskabets fælles mål.").first().waitFor();
    expect(await page.getByRole("link", { name: "Ret målet" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /Markér som/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Gem min del" }).count()).toBe(0);
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath("target-closed"), fullPage: true });
    await page.close();
    // a council member reads it too, marked closed
    const read = await council.newPage();
    await visit(read, "/kommuner/849/maal");
    const card = read.locator(".target-card", { hasText: `${title} (rettet)` }).first();
    expect(await card.innerText()).toContain("Lukket: droppet");
    await read.close();
  });

  it("lets the secretariat set a partnership target that Aabenraa adopts as its own", async () => {
    const partnershipTitle = `Alle udsatte elever har en prøveplan ${stamp}`;
    const page = await secretariat.newPage();
    await visit(page, "/partnerskabsmaal");
    await page.getByRole("link", { name: "Opret partnerskabsmål" }).click();
    await page.getByRole("heading", { level: 1, name: "Nyt partnerskabsmål" }).waitFor();
    // no owners on a partnership target: each municipality names its own
    expect(await page.getByLabel("Ansvarlig på skoleområdet").count()).toBe(0);
    await expectAccessible(page);
    await page.getByLabel("Titel").fill(partnershipTitle);
    await page.getByLabel("Begrundelse").fill("Ingen elev skal gå ud af 9. klasse uden en plan for prøverne.");
    await page.getByLabel("2. Lave forventninger").check();
    await page.getByLabel("Indikator", { exact: true }).selectOption("fp9-deltagelse");
    await page.getByLabel("Målgruppe", { exact: true }).selectOption("udsatte");
    // 2021/22: a year Aabenraa's udsatte ninth-graders are shown (2022/23 and 2023/24 are withheld)
    await page.getByLabel("Udgangsperiode").fill("2021/22");
    await page.getByLabel("Målværdi").fill("80");
    await page.getByLabel("Frist").fill("2027/28");
    await page.getByRole("button", { name: "Opret partnerskabsmål" }).click();
    await page.waitForURL(/\/partnerskabsmaal\/\d+$/);
    const partnershipPath = new URL(page.url()).pathname;
    await page.getByText("0 kommuner har taget målet op.").waitFor();
    await expectAccessible(page);
    await page.close();

    // Aabenraa (580), the demo municipality that has adopted no partnership target yet
    const director = await loggedInContext(browser, "social.580@demo.dk");
    const code = "580";
    const d = await director.newPage();
    await visit(d, `/kommuner/${code}/maal`);
    await d.getByRole("link", { name: partnershipTitle }).click();
    await d.getByRole("heading", { level: 2, name: "Tag målet op i jeres kommune" }).waitFor();
    await expectAccessible(d);
    await d.screenshot({ path: screenshotPath("partnership-target"), fullPage: true });
    await d.getByRole("button", { name: "Tag målet op" }).click();
    await d.waitForURL(new RegExp(`/kommuner/${code}/maal/\\d+$`));
    await d.getByRole("heading", { level: 1, name: partnershipTitle }).waitFor();
    await d.getByRole("link", { name: `Taget op fra partnerskabsmålet '${partnershipTitle}'` }).waitFor();
    // its own baseline from its own data, and a status form like any other target
    expect(await d.locator(".facts").innerText()).toMatch(/Udgangspunkt \(2021\/22\)\s*\d+(,\d)? %/);
    await d.getByRole("button", { name: "Gem min del" }).waitFor();
    // an adopted target's aim follows the partnership: only the owners can change
    await d.getByRole("link", { name: "Skift ansvarlige" }).click();
    await d.getByText("Målet er taget op fra partnerskabet").waitFor();
    expect(await d.getByLabel("Titel").count()).toBe(0);
    await expectAccessible(d);
    await visit(d, partnershipPath);
    await d.getByText("1 kommune har taget målet op.").waitFor();
    await d.getByText("Jeres kommune har taget målet op").first().waitFor();
    await d.close();

    // the partnership target is now fixed for the secretariat
    const s = await secretariat.newPage();
    await visit(s, partnershipPath);
    expect(await s.getByRole("link", { name: "Ret målet" }).count()).toBe(0);
    await s.getByText("Kommuner har taget målet op, så det ligger fast.").waitFor();
    await s.close();
  });
});
