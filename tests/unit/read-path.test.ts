import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every number leaves the server through readFigures (with disclosure control applied). This
 * fails if a route, component or other module reads the observations table any other way.
 */
const APP = path.resolve(import.meta.dirname, "../../app");
// the import writes observations and shows what it replaces (a withheld old value stays withheld)
const ALLOWED = new Set(["data/figures.server.ts", "data/disclosure.server.ts", "data/import.server.ts"]);

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

describe("the one read path", () => {
  const sources = files(APP).map((f) => ({ rel: path.relative(APP, f).split(path.sep).join("/"), text: fs.readFileSync(f, "utf8") }));

  it("finds the app's modules", () => {
    expect(sources.length).toBeGreaterThan(20);
    expect(sources.some((s) => s.rel === "data/figures.server.ts")).toBe(true);
  });

  it("no route touches the database schema, drizzle or raw SQL", () => {
    const offenders = sources
      .filter((s) => s.rel.startsWith("routes/"))
      .filter((s) => /db\/schema|drizzle-orm|\$client|\.prepare\(/.test(s.text))
      .map((s) => s.rel);
    expect(offenders).toEqual([]);
  });

  it("only the read path and the disclosure computation read observations", () => {
    const offenders = sources
      .filter((s) => !ALLOWED.has(s.rel))
      .filter((s) => /\bobservations\b|figure_?[aA]ggregates/.test(s.text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "")))
      .map((s) => s.rel);
    expect(offenders).toEqual([]);
  });
});
