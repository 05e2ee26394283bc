/**
 * Whether build/ was made from the sources as they are now: a SHA-256 over every file the build
 * reads (app/, public/, the configs and the lockfile), stored beside the build. `npm start`
 * builds only when it differs, so a restart takes seconds and a fresh clone still builds.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = ["app", "public", "package-lock.json", "package.json", "vite.config.ts", "tsconfig.json", "remix.config.js", "env.d.ts"];
export const STAMP = path.join("build", ".source-hash");

function files(root: string, rel: string): string[] {
  const full = path.join(root, rel);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [rel];
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((name) => files(root, path.join(rel, name)));
}

export function sourceHash(root: string): string {
  const hash = createHash("sha256");
  for (const rel of INPUTS.flatMap((i) => files(root, i))) {
    hash
      .update(rel.split(path.sep).join("/"))
      .update("\0")
      .update(fs.readFileSync(path.join(root, rel)))
      .update("\0");
  }
  return hash.digest("hex");
}

export function buildIsCurrent(root: string): boolean {
  const stamp = path.join(root, STAMP);
  return (
    fs.existsSync(path.join(root, "build", "server", "index.js")) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8").trim() === sourceHash(root)
  );
}

export function markBuilt(root: string, hash = sourceHash(root)): void {
  fs.writeFileSync(path.join(root, STAMP), `${hash}\n`);
}
