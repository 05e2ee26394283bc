/**
 * `npm run seed -- [--scale N] [--seed S] [--database FILE] [--reset]`
 * Writes reference data and the demo observations into a SQLite file (default DATABASE_PATH).
 * --scale N makes an N-times-larger synthetic set for benchmarks; --reset empties observations first.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { databasePath, openDatabase } from "../db/connection";
import { DEMO_SEED } from "./generator";
import { loadDemoObservations, loadReferenceData, observationCount } from "./load";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    seed: { type: "string", default: String(DEMO_SEED) },
    database: { type: "string" },
    reset: { type: "boolean", default: false },
  },
});

const args = z.object({ scale: z.coerce.number().int().min(1).max(1000), seed: z.coerce.number().int() }).safeParse(values);
if (!args.success) {
  console.error("Ugyldige argumenter: --scale skal være et helt tal fra 1 til 1000, --seed et helt tal.");
  process.exit(2);
}

const file = values.database ?? databasePath();
const db = openDatabase(file);
loadReferenceData(db);
if (values.reset) db.$client.exec("delete from observations");
if (observationCount(db) > 0) {
  console.error(`Databasen ${file} har allerede observationer. Brug --reset for at erstatte dem.`);
  process.exit(1);
}
const started = Date.now();
let disclosureMs = 0;
let auditMs = 0;
const rows = loadDemoObservations(db, {
  seed: args.data.seed,
  scale: args.data.scale,
  onDisclosure: (d) => ((disclosureMs = d.ms), (auditMs = d.audit.ms)),
});
console.log(`Skrev ${rows} observationer (skala ${args.data.scale}, frø ${args.data.seed}) til ${file} på ${Date.now() - started} ms.`);
// read by npm run bench: the disclosure recomputation and its interval audit (ADR 0029)
console.log(`Diskretionering: ${disclosureMs} ms, heraf intervalrevision ${auditMs} ms.`);
db.$client.close();
