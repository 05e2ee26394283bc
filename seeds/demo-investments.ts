/**
 * Demo investment cases: for each demo municipality one case from each template (the SØM
 * archetypes as three cases A, B and C), written by its school director through the same
 * service as the pages, so they are validated and audited. The learning-environment case is
 * linked to the municipality's learning-coordinator target, archetype A to its exam target.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/connection";
import { investmentCases, targets, users } from "../db/schema";
import { TEMPLATE_KEYS } from "../app/domain/investments/templates";
import type { Actor } from "../app/data/auth.server";
import { createInvestmentCase, setInvestmentTargets } from "../app/data/investments.server";
import { DEMO_MUNICIPALITIES } from "../app/data/users.server";

function schoolDirector(db: Db, municipalityCode: string): Actor | undefined {
  const u = db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, municipalityCode: users.municipalityCode })
    .from(users)
    .where(and(eq(users.role, "skoledirektoer"), eq(users.municipalityCode, municipalityCode), eq(users.active, true)))
    .get();
  return u ? { ...u, via: "session", csrfToken: null } : undefined;
}

const LINKS: Partial<Record<(typeof TEMPLATE_KEYS)[number], (t: typeof targets.$inferSelect) => boolean>> = {
  laeringsmiljoe: (t) => t.kind === "milepael" && t.title.startsWith("Læringskoordinator"),
  "soem-a": (t) => t.indicatorCode === "fp9-deltagelse" && t.adoptedFromId === null,
};

export function ensureDemoInvestments(db: Db): number {
  if (
    (db
      .select({ n: sql<number>`count(*)` })
      .from(investmentCases)
      .get()?.n ?? 0) > 0
  )
    return 0;
  let created = 0;
  for (const code of DEMO_MUNICIPALITIES) {
    const actor = schoolDirector(db, code);
    if (!actor) continue;
    const own = db.select().from(targets).where(eq(targets.municipalityCode, code)).all();
    for (const key of TEMPLATE_KEYS) {
      const id = createInvestmentCase(db, actor, code, key);
      created++;
      const fits = LINKS[key];
      const linked = fits ? own.filter(fits).map((t) => t.id) : [];
      if (linked.length) setInvestmentTargets(db, actor, id, linked);
    }
  }
  return created;
}
