export type ErrorCode = "not_found" | "forbidden" | "conflict" | "invalid" | "unavailable";
/** A failure the data layer reports by code; the route edge turns it into a reply in the page's language. */
export class DomainError extends Error {
  constructor(readonly code: ErrorCode, readonly key: string, readonly params: Record<string, string | number> = {}, readonly field?: string) {
    super(`${code}: ${key}`);
    this.name = "DomainError";
  }
}
