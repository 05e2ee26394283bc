import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Two projects: fast unit/integration tests, and e2e tests that start the built server and
// drive Debian's Chromium. `npm test` runs both.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
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
