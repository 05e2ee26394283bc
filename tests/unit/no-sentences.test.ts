import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { danishIn } from "../support/danish";

/**
 * The data layer and the domain speak in codes (ADR 30): every sentence a person reads lives in
 * app/i18n. This reads their sources, as the read-path test does, and fails on Danish in a
 * string literal or template with words in it. Comments are not checked, and neither are
 * single-word codes (column names, ids such as "anbragte-andel").
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const DIRS = ["app/data", "app/domain"];

function files(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

/** The string literals of a source file, comments removed. */
function literals(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
  return [...code.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
}

describe("no sentences in app/data and app/domain", () => {
  it.each(DIRS.flatMap(files))("%s holds no Danish text", (file) => {
    const found = literals(fs.readFileSync(path.join(ROOT, file), "utf8"))
      .map((s) => s.replace(/\$\{[^}]*\}/g, " "))
      // codes and names in the data's own language (column names, ids like "anbragte-andel") are not sentences
      .filter((s) => /\s/.test(s.trim()))
      .map(danishIn)
      .filter((x): x is string => x !== null);
    expect(found).toEqual([]);
  });
});
