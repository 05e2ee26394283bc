import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";
import os from "node:os";

// Two projects: fast unit/integration tests, and e2e tests that start the built server and
// drive Debian's Chromium. `npm test` runs both.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    // vitest's default is one worker per core less one: a single worker on CI's two cores, so
    // every file waited for the one before. The browser files mostly wait on Chromium and the
    // server, so two workers overlap them with the CPU-bound files (ADR 32).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        plugins: [tsconfigPaths()],
        // integration tests build a real demo database; give them room on a busy 2-core machine
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ["tests/support/templates.ts"],
        },
      },
      {
        plugins: [tsconfigPaths()],
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 180_000,
          globalSetup: ["tests/e2e/global-setup.ts"],
        },
      },
    ],
  },
});
