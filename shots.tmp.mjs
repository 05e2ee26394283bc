import { chromium } from "playwright-core";
const base = "http://localhost:3722";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
for (const width of [1280, 375]) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("E-mail").fill("sekretariat@demo.dk");
  await page.getByLabel("Adgangskode").fill("faelles-retning-demo");
  await page.getByRole("button", { name: /Log ind/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  for (const [name, path] of [["udfordringer", "/udfordringer"], ["indikator-undervisningssted", "/kommuner/849/indikatorer/undervisningssted?maalgruppe=anbragte"], ["indikator-trivsel", "/kommuner/849/indikatorer/trivsel-social?maalgruppe=udsatte"], ["grupper", "/sammenlign/grupper?kommune=849"]]) {
    await page.goto(base + path);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `/tmp/i22/${name}-${width}.png`, fullPage: true });
  }
  await ctx.close();
}
await browser.close();
