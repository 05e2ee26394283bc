import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, visit } from "./a11y";
import { chromiumPath, launchBrowser, loggedInContext, screenshotPath } from "./browser";

/**
 * Issue 8's done-when: the secretariat uploads a file with an error, sees the Danish error with
 * row and column, fixes it, previews the changes, commits, sees the new value on the
 * municipality's indicator page, and rolls the batch back.
 */
describe.skipIf(!chromiumPath)("loading data in Chromium", () => {
  let browser: Browser;
  let secretariat: BrowserContext;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faelles-retning-e2e-import-"));
  // 2019/20 for Hvidovre's other pupils: no other test reads or changes it
  const file = (kommune: string) => {
    const p = path.join(dir, `fravaer-${kommune}.csv`);
    fs.writeFileSync(p, `indikator;kommune;periode;maalgruppe;taeller;naevner\nfravaer;${kommune};2019/20;oevrige;1234;10000\n`);
    return p;
  };
  const indicatorPage = "/kommuner/167/indikatorer/fravaer?maalgruppe=oevrige";
  const valueIn201920 = async (page: import("playwright-core").Page) => {
    await visit(page, indicatorPage);
    return (await page.locator("#udvikling table tbody tr", { hasText: "2019/20" }).locator("td").first().innerText()).trim();
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    secretariat = await loggedInContext(browser, "sekretariat@demo.dk");
  });
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a file with an error, takes the fixed one, shows the new value, and rolls it back", async () => {
    const page = await secretariat.newPage();
    const before = await valueIn201920(page);
    expect(before).not.toBe("12,3 %");

    await visit(page, "/indlaes");
    await page.getByLabel("Fil (CSV eller XLSX)").setInputFiles(file("Hvidovr"));
    await page.getByRole("button", { name: "Tjek filen" }).click();
    await page.getByRole("heading", { level: 2, name: "1 fejl – filen kan ikke indlæses" }).waitFor();
    const error = page.locator("table.import-errors tbody tr").first();
    expect(await error.locator("td").nth(0).innerText()).toBe("2");
    expect(await error.locator("td").nth(1).innerText()).toBe("kommune");
    expect(await error.locator("td").nth(2).innerText()).toBe("Række 2: kommunen 'Hvidovr' findes ikke – mente du Hvidovre (167)?");
    expect(await page.getByRole("button", { name: "Filen ændrer ingen tal" }).isDisabled()).toBe(true);
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath("indlaes-fejl"), fullPage: true });
    await page.getByRole("button", { name: "Kassér" }).click();
    await page.getByText("Filen er kasseret. Intet er indlæst.").waitFor();

    await page.getByLabel("Fil (CSV eller XLSX)").setInputFiles(file("Hvidovre"));
    await page.getByRole("button", { name: "Tjek filen" }).click();
    await page.getByRole("heading", { level: 2, name: "Det ændrer filen" }).waitFor();
    const change = page.locator("#aendringer ~ .table-scroll tbody tr").first();
    expect(await change.innerText()).toContain("Hvidovre (167)");
    expect(await change.locator("td").last().innerText()).toBe("12,3 % (1.234 af 10.000)");
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath("indlaes-forhaandsvisning"), fullPage: true });
    await page.getByRole("button", { name: "Indlæs 0 nye og 1 ændrede tal" }).click();
    await page.getByText(/Indlæsning \d+ er gemt: 0 nye og 1 ændrede tal/).waitFor();
    const batch = Number(/indlaest=(\d+)/.exec(page.url())![1]);
    await expectAccessible(page);

    expect(await valueIn201920(page)).toBe("12,3 %");

    await visit(page, "/indlaes");
    await page.getByRole("button", { name: `Rul nr. ${batch} tilbage` }).click();
    await page.getByText(`Indlæsning ${batch} er rullet tilbage.`).waitFor();
    await page.screenshot({ path: screenshotPath("indlaes-historik"), fullPage: true });
    expect(await valueIn201920(page)).toBe(before);
    await page.close();
  });
});
