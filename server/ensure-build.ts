/** `npm start`'s first step: build only when build/ is missing or older than the sources (server/build-state.ts). */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIsCurrent, markBuilt, sourceHash } from "./build-state";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
if (buildIsCurrent(root)) {
  console.log("Bygget er opdateret; bygger ikke igen.");
} else {
  const before = sourceHash(root); // the sources as built: a change during the build gives a new build next time
  const built = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
  markBuilt(root, before);
}
