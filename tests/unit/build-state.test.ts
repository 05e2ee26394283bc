import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildIsCurrent, markBuilt } from "../../server/build-state";

describe("npm start reuses an up-to-date build", () => {
  it("builds a fresh clone, reuses a build of the same sources, and builds again after a change", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "faelles-retning-build-"));
    try {
      fs.mkdirSync(path.join(root, "app", "routes"), { recursive: true });
      fs.writeFileSync(path.join(root, "app", "routes", "side.tsx"), "export default 1;");
      fs.writeFileSync(path.join(root, "package-lock.json"), "{}");
      expect(buildIsCurrent(root)).toBe(false); // a fresh clone: no build
      fs.mkdirSync(path.join(root, "build", "server"), { recursive: true });
      fs.writeFileSync(path.join(root, "build", "server", "index.js"), "");
      expect(buildIsCurrent(root)).toBe(false); // a build with no stamp (npm run build by hand): build once more
      markBuilt(root);
      expect(buildIsCurrent(root)).toBe(true);
      fs.writeFileSync(path.join(root, "app", "routes", "side.tsx"), "export default 2;");
      expect(buildIsCurrent(root)).toBe(false);
      markBuilt(root);
      fs.writeFileSync(path.join(root, "app", "routes", "ny.tsx"), "export default 3;");
      expect(buildIsCurrent(root)).toBe(false);
      markBuilt(root);
      fs.writeFileSync(path.join(root, "package-lock.json"), '{"x":1}');
      expect(buildIsCurrent(root)).toBe(false);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
