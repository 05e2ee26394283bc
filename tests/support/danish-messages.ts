/** The sentences a Danish reader gets for what the data layer says in codes (ADR 30). */
import { DomainError } from "~/domain/errors";
import { getT, translateMessage, translateWith } from "~/i18n/i18n";

const da = getT("da");

/** A message key (with parameters) as the Danish page shows it. */
export const inDanish = (message: string): string => translateMessage(da, message);

/** Issues with their messages in Danish. */
export const issuesInDanish = <T extends { message: string }>(issues: T[]): T[] =>
  issues.map((i) => ({ ...i, message: inDanish(i.message) }));

/** What a thrown DomainError says to a Danish reader (for `expect(...).toThrow`-style checks). */
export function errorInDanish(e: unknown): string {
  if (e instanceof DomainError) return translateWith(da, e.key, e.params);
  throw e;
}

/** Runs `fn` and returns the Danish sentence of the DomainError it throws. */
export async function refusalInDanish(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (e) {
    return errorInDanish(e);
  }
  throw new Error("expected a refusal");
}
