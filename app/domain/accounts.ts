/**
 * The account forms' schemas, shared by the browser and the server. Messages are i18n keys
 * (app/i18n `userErrors`), so a form shows them in the page's language.
 */
import { z } from "zod";
import { needsMunicipality, ROLES } from "./access";
import { messageKey } from "./errors";

export const MIN_PASSWORD_LENGTH = 12;

export const passwordSchema = z
  .string({ error: "userErrors.password" })
  .min(MIN_PASSWORD_LENGTH, { error: messageKey("userErrors.passwordShort", { min: MIN_PASSWORD_LENGTH }) })
  .max(200, { error: messageKey("userErrors.passwordLong", { max: 200 }) });

export const newUserSchema = z
  .object({
    email: z.email({ error: "userErrors.email" }).transform((e) => e.trim().toLowerCase()),
    name: z.string({ error: "userErrors.name" }).trim().min(2, { error: "userErrors.name" }).max(120),
    role: z.enum(ROLES, { error: "userErrors.role" }),
    municipalityCode: z
      .string()
      .regex(/^\d{3}$/)
      .optional()
      .or(z.literal("").transform(() => undefined)),
  })
  .refine((u) => !needsMunicipality(u.role) || u.municipalityCode, { path: ["municipalityCode"], error: "userErrors.municipality" })
  .transform((u) => ({ ...u, municipalityCode: needsMunicipality(u.role) ? u.municipalityCode! : null }));

export type NewUser = z.output<typeof newUserSchema>;
