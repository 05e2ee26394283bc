/**
 * axe-core on every page visit: any WCAG 2.1 A/AA violation fails the test, with the rule,
 * the elements and axe's help text in the message.
 */
import { createRequire } from "node:module";
import fs from "node:fs";
import type { Page } from "playwright-core";
import { baseURL } from "./browser";

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] };

export async function expectAccessible(page: Page): Promise<void> {
  // charts draw after hydration; audit the page as a person sees it
  await page.waitForLoadState("networkidle");
  const hasAxe = await page.evaluate(() => "axe" in window);
  // evaluated over the DevTools protocol: our CSP rightly refuses injected <script> tags
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations;
  })) as AxeViolation[];
  if (violations.length > 0) {
    const report = violations
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help}\n${v.nodes
            .slice(0, 5)
            .map((n) => `   ${n.target.join(" ")} – ${n.failureSummary}`)
            .join("\n")}`,
      )
      .join("\n");
    throw new Error(`axe: ${violations.length} WCAG 2.1 A/AA violation(s) on ${page.url()}\n${report}`);
  }
}

/** Goes to a path and checks the page with axe: the one way e2e tests open a page. */
export async function visit(page: Page, path: string): Promise<void> {
  const res = await page.goto(`${baseURL}${path}`);
  if (!res || res.status() >= 400) throw new Error(`${path} answered ${res?.status()}`);
  await expectAccessible(page);
}
