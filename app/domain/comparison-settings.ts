/**
 * The comparison-group settings form's schema, apart from the rest of the comparison domain so
 * that pages which only rank and draw do not ship zod to the browser.
 */
import { z } from "zod";
import { GROUP_SIZE_RANGE, STRUCTURE_VARIABLES } from "./comparison";

/** What the secretariat may set: the form checks it in the browser, the server checks it again. */
export const settingsSchema = z.object({
  variables: z
    .array(z.enum(STRUCTURE_VARIABLES, { message: "Vælg blandt de viste variable." }), { message: "Vælg mindst to variable." })
    .min(2, "Vælg mindst to variable.")
    .transform((v) => STRUCTURE_VARIABLES.filter((s) => v.includes(s))),
  groupSize: z.coerce
    .number({ message: "Skriv et helt tal." })
    .int("Skriv et helt tal.")
    .min(GROUP_SIZE_RANGE.min, `Gruppen skal have mindst ${GROUP_SIZE_RANGE.min} kommuner.`)
    .max(GROUP_SIZE_RANGE.max, `Gruppen kan have højst ${GROUP_SIZE_RANGE.max} kommuner.`),
});
