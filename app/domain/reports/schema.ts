/** The publishing form of a quarterly report, shared by the browser and the server; messages are i18n keys. */
import { z } from "zod";

export const publishSchema = z.object({
  listMissing: z.enum(["ja", "nej"]).default("nej"),
  reason: z.string().trim().max(1000).default(""),
  /** The draft's hash as the publisher saw it: approving a draft that changed since is refused. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, { error: "reportErrors.draftChanged" }),
});
