/**
 * Starts the real built server on a fresh temporary SQLite file (migrated, demo data loaded)
 * for the browser tests. Where Debian's Chromium is missing, the e2e tests are skipped loudly.
 */
import { buildIsCurrent, markBuilt, sourceHash } from "../../server/build-state";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    chromium: string | null;
    /** The server's SQLite file: a test loads changed data into it as a data load would. */
    databasePath: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

let server: ChildProcess | undefined;
let stopping = false;
let dir: string | undefined;

export async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "../..");
  const chromium = fs.existsSync(CHROMIUM_PATH) ? CHROMIUM_PATH : null;
  project.provide("chromium", chromium);
  if (!chromium) {
    console.warn(
      `\n${"!".repeat(78)}\n!!! E2E SKIPPED: Chromium not found at ${CHROMIUM_PATH}. Install it: apt-get install -y chromium\n${"!".repeat(78)}\n`,
    );
    project.provide("baseURL", "");
    project.provide("databasePath", "");
    return;
  }
  // a build older than the sources would test yesterday's pages: rebuild as `npm start` would
  if (!buildIsCurrent(root)) {
    const before = sourceHash(root);
    const built = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
    if (built.status !== 0) throw new Error("npm run build failed");
    markBuilt(root, before);
  }
  stopping = false;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "faelles-retning-e2e-"));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_PATH: path.join(dir, "e2e.sqlite"),
      NODE_ENV: "production",
      DEMO: "1",
      DEV_PAGES: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (d) => (output += d));
  server.stderr?.on("data", (d) => (output += d));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${baseURL}/login`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  // a server that dies during the run says why, instead of leaving only "connection refused"
  server.once("exit", (code, signal) => {
    if (!stopping)
      console.error(`\n!!! the e2e server exited during the run (${code ?? signal}); its last output:\n${output.slice(-4000)}\n`);
  });
  project.provide("baseURL", baseURL);
  project.provide("databasePath", path.join(dir, "e2e.sqlite"));
}

export async function teardown() {
  stopping = true;
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server!.once("exit", r));
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
