/** Debian Chromium through playwright-core, with the flags this closed network needs. */
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
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
  });
}

export function screenshotPath(name: string): string {
  return path.join(ARTIFACTS, `${name}.png`);
}
