import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { createUser } from "~/data/users.server";
import { judge, tally, type Verdict } from "~/domain/verdict";
import { expectAccessible, visit } from "./a11y";
import { baseURL, chromiumPath, DEMO_PASSWORD, httpLogin, launchBrowser, loggedInContext, screenshotPath } from "./browser";

/** Issue 24: each role lands where its question is answered; the overview opens with a verdict. */
describe.skipIf(!chromiumPath)("landing per role and the overview's verdict", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    // a council member of a municipality with no published report (the demo publishes 849, 167, 580)
    const db = openDatabase(inject("databasePath"));
    try {
      await createUser(
        db,
        null,
        { email: "byraad.101@test.dk", name: "Byråd København", role: "byraad", municipalityCode: "101" },
        DEMO_PASSWORD,
      );
    } finally {
      db.$client.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function landing(email: string) {
    const context = await loggedInContext(browser, email);
    const page = await context.newPage();
    await visit(page, "/");
    return { page, context };
  }

  it("a school director lands on their municipality's overview, the picker set to it", async () => {
    const { page, context } = await landing("skole.849@demo.dk");
    expect(new URL(page.url()).pathname).toBe("/kommuner/849");
    await page.getByRole("heading", { level: 1, name: "Overblik for Jammerbugt Kommune" }).waitFor();
    // the joint targets' state this quarter, each line linking on to its targets
    const states = page.getByTestId("targets-state").locator("li");
    expect(await states.count()).toBeGreaterThan(0);
    expect(await states.first().locator("a[href*='/kommuner/849/maal/']").count()).toBeGreaterThan(0);
    const picker = page.locator("header select").first();
    if (await picker.count()) await expect(picker.inputValue()).resolves.toBe("849");
    await context.close();
  });

  it("a council member lands on the newest published report", async () => {
    const { page, context } = await landing("byraad.849@demo.dk");
    expect(new URL(page.url()).pathname).toBe("/kommuner/849/rapporter/2025K3");
    await context.close();
  });

  it("a council member without a published report reads who publishes it", async () => {
    const { page, context } = await landing("byraad.101@test.dk");
    expect(new URL(page.url()).pathname).toBe("/");
    await page.getByRole("heading", { level: 1, name: "Ingen kvartalsrapport endnu" }).waitFor();
    await expect(page.locator("main").textContent()).resolves.toContain("skoledirektør og socialdirektør");
    await expectAccessible(page);
    await context.close();
  });

  it("the secretariat lands on the partnership: joint status this quarter, missing, targets", async () => {
    const { page, context } = await landing("sekretariat@demo.dk");
    await page.getByRole("heading", { level: 1, name: /Partnerskabet: status i/ }).waitFor();
    const withStatus = await page.getByTestId("with-status").locator("li").count();
    const missing = await page.getByTestId("missing-status").locator("li").count();
    expect(withStatus + missing).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId("partnership-targets").locator("li a").count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath("partnership-1280"), fullPage: true });
    await context.close();
  });

  it("an explicit safe redirectTo still wins over the landing", async () => {
    const res = await fetch(`${baseURL}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL },
      body: new URLSearchParams({ email: "skole.849@demo.dk", password: DEMO_PASSWORD, redirectTo: "/om-data" }),
    });
    expect(res.headers.get("location")).toBe("/om-data");
  });

  it("the overview's summary against the nation and the region equals a recomputation from the API, and axe finds nothing", async () => {
    const { cookie } = await httpLogin("skole.849@demo.dk");
    const api = async <T>(path: string) => (await (await fetch(`${baseURL}${path}`, { headers: { Cookie: cookie! } })).json()) as T;
    const { page, context } = await landing("skole.849@demo.dk");
    const summary = page.getByTestId("verdict-summary");
    await summary.waitFor();
    const group = await page
      .locator('.group-switch a[aria-current="true"]')
      .first()
      .getAttribute("href")
      .then((h) => new URL(h!, baseURL).searchParams.get("maalgruppe")!);
    type Ind = {
      kode: string;
      enhed: "percent" | "count" | "kr" | "grade";
      retning: "higher" | "lower" | "neutral";
      maalgrupper: string[];
    };
    type Row = {
      kommune: string;
      periode: string;
      maalgruppe: string;
      opdeling: string | null;
      naevner: number | null;
      taeller: number | null;
      vaerdi: number | null;
      undertrykt: boolean;
    };
    const indicators = await api<Ind[]>("/api/v1/indikatorer");
    // against the nation and against the region (Nordjylland, 1081), each line as the API's figures give it
    for (const [reference, scope] of [
      ["nation", "hele-landet"],
      ["region", "region-1081"],
    ] as const) {
      const line = summary.locator(`li[data-reference="${reference}"]`);
      const shown = {
        better: Number(await line.getAttribute("data-better")),
        same: Number(await line.getAttribute("data-same")),
        worse: Number(await line.getAttribute("data-worse")),
        "not-shown": Number(await line.getAttribute("data-not-shown")),
      };
      const verdicts: Verdict[] = [];
      for (const ind of indicators) {
        const g = ind.maalgrupper.includes(group) ? group : ind.maalgrupper[0];
        const total = (r: Row) => r.opdeling === null && r.maalgruppe === g;
        // the newest period is the nation's, for both lines
        const nation = (await api<Row[]>(`/api/v1/observationer?indikator=${ind.kode}&kommune=hele-landet&maalgruppe=${g}`)).filter(total);
        const other = (await api<Row[]>(`/api/v1/observationer?indikator=${ind.kode}&kommune=${scope}&maalgruppe=${g}`)).filter(total);
        const own = (await api<Row[]>(`/api/v1/observationer?indikator=${ind.kode}&kommune=849&maalgruppe=${g}`)).filter(total);
        const last = nation
          .map((r) => r.periode)
          .sort()
          .at(-1);
        const o = own.find((r) => r.periode === last);
        const n = ind.enhed === "count" ? (o?.taeller ?? null) : (o?.naevner ?? null);
        verdicts.push(
          judge(
            ind.retning,
            ind.enhed,
            { value: o?.vaerdi ?? null, n, withheld: Boolean(o?.undertrykt) },
            other.find((r) => r.periode === last)?.vaerdi ?? null,
          ),
        );
      }
      const recomputed = tally(verdicts);
      expect(shown, reference).toEqual({
        better: recomputed.better,
        same: recomputed.same,
        worse: recomputed.worse,
        "not-shown": recomputed["not-shown"],
      });
    }
    // every card carries a verdict word, not only a colour, in a sentence that reads as Danish
    const nationLines = page.locator('[data-testid="card-verdict"] li[data-reference="nation"]');
    expect(await nationLines.count()).toBe(indicators.length);
    const phrase = {
      better: "▲ Bedre end hele landet",
      same: "≈ På niveau med hele landet",
      worse: "▼ Dårligere end hele landet",
      "not-shown": ".. Ikke vist (hele landet)",
      "not-judged": "– Vurderes ikke (hele landet)",
    };
    for (const line of await nationLines.all()) {
      const verdict = (await line.getAttribute("data-verdict")) as keyof typeof phrase;
      expect((await line.innerText()).replace(/\s+/g, " ").trim()).toBe(phrase[verdict]);
    }
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath("overview-1280"), fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: screenshotPath("overview-375"), fullPage: false });
    await context.close();
  });
});
