/**
 * `npm run build && npx tsx bench/compare.ts [requests]`: how long /sammenlign takes to render
 * over HTTP for the full demo data, as the secretariat (median of 20 requests by default), and
 * the XLSX export beside it. Builds a fresh temporary database and serves the built app on a
 * free port.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { openDatabase } from "../db/connection";
import { ensureData } from "../seeds/load";
import { ensureDemoAccounts } from "../app/data/users.server";
import { ensureDemoTargets } from "../seeds/demo-targets";
import { createApp } from "../server/app";

const runs = Number(process.argv[2] ?? 20);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faelles-retning-bench-"));
process.env.SESSION_SECRET ??= "bench-secret-bench-secret-bench-secret";
const db = openDatabase(path.join(dir, "bench.sqlite"));
ensureData(db, { demo: true });
await ensureDemoAccounts(db, "bench-adgangskode-1234");
ensureDemoTargets(db);
const app = await createApp(db, { dev: false });
const server = app.listen(0);
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const login = await fetch(`${base}/login`, {
  method: "POST",
  redirect: "manual",
  headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
  body: new URLSearchParams({ email: "sekretariat@demo.dk", password: "bench-adgangskode-1234" }),
});
const cookie = login.headers.get("set-cookie")?.split(";")[0];
if (login.status !== 302 || !cookie) throw new Error(`login failed: ${login.status}`);

async function measure(label: string, url: string) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}${url}`, { headers: { Cookie: cookie! } });
    const body = await res.arrayBuffer();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    bytes = body.byteLength;
    if (i > 0) times.push(ms); // the first request warms caches (comparison groups, modules)
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
  console.log(
    `${label.padEnd(44)} median ${q(0.5)} ms  p90 ${q(0.9)} ms  min ${times[0].toFixed(1)} ms  max ${times.at(-1)!.toFixed(1)} ms  (${(bytes / 1024).toFixed(0)} KB, ${runs} requests)`,
  );
}

const query = "?indikator=fp9-deltagelse&maalgruppe=anbragte&periode=2023/24&kommune=849";
await measure("GET /sammenlign (fp9 anbragte 2023/24, 849)", `/sammenlign${query}`);
await measure("GET /sammenlign (default view)", "/sammenlign");
await measure("GET /sammenlign/eksport?format=xlsx", `/sammenlign/eksport${query}&format=xlsx`);
await measure("GET /sammenlign/eksport?format=csv", `/sammenlign/eksport${query}&format=csv`);
await measure("GET /sammenlign/grupper?kommune=849", "/sammenlign/grupper?kommune=849");
await measure("GET /udfordringer", "/udfordringer");

server.close();
db.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
