/**
 * Demo joint targets, so the pages are not empty on first start: three per demo municipality,
 * a joint status for 2025K3 and the school's half-written 2025K4 status, and one
 * partnership-wide target that two of them have adopted. Written through the
 * same service as the pages, so they are validated and audited like any other change.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/connection";
import { reports, targets, users } from "../db/schema";
import type { Actor } from "../app/data/auth.server";
import { findIndicator, setMeta } from "../app/data/catalogue.server";
import { readFigures } from "../app/data/figures.server";
import { buildSnapshot, hashSnapshot, publishOrApprove } from "../app/data/reports.server";
import { DEMO_MUNICIPALITIES } from "../app/data/users.server";
import {
  adoptTarget,
  confirmStatus,
  createPartnershipTarget,
  createTarget,
  targetProgress,
  writeStatusPart,
  type TargetInput,
} from "../app/data/targets.server";

function secretariatActor(db: Db): Actor | undefined {
  const u = db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, municipalityCode: users.municipalityCode })
    .from(users)
    .where(and(eq(users.role, "sekretariat"), eq(users.active, true)))
    .get();
  return u ? { ...u, via: "session", csrfToken: null } : undefined;
}

function actorFor(db: Db, role: "skoledirektoer" | "socialdirektoer", municipalityCode: string): Actor | undefined {
  const u = db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, municipalityCode: users.municipalityCode })
    .from(users)
    .where(and(eq(users.role, role), eq(users.municipalityCode, municipalityCode), eq(users.active, true)))
    .get();
  return u ? { ...u, via: "session", csrfToken: null } : undefined;
}

export function ensureDemoTargets(db: Db): number {
  if (
    (db
      .select({ n: sql<number>`count(*)` })
      .from(targets)
      .get()?.n ?? 0) > 0
  )
    return 0;
  // the demo data end in 2025: statuses are written for its last quarter
  setMeta(db, "current_quarter", "2025K4");
  let created = 0;
  for (const code of DEMO_MUNICIPALITIES) {
    const school = actorFor(db, "skoledirektoer", code);
    const social = actorFor(db, "socialdirektoer", code);
    if (!school || !social) continue;
    const owners = { schoolOwnerId: school.id, socialOwnerId: social.id };
    // aim 10 points above the municipality's own starting point, so every demo target is a real stretch
    const aim = (indicatorCode: string, period: string, targetGroup = "udsatte") => {
      const indicator = findIndicator(db, indicatorCode)!;
      const base = readFigures(db, { indicator, targetGroups: [targetGroup], periods: [period], municipalities: [code] })[0]?.shown;
      return Math.min(95, Math.round((base ?? 60) + 10));
    };
    const inputs: TargetInput[] = [
      {
        kind: "kvantitativ",
        title: "Flere udsatte elever aflægger de bundne prøver",
        rationale: "Skolegang er en stærk beskyttelsesfaktor. Lave forventninger må ikke afgøre, om et barn går til prøve.",
        challenges: [2, 7],
        indicatorCode: "fp9-deltagelse",
        targetGroup: "udsatte",
        baselinePeriod: "2021/22",
        targetValue: aim("fp9-deltagelse", "2021/22"),
        deadlinePeriod: "2027/28",
        ...owners,
      },
      {
        kind: "kvantitativ",
        title: "Fælles opfølgning inden for 4 måneder",
        rationale: "Skole og familieafdeling følger op sammen, så barnet ikke selv skal holde den røde tråd.",
        challenges: [4, 5],
        indicatorCode: "opfoelgning-rettidig",
        // the model's follow-up meeting is for placed children (seed 002 §5.2)
        targetGroup: "anbragte",
        baselinePeriod: "2023K1",
        targetValue: aim("opfoelgning-rettidig", "2023K1", "anbragte"),
        deadlinePeriod: "2026K4",
        ...owners,
      },
      {
        kind: "milepael",
        title: "Læringskoordinator i PPR og læringsvejledere på skolerne",
        rationale: "Læringsmiljømodellen giver en fast tovholder på tværs af skole og socialområde.",
        challenges: [1, 4, 8],
        milestones: [
          { title: "Læringskoordinator ansat i PPR", dueDate: "2025-03-01" },
          { title: "Læringsvejleder udpeget på alle skoler", dueDate: "2026-06-30" },
          { title: "Første fælles evaluering med børnenes perspektiv", dueDate: "2026-12-31" },
        ],
        ...owners,
      },
    ];
    for (const input of inputs) {
      const id = createTarget(db, school, code, input);
      created++;
      const target = db.select().from(targets).where(eq(targets.id, id)).get()!;
      // the 2025K3 status is written against the status computed as of 2025K3; where the computed
      // status cannot be given (a withheld figure), the directors say what their assessment rests on
      const computed = targetProgress(db, target, "2025K3").computedStatus;
      const assessment = computed === "i-risiko" || computed === "bagud" ? computed : "paa-sporet";
      const justification =
        computed === "ingen-data"
          ? "Tallet vises ikke af hensyn til anonymitet; vurderingen bygger på skolernes og rådgivernes egne opgørelser."
          : "";
      const base = { risks: "", assessment, justification, confirm: false } as const;
      writeStatusPart(db, school, id, "school", {
        ...base,
        quarter: "2025K3",
        expectedVersion: 0,
        done: "Alle skoler har gennemgået de udsatte elevers prøveplaner.",
        next: "Prøveplanerne drøftes på de fælles opfølgningsmøder.",
      });
      writeStatusPart(db, social, id, "social", {
        ...base,
        quarter: "2025K3",
        expectedVersion: 1,
        confirm: true,
        done: "Rådgiverne har skrevet skolefaglige mål ind i handleplanerne.",
        next: "Anbringelsesstederne inddrages i opfølgningen.",
      });
      confirmStatus(db, school, id, "school", "2025K3", 2);
      if (input.kind === "kvantitativ" && input.indicatorCode === "fp9-deltagelse") {
        writeStatusPart(db, school, id, "school", {
          ...base,
          quarter: "2025K4",
          expectedVersion: 0,
          done: "Lærerne har holdt prøveforberedende forløb for alle udsatte elever i 9. klasse.",
          next: "Evaluering med eleverne i januar.",
        });
      }
    }
  }
  created += ensureDemoPartnershipTarget(db);
  return created;
}

/**
 * The partnership's own example target from the issue, adopted by the first two demo
 * municipalities; the third has not adopted it yet, so its targets page shows the invitation.
 */
function ensureDemoPartnershipTarget(db: Db): number {
  const secretariat = secretariatActor(db);
  if (!secretariat) return 0;
  const id = createPartnershipTarget(db, secretariat, {
    kind: "kvantitativ",
    title: "Mindst 60 % af de anbragte elever aflægger de bundne prøver i 2027/28",
    rationale:
      "Partnerskabets fælles ambition: anbragte børn skal have samme mulighed for at gå til prøve som andre børn. I dag aflægger under halvdelen prøverne.",
    challenges: [2, 3],
    indicatorCode: "fp9-deltagelse",
    targetGroup: "anbragte",
    baselinePeriod: "2023/24",
    targetValue: 60,
    deadlinePeriod: "2027/28",
  });
  let adopted = 0;
  for (const code of DEMO_MUNICIPALITIES.slice(0, 2)) {
    const school = actorFor(db, "skoledirektoer", code);
    const social = actorFor(db, "socialdirektoer", code);
    if (!school || !social) continue;
    adoptTarget(db, social, code, id, { schoolOwnerId: school.id, socialOwnerId: social.id });
    adopted++;
  }
  return 1 + adopted;
}

/**
 * A published 2025K3 report per demo municipality, so a council member sees one on first
 * start. Published by the secretariat through the same service as the page, with the targets
 * that lack a joint 2025K3 status listed as missing.
 */
export function ensureDemoReports(db: Db): number {
  if (
    (db
      .select({ n: sql<number>`count(*)` })
      .from(reports)
      .get()?.n ?? 0) > 0
  )
    return 0;
  const actor = secretariatActor(db);
  if (!actor) return 0;
  let published = 0;
  for (const code of DEMO_MUNICIPALITIES) {
    const contentHash = hashSnapshot(buildSnapshot(db, code, "2025K3"));
    publishOrApprove(db, actor, code, "2025K3", { listMissing: "ja", reason: "", contentHash });
    published++;
  }
  return published;
}
