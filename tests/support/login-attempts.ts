/**
 * A second server process, as far as login throttling is concerned: makes COUNT login attempts
 * at once on the database file and prints their results as JSON. Used by the auth tests to check
 * that failures counted in several processes add up.
 *   tsx tests/support/login-attempts.ts FILE EMAIL PASSWORD ADDRESS COUNT
 */
// eslint-disable-next-line no-restricted-imports -- run as a plain tsx script by a test, outside vitest's alias
import { attemptLogin } from "../../app/data/auth.server";
import { openDatabase } from "../../db/connection";

const [file, email, password, address, count] = process.argv.slice(2);
const db = openDatabase(file);
const results = await Promise.all(Array.from({ length: Number(count) }, () => attemptLogin(db, { email, password, address })));
db.$client.close();
process.stdout.write(JSON.stringify(results.map((r) => (r.ok ? "ok" : r.reason))));
