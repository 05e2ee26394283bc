import { execFileSync } from "node:child_process";
import fs from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { recomputeDisclosure } from "~/data/disclosure.server";
import { openDatabase } from "../../db/connection";
import { setMeta } from "../../seeds/load";
import { expectAccessible, visit } from "./a11y";
import { baseURL, chromiumPath, hasPoppler, launchBrowser, loggedInContext, screenshotPath } from "./browser";

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
    await page.getByRole("link", { name: "Udkast til rapporten for 3. kvartal 2025" }).click();
    await page.getByRole("heading", { level: 2, name: /Udgiv en rettet rapport for 3\. kvartal 2025 \(version \d+\)/ }).waitFor();
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
      .locator("tr", { has: page.getByRole("rowheader", { name: "4. kvt. 2025" }) })
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
      expect(p).toMatch(/Jammerbugt Kommune · Kvartalsrapport for 3\. kvartal 2025 · version \d+ · udgivet/);
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
    await page.getByRole("link", { name: "Kvartalsrapport for 3. kvartal 2025" }).click();
    await page.getByRole("heading", { level: 1, name: "Kvartalsrapport for 3. kvartal 2025: fælles mål for Jammerbugt Kommune" }).waitFor();
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

  // the demo report as seeded (version 1): four targets, one without a joint status, one overdue milestone
  const DEMO_REPORT = "/kommuner/849/rapporter/2025K3?version=1";

  it("reads as a council paper: the quarter in words, each target's latest value against plan and target, the directors' assessment attributed, next steps with owner and date", async () => {
    const page = await council.newPage();
    await visit(page, DEMO_REPORT);
    await page.getByRole("heading", { level: 1, name: "Kvartalsrapport for 3. kvartal 2025: fælles mål for Jammerbugt Kommune" }).waitFor();
    const front = await page.locator(".report-front").innerText();
    // no Danmarks Statistik notation for the reader, and no jargon
    expect(front).not.toMatch(/\b\d{4}K[1-4]\b/);
    expect(front).not.toContain("Beregnet status");
    // the counts name only statuses some target has
    expect(front).toMatch(/Kommunen har 4 aktive fælles mål: [^.]*nået/);
    expect(front).not.toMatch(/\b0 (på sporet|i risiko|bagud|nået)/);
    expect(front).toContain("1 mål mangler en fælles status:");
    expect(front).toMatch(/1 milepæl er overskredet ved udgangen af 3\. kvartal 2025: Læringskoordinator ansat i PPR/);
    // page one's table: a row per target with its latest value and period, the planned value and the target
    const glance = page.locator("table.report-glance tbody tr");
    expect(await glance.count()).toBe(4);
    const exams = await glance.filter({ hasText: "Flere udsatte elever aflægger de bundne prøver" }).innerText();
    expect(exams).toMatch(/\d+ % \(2023\/24\)/);
    expect(exams).toMatch(/\d+ % \(2027\/28\)/);
    const followUp = await glance.filter({ hasText: "Fælles opfølgning inden for 4 måneder" }).innerText();
    expect(followUp).toMatch(/\d+ % \(2\. kvt\. 2025\)/);
    expect(await glance.filter({ hasText: "Mindst 60 %" }).innerText()).toContain("Mangler");

    const section = page.locator("section.report-target", { hasText: "Flere udsatte elever aflægger de bundne prøver" }).first();
    const text = await section.innerText();
    expect(text).toMatch(/Seneste tal \(2023\/24\)\s+\d+ %/);
    expect(text).toMatch(/Planlagt for 2023\/24\s+\d+ %/);
    // the assessment in the directors' own words, attributed to who confirmed it
    expect(text).toContain("Direktørernes fælles vurdering, 3. kvartal 2025");
    expect(text).toContain("Bekræftet af Skoledirektør 849 (demo)");
    expect(text).toContain("Bekræftet af Socialdirektør 849 (demo)");
    // next steps: what, who, when (the end of the next quarter, when the next status is due)
    const step = await section.locator("table.report-steps tbody tr", { hasText: "Prøveplanerne drøftes" }).innerText();
    expect(step).toContain("Skoledirektør 849 (demo)");
    expect(step).toContain("31. december 2025");
    // the chart's table has measured periods only: no empty rows for quarters still to come
    expect(await section.locator("table.data-table tbody td", { hasText: /^planlagt$/ }).count()).toBe(0);
    expect(await section.locator("table.data-table tbody tr").count()).toBeGreaterThan(1);

    // an overdue milestone is flagged as overdue, not as "not done"
    const coordinator = page.locator("section.report-target", { hasText: "Læringskoordinator i PPR" }).first();
    const overdue = coordinator.locator("tr.report-overdue", { hasText: "Læringskoordinator ansat i PPR" });
    expect(await overdue.innerText()).toContain("Overskredet");
    expect(await overdue.innerText()).toContain("1. marts 2025");

    // the target without a joint status says so, and whose part is missing
    const missing = await page.locator("section.report-target", { hasText: "Mindst 60 %" }).first().innerText();
    expect(missing).toContain("ikke fælles");
    expect(missing).toContain("Har ikke skrevet sin del af status.");

    // the hash is kept as a small control code at the end
    const footer = await page.locator(".report-footer").innerText();
    expect(footer).toMatch(/Kontrolkode: [0-9a-f]{16}/);
    expect(await page.locator("article.report").innerText()).not.toContain("SHA-256");
    await page.screenshot({ path: screenshotPath("report-council-paper"), fullPage: true });
    await page.close();
  });

  it.skipIf(!hasPoppler)("prints the demo report as at most 6 A4 pages, each but the last at least a third full", async () => {
    const res = await council.request.get(`${baseURL}/kommuner/849/rapporter/2025K3/pdf?version=1`);
    expect(res.status()).toBe(200);
    const file = screenshotPath("report-2025K3-v1").replace(/\.png$/, ".pdf");
    fs.writeFileSync(file, await res.body());
    const pages = execFileSync("pdftotext", ["-bbox", file, "-"]).toString().split("<page ").slice(1);
    expect(pages.length).toBeLessThanOrEqual(6);
    // how far down the body (between the 18 mm and 20 mm margins that hold identity and page number) the last word reaches
    const fullness = pages.map((pg) => {
      const height = Number(/height="([\d.]+)"/.exec(pg)![1]);
      const top = (18 / 25.4) * 72;
      const bottom = height - (20 / 25.4) * 72;
      const ends = [...pg.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)]
        .map((m) => [Number(m[1]), Number(m[2])] as const)
        .filter(([yMin, yMax]) => yMin > top && yMax < bottom)
        .map(([, yMax]) => yMax);
      return (Math.max(...ends) - top) / (bottom - top);
    });
    fullness.slice(0, -1).forEach((f, i) => expect(f, `page ${i + 1} is ${Math.round(f * 100)} % full`).toBeGreaterThanOrEqual(1 / 3));
    // page one is the summary; each target starts a page of its own
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString().split("\f");
    expect(text[0]).toContain("Sammenfatning");
    for (const title of ["Flere udsatte elever aflægger de bundne prøver", "Fælles opfølgning inden for 4 måneder"])
      expect(
        text.some((p) =>
          p
            .split("\n")
            .filter((l) => l.trim())
            .slice(0, 3)
            .join(" ")
            .includes(title),
        ),
        title,
      ).toBe(true);
  });
});
