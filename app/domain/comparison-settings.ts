/**
 * The comparison-group settings form's schema, apart from the rest of the comparison domain so
 * that pages which only rank and draw do not ship zod to the browser.
 */
import { z } from "zod";
import { GROUP_SIZE_RANGE, STRUCTURE_VARIABLES } from "./comparison";
import { messageKey } from "./errors";

/** What the secretariat may set: the form checks it in the browser, the server checks it again. */
export const settingsSchema = z.object({
  variables: z
    .array(z.enum(STRUCTURE_VARIABLES, { message: "groupErrors.variable" }), { message: "groupErrors.twoVariables" })
    .min(2, "groupErrors.twoVariables")
    .transform((v) => STRUCTURE_VARIABLES.filter((s) => v.includes(s))),
  groupSize: z.coerce
    .number({ message: "groupErrors.integer" })
    .int("groupErrors.integer")
    .min(GROUP_SIZE_RANGE.min, messageKey("groupErrors.min", { min: GROUP_SIZE_RANGE.min }))
    .max(GROUP_SIZE_RANGE.max, messageKey("groupErrors.max", { max: GROUP_SIZE_RANGE.max })),
});
