/**
 * `npm start`: migrate the SQLite file, load reference data (and the demo data and demo accounts
 * into an empty database in demo mode), then serve on PORT (default 3000).
 *
 * In production it serves from one process per core (WEB_CONCURRENCY, default the number of
 * cores; ADR 17): this process prepares the database once, then forks the server processes,
 * which share the port and the SQLite file (WAL: many readers, one writer at a time), restarts
 * one that dies, and stops them all on SIGTERM or SIGINT. `--dev` is always one process.
 */
import cluster from "node:cluster";
import os from "node:os";
import { like } from "drizzle-orm";
import { databasePath, openDatabase } from "../db/connection";
import { users } from "../db/schema";
import { ensureData } from "../seeds/load";
import { demoPassword, isDemoMode } from "../app/data/demo.server";
import { ensureDemoAccounts } from "../app/data/users.server";
import { ensureDemoReports, ensureDemoTargets } from "../seeds/demo-targets";
import { ensureDemoInvestments } from "../seeds/demo-investments";
import { sessionSecrets } from "../app/data/auth.server";
import { createApp } from "./app";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const file = databasePath();

/** How many server processes: WEB_CONCURRENCY if it is a whole number from 1, else one per core. */
function serverProcesses(): number {
  if (dev) return 1;
  const asked = Number(process.env.WEB_CONCURRENCY);
  return Number.isInteger(asked) && asked >= 1 ? asked : os.availableParallelism();
}

/** Migrations, reference and demo data, demo accounts: once, before anything serves. */
async function prepareDatabase() {
  const demo = isDemoMode();
  const db = openDatabase(file);
  const started = Date.now();
  const { loadedDemoRows } = ensureData(db, { demo });
  if (loadedDemoRows > 0) console.log(`Indlæste ${loadedDemoRows} demo-observationer på ${Date.now() - started} ms.`);
  if (demo) {
    const accounts = await ensureDemoAccounts(db, demoPassword());
    console.log(`Demokonti (adgangskode: ${demoPassword()}):`);
    for (const a of accounts) console.log(`  ${a.email.padEnd(24)} ${a.role}${a.municipalityCode ? ` (${a.municipalityCode})` : ""}`);
    const targets = ensureDemoTargets(db);
    if (targets > 0) console.log(`Oprettede ${targets} demo-mål med kvartalsstatus.`);
    const cases = ensureDemoInvestments(db);
    if (cases > 0) console.log(`Oprettede ${cases} demo-investeringscases.`);
    const published = ensureDemoReports(db);
    if (published > 0) console.log(`Udgav ${published} demo-kvartalsrapporter for 2025K3.`);
  } else {
    // a production database never keeps working demo accounts
    const n = db.update(users).set({ active: false }).where(like(users.email, "%@demo.dk")).run().changes;
    if (n > 0) console.log(`Deaktiverede ${n} demokonti (ikke demotilstand).`);
  }
  return db;
}

/** Serves on the port with its own connection; resolves when it listens. */
async function serve(db = openDatabase(file, { migrate: false })) {
  const app = await createApp(db, { dev });
  const server = app.listen(port);
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const shutdown = () =>
    server.close(() => {
      db.$client.close();
      process.exit(0);
    });
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

const ready = (n: number) =>
  console.log(
    `Fælles retning kører på http://localhost:${port} (database: ${file}; ${n === 1 ? "1 serverproces" : `${n} serverprocesser`})`,
  );

sessionSecrets(); // fail at start, not at the first login, when production has no SESSION_SECRET
const processes = serverProcesses();

if (cluster.isWorker) {
  await serve();
  process.send?.("klar");
} else if (processes === 1) {
  await serve(await prepareDatabase());
  ready(1);
} else {
  (await prepareDatabase()).$client.close();
  let stopping: false | "asked" | "failed" = false;
  let listening = 0;
  const fork = () =>
    cluster.fork().on("message", (m) => {
      if (m === "klar" && ++listening === processes) ready(processes);
    });
  cluster.on("exit", (_worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(stopping === "failed" ? 1 : 0);
      return;
    }
    if (listening < processes) {
      // it never served (the port is taken, say): restarting would only fail again, once a second
      console.error(`En serverproces kunne ikke starte (${signal ?? code}); stopper.`);
      stop("failed");
      return;
    }
    console.error(`En serverproces stoppede (${signal ?? code}); starter en ny.`);
    setTimeout(fork, 1000);
  });
  const stop = (why: "asked" | "failed" = "asked") => {
    stopping = why;
    const running = Object.values(cluster.workers ?? {});
    if (running.length === 0) process.exit(why === "failed" ? 1 : 0);
    for (const w of running) w?.process.kill("SIGTERM");
  };
  process.on("SIGTERM", () => stop());
  process.on("SIGINT", () => stop());
  for (let i = 0; i < processes; i++) fork();
}
