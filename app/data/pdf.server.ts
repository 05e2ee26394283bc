/**
 * PDFs of pages, printed by headless Chromium (the browser the tests use) from the page itself,
 * so the PDF is exactly what the browser's own print gives: the same print stylesheet, A4, page
 * numbers and the report's identity on every page.
 */
import { existsSync } from "node:fs";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export async function printToPdf(path: string, cookie: string | null): Promise<Buffer> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Response("PDF kan ikke dannes på denne server (Chromium mangler). Åbn rapporten, og vælg Udskriv → Gem som PDF i browseren.", { status: 503 });
  }
  // loaded lazily: only this route needs the browser driver
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const context = await browser.newContext({ extraHTTPHeaders: cookie ? { Cookie: cookie } : {}, javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`http://127.0.0.1:${process.env.PORT || 3000}${path}`, { waitUntil: "load" });
    if (!response || response.status() !== 200) throw new Response("Rapporten kunne ikke hentes til PDF.", { status: 502 });
    await page.evaluate(() => document.fonts.ready);
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  } finally {
    await browser.close();
  }
}
