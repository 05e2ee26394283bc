/** Parses route and query parameters with zod; a bad value is a DomainError (404 or 400 at the edge). */
import { z } from "zod";
import type { Db } from "../../db/connection";
import { SWITCHABLE_TARGET_GROUPS } from "../domain/catalogue";
import { invariant } from "../domain/errors";
import { findIndicator, findMunicipality, type Indicator, type Municipality } from "./catalogue.server";

const municipalityCode = z.string().regex(/^\d{3}$/);

export function requireMunicipality(db: Db, code: string | undefined): Municipality {
  const parsed = municipalityCode.safeParse(code);
  const m = parsed.success ? findMunicipality(db, parsed.data) : undefined;
  invariant(m, "not_found", "errors.unknownMunicipality", { code: code ?? "" });
  return m;
}

export function requireIndicator(db: Db, code: string | undefined): Indicator {
  const i = code ? findIndicator(db, code) : undefined;
  invariant(i, "not_found", "errors.unknownIndicator", { code: code ?? "" });
  return i;
}

const chosenGroup = z.enum(SWITCHABLE_TARGET_GROUPS);

/** The overview's target-group switch; `alle` is allowed where an indicator has it. */
export function chosenTargetGroup(request: Request, allowed: readonly string[] = SWITCHABLE_TARGET_GROUPS): string {
  const raw = new URL(request.url).searchParams.get("maalgruppe");
  if (raw === null || raw === "") return allowed.includes("anbragte") ? "anbragte" : allowed[0];
  invariant(allowed.includes(raw) || chosenGroup.safeParse(raw).success, "invalid", "errors.unknownTargetGroup", { value: raw });
  return raw;
}
