import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, visit } from "./a11y";
import { baseURL, chromiumPath, launchBrowser, loggedInContext, screenshotPath } from "./browser";

/** Issue 5's whole flow: a target created by the school, a status written and confirmed by both departments. */
describe.skipIf(!chromiumPath)("joint targets in Chromium", () => {
  let browser: Browser;
  let school: BrowserContext;
  let social: BrowserContext;
  let targetPath = "";
  const title = `Flere anbragte elever til prøve ${Date.now()}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    school = await loggedInContext(browser, "skole.849@demo.dk");
    social = await loggedInContext(browser, "social.849@demo.dk");
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function writePart(page: Page, done: string, confirm: boolean) {
    await page.getByLabel("Hvad er gjort").fill(done);
    await page.getByLabel("Hvad sker der nu").fill("Fælles opfølgning hver tredje måned.");
    await page.getByLabel("Begrundelse, hvis jeres vurdering").fill("Prøveplanerne virker først til foråret.");
    await page.getByLabel("På sporet").check();
    if (confirm) await page.getByLabel("Bekræft status, når den gemmes").check();
    await page.getByRole("button", { name: "Gem min del" }).click();
    await page.getByRole("status").filter({ hasText: "Status er gemt" }).waitFor();
    await expectAccessible(page);
  }

  it("lets the school director create a target on challenge 2 for placed pupils' exam participation", async () => {
    const page = await school.newPage();
    await visit(page, "/kommuner/849/maal");
    await page.getByRole("link", { name: "Opret nyt fælles mål" }).click();
    await page.getByRole("heading", { level: 1, name: "Nyt fælles mål" }).waitFor();
    await expectAccessible(page);
    // a bad submission keeps what was typed and says what is wrong, in Danish, by the field
    await page.getByLabel("Titel").fill(title);
    await page.getByRole("button", { name: "Opret fælles mål" }).click();
    await page.getByText("Vælg mindst én af de otte udfordringer.").first().waitFor(); // in the error summary and at the field
    expect(await page.getByLabel("Titel").inputValue()).toBe(title);
    await expectAccessible(page);
    await page.getByLabel("Begrundelse").fill("Lave forventninger må ikke afgøre, om et barn går til prøve.");
    await page.getByLabel("2. Lave forventninger").check();
    await page.getByLabel("Indikator", { exact: true }).selectOption("fp9-deltagelse");
    await page.getByLabel("Målgruppe", { exact: true }).selectOption("anbragte");
    await page.getByLabel("Udgangsperiode").fill("2023/24");
    await page.getByLabel("Målværdi").fill("60");
    await page.getByLabel("Frist").fill("2027/28");
    await page.getByRole("button", { name: "Opret fælles mål" }).click();
    await page.waitForURL(/\/kommuner\/849\/maal\/\d+$/);
    targetPath = new URL(page.url()).pathname;
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await expectAccessible(page);
    await page.close();
  });

  it("becomes a joint 2025K4 status when school writes, social writes and confirms, and school confirms", async () => {
    const schoolPage = await school.newPage();
    await visit(schoolPage, targetPath);
    await writePart(schoolPage, "Prøveplaner for alle anbragte elever i 9. klasse.", false);

    const socialPage = await social.newPage();
    await visit(socialPage, targetPath);
    await writePart(socialPage, "Rådgiverne har skrevet skolefaglige mål ind i handleplanerne.", true);
    await expect(socialPage.locator(".status-card").first().innerText()).resolves.toContain("Ikke fælles endnu");

    await visit(schoolPage, targetPath);
    await schoolPage.getByRole("button", { name: "Bekræft hele status, som den står" }).click();
    await schoolPage.locator(".status-card").first().filter({ hasText: "2025K4: Fælles – bekræftet af begge" }).waitFor();
    const card = await schoolPage.locator(".status-card").first().innerText();
    expect(card).toContain("Prøveplaner for alle anbragte elever");
    expect(card).toContain("Rådgiverne har skrevet skolefaglige mål");
    // the computed status stands beside the joint one
    await expect(schoolPage.locator("h1 + p .status-badge").innerText()).resolves.toMatch(
      /På sporet|I risiko|Bagud|Nået|Kan ikke beregnes/,
    );
    await expectAccessible(schoolPage);
    await schoolPage.screenshot({ path: screenshotPath("maal-faelles-status"), fullPage: true });

    // the API says the same
    const res = await school.request.get(`${baseURL}/api/v1/maal?kommune=849`);
    const target = (
      (await res.json()) as {
        titel: string;
        statusser: { kvartal: string; faelles: boolean; skole: { bekraeftet: boolean } }[];
        beregnetStatus: string;
        udfordringer: number[];
      }[]
    ).find((x) => x.titel === title)!;
    expect(target.udfordringer).toEqual([2]);
    expect(target.statusser.find((s) => s.kvartal === "2025K4")).toMatchObject({ faelles: true, skole: { bekraeftet: true } });
    await schoolPage.close();
    await socialPage.close();
  });

  it("keeps both texts when two people save the same status at once", async () => {
    const a = await school.newPage();
    const b = await social.newPage();
    await visit(a, targetPath);
    await visit(b, targetPath);
    await writePart(b, "Socialområdets nye tekst.", false);
    // the school's page still carries the old version: its save is refused and shows the other text
    await a.getByLabel("Hvad er gjort").fill("Skolens samtidige tekst.");
    await a.getByLabel("På sporet").check();
    await a.getByRole("button", { name: "Gem min del" }).click();
    await a.getByRole("alert").filter({ hasText: "ændret af en anden" }).waitFor();
    await expect(a.getByRole("alert").innerText()).resolves.toContain("Socialområdets nye tekst.");
    await expectAccessible(a);
    await a.close();
    await b.close();
  });

  it("shows a council member the targets and no form", async () => {
    const council = await loggedInContext(browser, "byraad.849@demo.dk");
    const page = await council.newPage();
    await visit(page, targetPath);
    expect(await page.getByRole("button", { name: "Gem min del" }).count()).toBe(0);
    await visit(page, "/kommuner/849/maal");
    expect(await page.getByRole("link", { name: "Opret nyt fælles mål" }).count()).toBe(0);
    const res = await council.request.get(`${baseURL}/kommuner/849/maal/ny`);
    expect(res.status()).toBe(403);
    await council.close();
  });
});
