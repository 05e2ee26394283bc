/**
 * The forms of a joint target, shared by the browser and the server. Messages are i18n keys
 * (app/i18n `targetErrors`), so a form shows them in the page's language.
 */
import { z } from "zod";
import { messageKey } from "../errors";
import { parsePeriod } from "../periods";
import { parseFormBoolean } from "./joint";

type TextField = "title" | "rationale" | "milestone" | "closeReason" | "done" | "next";
const text = (field: TextField, max = 2000) =>
  z
    .string({ error: messageKey(`targetErrors.${field}.required`) })
    .trim()
    .min(1, { error: messageKey(`targetErrors.${field}.required`) })
    .max(max, { error: messageKey(`targetErrors.${field}.tooLong`, { max }) });

const definitionBase = z.object({
  title: text("title", 200),
  rationale: text("rationale"),
  challenges: z.array(z.coerce.number().int().min(1).max(8)).min(1, { error: "targetErrors.challenges" }),
});

export const ownersSchema = z.object({
  schoolOwnerId: z.coerce.number({ error: "targetErrors.schoolOwner" }).int().positive({ error: "targetErrors.schoolOwner" }),
  socialOwnerId: z.coerce.number({ error: "targetErrors.socialOwner" }).int().positive({ error: "targetErrors.socialOwner" }),
});

const quantitativeFields = {
  kind: z.literal("kvantitativ"),
  indicatorCode: z.string({ error: "targetErrors.indicator" }).min(1, { error: "targetErrors.indicator" }),
  targetGroup: z.string({ error: "targetErrors.targetGroup" }).min(1, { error: "targetErrors.targetGroup" }),
  baselinePeriod: z.string({ error: "targetErrors.baselinePeriod" }).min(1, { error: "targetErrors.baselinePeriod" }),
  // a Danish decimal comma ("12,5") reads as 12.5
  targetValue: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().replace(",", ".") : v),
    z.coerce.number({ error: "targetErrors.targetValue" }).finite({ error: "targetErrors.targetValue" }),
  ),
  deadlinePeriod: z.string({ error: "targetErrors.deadlinePeriod" }).trim().min(1, { error: "targetErrors.deadlinePeriod" }),
  // an indicator without a fixed direction needs one stated (checked against the indicator on the server)
  direction: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(["higher", "lower"]).optional()),
};
const milestoneFields = {
  kind: z.literal("milepael"),
  milestones: z
    .array(
      z.object({
        // set when editing: the milestone keeps its id and whether it is done
        id: z.coerce.number().int().positive().optional(),
        title: text("milestone", 200),
        dueDate: z.iso.date({ error: "targetErrors.dueDate" }),
      }),
    )
    .min(1, { error: "targetErrors.milestones" }),
};

/** A municipality's target: what it aims at and the two named owners. */
export const targetInputSchema = z.discriminatedUnion("kind", [
  definitionBase.extend(ownersSchema.shape).extend(quantitativeFields),
  definitionBase.extend(ownersSchema.shape).extend(milestoneFields),
]);
export type TargetInput = z.output<typeof targetInputSchema>;

/** A partnership-wide target: the same aim without owners – each adopting municipality names its own. */
export const partnershipTargetSchema = z.discriminatedUnion("kind", [
  definitionBase.extend(quantitativeFields),
  definitionBase.extend(milestoneFields),
]);
export type TargetDefinition = z.output<typeof partnershipTargetSchema>;

export const closeSchema = z.object({
  state: z.enum(["naaet", "droppet"], { error: "targetErrors.closeState" }),
  reason: text("closeReason"),
});

export const statusPartSchema = z.object({
  quarter: z.string().refine((q) => parsePeriod(q)?.cadence === "quarter", { error: "targetErrors.quarter" }),
  expectedVersion: z.coerce.number().int().min(0),
  done: text("done"),
  next: text("next"),
  risks: z.string().trim().max(2000).default(""),
  assessment: z.enum(["paa-sporet", "i-risiko", "bagud"], { error: "targetErrors.assessment" }),
  justification: z.string().trim().max(2000).default(""),
  confirm: z.any().optional().transform(parseFormBoolean),
});
export type StatusPartInput = z.output<typeof statusPartSchema>;
