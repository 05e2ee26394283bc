/**
 * `npm run import -- fil.csv [--dry-run]`: the same import as /indlaes, for scheduled loads.
 * Reads and checks the file (DATABASE_PATH), prints what it would change and every error, and
 * commits it as one batch unless --dry-run. Exit status: 0 on success, 1 when the file has
 * errors or is refused, 2 on wrong use.
 */
import { getT, translateMessage, translateWith } from "../app/i18n/i18n";
import path from "node:path";
import { parseArgs } from "node:util";
import { databasePath, openDatabase } from "../db/connection";
import {
  commitImport,
  findPreview,
  ImportError,
  ImportRefused,
  discardPreview,
  previewErrors,
  previewImport,
} from "../app/data/import.server";
import { loadReferenceData } from "../seeds/load";

// the command line speaks Danish, like the people who run it
const da = getT("da");

const { values, positionals } = parseArgs({ allowPositionals: true, options: { "dry-run": { type: "boolean" } } });
if (positionals.length !== 1) {
  console.error("Brug: npm run import -- fil.csv|fil.xlsx [--dry-run]");
  process.exit(2);
}
const file = positionals[0];
const db = openDatabase(databasePath());
loadReferenceData(db);
const who = { userId: null, actor: "kommandolinje" };
try {
  const started = performance.now();
  const id = await previewImport(db, { path: file, name: path.basename(file) }, who);
  const p = findPreview(db, id)!;
  console.log(
    `${p.fileName}: ${p.rowsRead} rækker læst – ${p.rowsNew} nye, ${p.rowsChanged} ændrede, ${p.rowsUnchanged} uændrede (${Math.round(
      performance.now() - started,
    )} ms).`,
  );
  if (p.errorCount > 0) {
    console.error(`${p.errorCount} fejl – intet er indlæst:`);
    for (const e of previewErrors(db, id, 100))
      console.error(`  ${da("importErrors.rowColumn", { row: e.rowNo, column: e.column, message: translateMessage(da, e.message) })}`);
    if (p.errorCount > 100) console.error(`  … og ${p.errorCount - 100} fejl mere.`);
    discardPreview(db, id);
    process.exit(1);
  }
  if (values["dry-run"]) {
    discardPreview(db, id);
    console.log("Prøvekørsel (--dry-run): intet er indlæst.");
    process.exit(0);
  }
  const batch = commitImport(db, who, id, () => console.log("Skriver i databasen …"));
  console.log(
    batch === null
      ? "Filen ændrer ingen tal; intet er indlæst."
      : `Indlæst som indlæsning ${batch} (${Math.round(performance.now() - started)} ms i alt).`,
  );
  process.exit(0);
} catch (e) {
  if (e instanceof ImportRefused || e instanceof ImportError) {
    console.error(translateWith(da, e.key, e.params));
    process.exit(1);
  }
  throw e;
}
