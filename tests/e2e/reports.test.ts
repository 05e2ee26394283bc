import { execFileSync } from "node:child_process";
import fs from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { recomputeDisclosure } from "~/data/disclosure.server";
import { openDatabase } from "../../db/connection";
import { setMeta } from "../../seeds/load";
import { expectAccessible, visit } from "./a11y";
import { baseURL, chromiumPath, launchBrowser, loggedInContext, screenshotPath } from "./browser";

const hasPoppler = (() => {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/**
 * Issue 6's done-when: the secretariat publishes Jammerbugt's 2025K3 report, changed data are
 * loaded, and the published report stays as it was while the draft of 2025K4 shows the new
 * figure; the PDF has the pages and text expected; the council member sees the report and
 * nothing else.
 */
describe.skipIf(!chromiumPath)("quarterly reports in Chromium", () => {
  let browser: Browser;
  let secretariat: BrowserContext;
  let council: BrowserContext;
  let publishedText = "";
  const reason = `Rettet i e2e-test ${Date.now()}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    secretariat = await loggedInContext(browser, "sekretariat@demo.dk");
    council = await loggedInContext(browser, "byraad.849@demo.dk");
  });
  afterAll(async () => {
    await browser?.close();
  });

  const reportText = (page: Page) => page.locator("article.report").innerText();

  it("publishes a corrected 2025K3 report for Jammerbugt as version 2, with the missing statuses listed", async () => {
    const page = await secretariat.newPage();
    await visit(page, "/kommuner/849/rapporter");
    await page.getByRole("link", { name: "Udkast til rapporten for 2025K3" }).click();
    await page.getByRole("heading", { level: 2, name: /Udgiv en rettet rapport for 2025K3 \(version \d+\)/ }).waitFor();
    await expectAccessible(page);
    // a correction without a reason is refused, and says why by the field
    await page.getByRole("button", { name: "Udgiv rapporten" }).click();
    await page
      .getByText("er allerede udgivet. Skriv, hvorfor den rettes.")
      .or(page.getByText("mangler en fælles status"))
      .first()
      .waitFor();
    await expectAccessible(page);
    // other tests change Jammerbugt's targets at the same time: if the draft changed under us,
    // the page says so and we read it again and publish, as a person would
    for (let attempt = 0; ; attempt++) {
      if (await page.getByLabel("Udgiv nu, og vis de manglende mål").count())
        await page.getByLabel("Udgiv nu, og vis de manglende mål").check();
      await page.getByLabel("Hvorfor rettes rapporten?").fill(reason);
      await page.getByRole("button", { name: "Udgiv rapporten" }).click();
      const outcome = await Promise.race([
        page.waitForURL(/udgivet=\d+/).then(() => "published" as const),
        page
          .getByText("Udkastet er ændret")
          .waitFor()
          .then(() => "changed" as const),
      ]);
      if (outcome === "published") break;
      expect(attempt, "the draft kept changing").toBeLessThan(3);
      await page.reload();
    }
    await page.getByRole("status").filter({ hasText: "Rapporten er udgivet" }).waitFor();
    const text = await reportText(page);
    expect(text).toContain(`Rettet udgave: ${reason}`);
    expect(text).toMatch(/version \d+ · udgivet/);
    expect(text).toContain("Sammenfatning");
    expect(text).toContain("De otte udfordringer");
    expect(text).toContain("Fælles opfølgning inden for 4 måneder");
    await expectAccessible(page);
    publishedText = text;
    await page.screenshot({ path: screenshotPath("report-published"), fullPage: true });
    await page.close();
  });

  it("keeps the published report unchanged after a data load, while the 2025K4 draft shows the new figure", async () => {
    // a new target on a shown quarterly series, and a data load with new figures for its 2025K4,
    // then disclosure recomputed, as every load ends
    const db = openDatabase(inject("databasePath"));
    const title = "Skolefaglige mål i handleplanerne (e2e)";
    try {
      const owners = db.$client
        .prepare("select id, role from users where municipality_code = '849' and role in ('skoledirektoer', 'socialdirektoer')")
        .all() as { id: number; role: string }[];
      const now = new Date().toISOString();
      const target = db.$client
        .prepare(
          "insert into targets (municipality_code, title, rationale, kind, indicator_code, target_group, baseline_period, target_value, deadline_period, school_owner_id, social_owner_id, created_at, updated_at) values ('849', ?, 'e2e', 'kvantitativ', 'handleplan-skolemaal', 'udsatte', '2023K1', 80, '2026K4', ?, ?, ?, ?)",
        )
        .run(title, owners.find((o) => o.role === "skoledirektoer")!.id, owners.find((o) => o.role === "socialdirektoer")!.id, now, now);
      db.$client.prepare("insert into target_challenges (target_id, challenge_number) values (?, 4)").run(target.lastInsertRowid);
      const row = db.$client
        .prepare(
          "select id, denominator, withheld from observations where indicator_code = 'handleplan-skolemaal' and municipality_code = '849' and target_group = 'udsatte' and period = '2025K4' and breakdown = ''",
        )
        .get() as { id: number; denominator: number; withheld: string | null };
      expect(row.withheld).toBeNull();
      expect(row.denominator).toBe(119);
      db.$client.prepare("update observations set numerator = 100 where id = ?").run(row.id);
      setMeta(db, "data_loaded_at", new Date().toISOString());
      recomputeDisclosure(db);
    } finally {
      db.$client.close();
    }
    const page = await secretariat.newPage();
    await visit(page, "/kommuner/849/rapporter/2025K3");
    expect(await reportText(page)).toBe(publishedText);
    await visit(page, "/kommuner/849/rapporter/2025K4?udkast=1");
    const row = page
      .locator("section", { hasText: title })
      .locator("tr", { has: page.getByRole("rowheader", { name: "2025K4" }) })
      .first();
    // 100 of 119
    expect(await row.innerText()).toContain("84,0 %");
    await expectAccessible(page);
    await page.close();
  });

  it.skipIf(!hasPoppler)("gives a PDF with the report's identity and page numbers on every page", async () => {
    const res = await council.request.get(`${baseURL}/kommuner/849/rapporter/2025K3/pdf`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    const file = screenshotPath("report-2025K3").replace(/\.png$/, ".pdf");
    fs.writeFileSync(file, await res.body());
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file]).toString())?.[1]);
    expect(pages).toBeGreaterThanOrEqual(4); // summary and grid, then one page or more per target
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
    const perPage = text.split("\f").filter((p) => p.trim());
    expect(perPage).toHaveLength(pages);
    perPage.forEach((p, i) => {
      expect(p).toMatch(/Jammerbugt Kommune · Kvartalsrapport 2025K3 · version \d+ · udgivet/);
      expect(p).toContain(`Side ${i + 1} af ${pages}`);
    });
    expect(text).toContain("Sammenfatning");
    expect(text).toContain(reason);
    expect(text).not.toContain("Log ud"); // no site chrome on paper
    execFileSync("pdftoppm", ["-r", "50", "-png", file, file.replace(/\.pdf$/, "-side")]);
  });

  it("shows the council member the published reports and nothing it should not", async () => {
    const page = await council.newPage();
    await visit(page, "/kommuner/849/rapporter");
    expect(await page.getByText("Udkast til rapporten").count()).toBe(0);
    await page.getByRole("link", { name: "Kvartalsrapport 2025K3" }).click();
    await page.getByRole("heading", { level: 1, name: "Kvartalsrapport 2025K3: fælles mål for Jammerbugt Kommune" }).waitFor();
    expect(await page.getByRole("button", { name: /Udgiv|Godkend/ }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Ret rapporten" }).count()).toBe(0);
    await expectAccessible(page);
    // the earlier version is there, marked as superseded
    await visit(page, "/kommuner/849/rapporter/2025K3?version=1");
    await page.getByText("Denne version er erstattet").waitFor();
    for (const [path, status] of [
      ["/kommuner/849/rapporter/2025K3?udkast=1", 403],
      ["/kommuner/849/rapporter/2025K4", 404],
      ["/kommuner/167/rapporter", 403],
      ["/kommuner/167/rapporter/2025K3", 403],
      ["/kommuner/167/rapporter/2025K3/pdf", 403],
    ] as const) {
      const res = await page.request.get(`${baseURL}${path}`, { maxRedirects: 0 });
      expect(res.status(), path).toBe(status);
    }
    await page.close();
  });
});
