/** Debian Chromium through playwright-core, with the flags this closed network needs. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { inject } from "vitest";

export const baseURL = inject("baseURL");
export const chromiumPath = inject("chromium");
export const ARTIFACTS = path.resolve(import.meta.dirname, "../artifacts");

export async function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath!,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
}

/** Whether poppler's pdftotext is here: the PDF tests read pages with it, and are skipped without it. */
export const hasPoppler = (() => {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

export function screenshotPath(name: string): string {
  return path.join(ARTIFACTS, `${name}.png`);
}

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || "faelles-retning-demo";

/** A browser context logged in through the real login form. */
export async function loggedInContext(browser: Browser, email: string, options: Parameters<Browser["newContext"]>[0] = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await page.goto(`${baseURL}/login`);
  await page.getByLabel("E-mailadresse").fill(email);
  await page.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.close();
  return context;
}

/** Logs in over plain HTTP (as a script would) and returns the session cookie. */
export async function httpLogin(
  email: string,
  password = DEMO_PASSWORD,
): Promise<{ status: number; cookie: string | null; location: string | null }> {
  const res = await fetch(`${baseURL}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL },
    body: new URLSearchParams({ email, password }),
  });
  const setCookie = res.headers.get("set-cookie");
  return { status: res.status, cookie: setCookie ? setCookie.split(";")[0] : null, location: res.headers.get("location") };
}
