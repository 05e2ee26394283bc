/**
 * `npm run user:create -- --email a@b.dk --role sekretariat [--name "…"] [--kommune 849]`
 * Creates an account directly in the database (DATABASE_PATH), e.g. the first secretariat
 * account in production, and prints a generated password once. Audited like any other change.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { databasePath, openDatabase } from "../db/connection";
import { ConflictError, createUser } from "../app/data/users.server";
import { newUserSchema } from "../app/domain/accounts";
import { loadReferenceData } from "../seeds/load";

const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, kommune: { type: "string" } },
});
const parsed = newUserSchema.safeParse({
  email: values.email,
  role: values.role,
  name: values.name ?? values.email,
  municipalityCode: values.kommune ?? "",
});
if (!parsed.success) {
  for (const issue of parsed.error.issues)
    console.error(`Fejl i --${issue.path[0] === "municipalityCode" ? "kommune" : String(issue.path[0])}: ${issue.message}`);
  console.error(
    "Brug: npm run user:create -- --email navn@kommune.dk --role sekretariat|skoledirektoer|socialdirektoer|byraad [--kommune 849] [--name 'Navn']",
  );
  process.exit(2);
}
const db = openDatabase(databasePath());
loadReferenceData(db); // the municipality must exist for the foreign key
const password = randomBytes(12).toString("base64url");
try {
  const user = await createUser(db, null, parsed.data, password);
  console.log(`Oprettede ${user.email} (${user.role}${user.municipalityCode ? `, ${user.municipalityCode}` : ""}).`);
  console.log(`Adgangskode (vises kun nu – skift den under 'Din profil'): ${password}`);
} catch (e) {
  if (e instanceof ConflictError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
} finally {
  db.$client.close();
}
