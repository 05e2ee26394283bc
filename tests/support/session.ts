/** Signs a user in for loader-level tests: a real account, a real session row, a real signed cookie. */
import type { AppLoadContext } from "@remix-run/node";
import type { Db } from "../../db/connection";
import { startSession } from "~/data/auth.server";
import { createUser } from "~/data/users.server";
import type { Role } from "~/domain/access";

let n = 0;

export async function signIn(db: Db, role: Role, municipalityCode: string | null = role === "sekretariat" ? null : "849") {
  const email = `test-${++n}-${role}@example.dk`;
  const user = await createUser(db, null, { email, name: `Test ${role}`, role, municipalityCode }, "en-lang-test-adgangskode");
  const setCookie = await startSession(db, new Request("http://localhost/login"), user.id);
  const cookie = setCookie.split(";")[0];
  const context: AppLoadContext = { db, cspNonce: "test", clientAddress: "127.0.0.1" };
  return {
    user,
    cookie,
    context,
    /** A GET request to `path` carrying the session cookie. */
    request: (path: string, init: RequestInit = {}) =>
      new Request(`http://localhost${path}`, { ...init, headers: { Cookie: cookie, ...(init.headers ?? {}) } }),
  };
}
