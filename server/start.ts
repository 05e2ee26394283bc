/**
 * `npm start`: migrate the SQLite file, load reference data (and the demo data into an empty
 * database), then serve on PORT (default 3000).
 */
import { databasePath, openDatabase } from "../db/connection";
import { ensureData } from "../seeds/load";
import { createApp } from "./app";

const dev = process.argv.includes("--dev");
const demo = process.env.DEMO === "1" || (process.env.NODE_ENV !== "production" && process.env.DEMO !== "0");
const port = Number(process.env.PORT ?? 3000);
const file = databasePath();

const db = openDatabase(file);
const started = Date.now();
const { loadedDemoRows } = ensureData(db, { demo });
if (loadedDemoRows > 0) console.log(`Indlæste ${loadedDemoRows} demo-observationer på ${Date.now() - started} ms.`);

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
