/**
 * Global setup of the unit project: builds the demo and the empty test databases once per run;
 * createTestDatabase copies them. Removed again when the run ends.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildDatabase } from "./build-database";

let dir: string | undefined;

export function setup() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "faelles-retning-templates-"));
  const demo = path.join(dir, "demo.sqlite");
  const empty = path.join(dir, "empty.sqlite");
  buildDatabase(demo, true);
  buildDatabase(empty, false);
  // the test workers inherit the environment; a script without it builds its own database
  process.env.FR_TEST_TEMPLATES = dir;
}

export function teardown() {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
