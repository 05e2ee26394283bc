/** Parses route and query parameters with zod; a bad value becomes a Danish 400/404. */
import { z } from "zod";
import type { Db } from "../../db/connection";
import { SWITCHABLE_TARGET_GROUPS } from "../domain/catalogue";
import { getT } from "../i18n/i18n";
import { findIndicator, findMunicipality, type Indicator, type Municipality } from "./catalogue.server";

const t = getT("da");
const municipalityCode = z.string().regex(/^\d{3}$/);

export function requireMunicipality(db: Db, code: string | undefined): Municipality {
  const parsed = municipalityCode.safeParse(code);
  const m = parsed.success ? findMunicipality(db, parsed.data) : undefined;
  if (!m) throw new Response(t("errors.unknownMunicipality", { code: code ?? "" }), { status: 404 });
  return m;
}

export function requireIndicator(db: Db, code: string | undefined): Indicator {
  const i = code ? findIndicator(db, code) : undefined;
  if (!i) throw new Response(t("errors.unknownIndicator", { code: code ?? "" }), { status: 404 });
  return i;
}

const chosenGroup = z.enum(SWITCHABLE_TARGET_GROUPS);

/** The overview's target-group switch; `alle` is allowed where an indicator has it. */
export function chosenTargetGroup(request: Request, allowed: readonly string[] = SWITCHABLE_TARGET_GROUPS): string {
  const raw = new URL(request.url).searchParams.get("maalgruppe");
  if (raw === null || raw === "") return allowed.includes("anbragte") ? "anbragte" : allowed[0];
  if (!allowed.includes(raw) && !chosenGroup.safeParse(raw).success) throw new Response(t("errors.unknownTargetGroup", { value: raw }), { status: 400 });
  return raw;
}
