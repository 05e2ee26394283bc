import { chromium } from "playwright-core";
const base = "http://localhost:3722";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
for (const width of [1280, 375]) {
  const ctx = await browser.newContext({ viewport: { width, height: width === 375 ? 1400 : 1000 } });
  const page = await ctx.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("E-mail").fill("sekretariat@demo.dk");
  await page.getByLabel("Adgangskode").fill("faelles-retning-demo");
  await page.getByRole("button", { name: /Log ind/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  await page.goto(base + "/udfordringer");
  await page.locator("#udfordring-4").scrollIntoViewIfNeeded();
  await page.locator("#udfordring-4").evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 10));
  await page.screenshot({ path: `/tmp/i22/udf4-${width}.png` });
  await page.goto(base + "/kommuner/849/indikatorer/undervisningssted?maalgruppe=anbragte");
  await page.screenshot({ path: `/tmp/i22/und-${width}.png` });
  await page.locator("table").first().evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 10));
  await page.screenshot({ path: `/tmp/i22/und-table-${width}.png` });
  await ctx.close();
}
await browser.close();
