/**
 * `npm start`: migrate the SQLite file, load reference data (and the demo data and demo accounts
 * into an empty database in demo mode), then serve on PORT (default 3000).
 */
import { like } from "drizzle-orm";
import { databasePath, openDatabase } from "../db/connection";
import { users } from "../db/schema";
import { ensureData } from "../seeds/load";
import { demoPassword, isDemoMode } from "../app/data/demo.server";
import { ensureDemoAccounts } from "../app/data/users.server";
import { ensureDemoReports, ensureDemoTargets } from "../app/data/demo-targets.server";
import { sessionSecrets } from "../app/data/auth.server";
import { createApp } from "./app";

const dev = process.argv.includes("--dev");
const demo = isDemoMode();
const port = Number(process.env.PORT ?? 3000);
const file = databasePath();

sessionSecrets(); // fail at start, not at the first login, when production has no SESSION_SECRET
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
  const published = ensureDemoReports(db);
  if (published > 0) console.log(`Udgav ${published} demo-kvartalsrapporter for 2025K3.`);
} else {
  // a production database never keeps working demo accounts
  const n = db.update(users).set({ active: false }).where(like(users.email, "%@demo.dk")).run().changes;
  if (n > 0) console.log(`Deaktiverede ${n} demokonti (ikke demotilstand).`);
}

const app = await createApp(db, { dev });
const server = app.listen(port, () => {
  console.log(`Fælles retning kører på http://localhost:${port} (database: ${file})`);
});

function shutdown() {
  server.close(() => {
    db.$client.close();
    process.exit(0);
  });
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
