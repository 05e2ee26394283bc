/** Settings read from the environment, validated once. */
import { z } from "zod";
import { DEFAULT_DISCLOSURE, type DisclosureConfig } from "../domain/disclosure";

let disclosure: DisclosureConfig | undefined;

/** The disclosure threshold k (`DISCLOSURE_K`, default 5): figures about fewer than k children are withheld. */
export function disclosureConfig(): DisclosureConfig {
  if (!disclosure) {
    const k = z.coerce.number().int().min(2).max(100).default(DEFAULT_DISCLOSURE.k).safeParse(process.env.DISCLOSURE_K || undefined);
    if (!k.success) throw new Error(`DISCLOSURE_K must be a whole number from 2 to 100, not '${process.env.DISCLOSURE_K}'.`);
    disclosure = { k: k.data };
  }
  return disclosure;
}
