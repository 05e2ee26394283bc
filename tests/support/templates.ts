/**
 * Global setup of the unit project: builds the demo and the empty test databases once per run;
 * createTestDatabase copies them. Removed again when the run ends.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildDatabase } from "./build-database";

let dir: string | undefined;

export function setup(project: TestProject) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "faelles-retning-templates-"));
  const demo = path.join(dir, "demo.sqlite");
  const empty = path.join(dir, "empty.sqlite");
  buildDatabase(demo, true);
  buildDatabase(empty, false);
  project.provide("databaseTemplates", { demo, empty });
}

export function teardown() {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
