/**
 * The report PDF's queue through the route itself: with two pages printing and six waiting, one
 * more request answers 503 with a Danish message and Retry-After, and nothing is kept.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ensureDemoReports, ensureDemoTargets } from "../../seeds/demo-targets";
import { printToPdf } from "~/data/pdf.server";
import { ensureDemoAccounts } from "~/data/users.server";
import { edge } from "~/http/edge.server";
import { loader as loaderAsWritten } from "~/routes/kommuner.$kode.rapporter.$kvartal_.pdf";
import type { Db } from "../../db/connection";
import { createTestDatabase } from "../support/database";
import { signIn } from "../support/session";

let db: Db;
let cleanup: () => void;
let slow: http.Server;
let origin: string;

beforeAll(async () => {
  ({ db, cleanup } = createTestDatabase());
  await ensureDemoAccounts(db, "faelles-retning-demo");
  ensureDemoTargets(db);
  ensureDemoReports(db);
  // a page that takes two seconds to answer keeps the printing pages busy
  slow = http.createServer((_req, res) => setTimeout(() => res.end("<html><body>langsom</body></html>"), 2000)).listen(0);
  origin = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
});
afterAll(() => {
  slow?.close();
  cleanup?.();
});

describe.skipIf(!inject("chromium"))("the PDF queue", () => {
  it("answers 503 with Retry-After and a Danish message when two pages print and six wait", async () => {
    const busy = Array.from({ length: 8 }, () => printToPdf(origin, "/", null));
    await new Promise((r) => setTimeout(r, 300));
    const as = await signIn(db, "byraad", "849");
    // the route as the server runs it: behind the edge, whose 503 is thrown and sent as it is
    const res = (await edge(loaderAsWritten)({
      request: as.request("/kommuner/849/rapporter/2025K3/pdf"),
      params: { kode: "849", kvartal: "2025K3" },
      context: { ...as.context, serverOrigin: origin },
    }).catch((e: unknown) => e)) as Response;
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("10");
    expect(await res.text()).toMatch(/Der dannes mange PDF'er lige nu/);
    expect(db.$client.prepare("select count(*) as n from report_pdfs").get()).toEqual({ n: 0 });
    const done = await Promise.all(busy);
    expect(done.every((pdf) => pdf.subarray(0, 5).toString() === "%PDF-")).toBe(true);
  }, 120_000);
});
