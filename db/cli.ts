/**
 * The database from the command line (DATABASE_PATH, default data/faelles-retning.sqlite):
 *   npm run db:migrate              brings the file to the latest migration
 *   npm run db:backup -- FILE       a consistent online copy, safe while the server runs
 *   npm run db:restore -- FILE      checks FILE and replaces the database with it (stop the server first)
 * Exit status 0 on success, 1 when refused or failed, 2 on wrong use.
 */
import { databasePath, openDatabase } from "./connection";
import { BackupRefused, backupDatabase, restoreDatabase } from "./backup";

const [command, file] = process.argv.slice(2);
const database = databasePath();
try {
  if (command === "migrate") {
    openDatabase(database).$client.close();
    console.log(`Migreret: ${database}`);
  } else if (command === "backup" && file) {
    const started = Date.now();
    const { bytes } = await backupDatabase(database, file);
    console.log(`Sikkerhedskopi af ${database} skrevet til ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB, ${Date.now() - started} ms).`);
  } else if (command === "restore" && file) {
    const { replaced } = restoreDatabase(file, database);
    console.log(`Gendannet ${database} fra ${file}.${replaced ? ` Den tidligere database er gemt som ${replaced}.` : ""}`);
  } else {
    console.error("Brug: npm run db:migrate | npm run db:backup -- FIL | npm run db:restore -- FIL");
    process.exit(2);
  }
} catch (e) {
  if (e instanceof BackupRefused) {
    console.error(`Afvist: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
