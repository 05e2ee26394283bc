/**
 * Backup and restore end to end: `npm run db:backup` while the real server serves (and writes:
 * logins), `npm run db:restore` into a fresh directory, and the server started on the restored
 * file answers with the same figures. A damaged file is refused and changes nothing.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faelles-retning-backup-"));
const servers: ChildProcess[] = [];
const env = (database: string, port = 0): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_PATH: database,
  PORT: String(port),
  NODE_ENV: "production" as const,
  DEMO: "1",
  WEB_CONCURRENCY: "1",
  SESSION_SECRET: "backup-test-secret-backup-test-secret",
  LOG_LEVEL: "warn",
});

afterAll(async () => {
  for (const s of servers) if (s.exitCode === null) s.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  fs.rmSync(dir, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

async function startServer(database: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], {
    cwd: root,
    env: env(database, port),
    stdio: ["ignore", "pipe", "pipe"],
  });
  servers.push(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; ;) {
    if (child.exitCode !== null) throw new Error(output);
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(output);
    await new Promise((r) => setTimeout(r, 250));
  }
  const login = await fetch(`${base}/login`, {
    method: "POST",
    headers: { Origin: base },
    body: new URLSearchParams({ email: "sekretariat@demo.dk", password: "faelles-retning-demo" }),
    redirect: "manual",
  });
  const cookie = login.headers.get("set-cookie")!.split(";")[0];
  const figures = async () => {
    const res = await fetch(`${base}/api/v1/observationer?indikator=fp9-deltagelse&kommune=alle`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    return res.text();
  };
  const stop = async () => {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  };
  return { base, cookie, figures, stop };
}

const cli = (database: string, ...args: string[]) =>
  new Promise<{ status: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "db/cli.ts", ...args], { cwd: root, env: env(database) });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (status) => resolve({ status, output }));
  });

describe.skipIf(!inject("chromium"))("npm run db:backup and db:restore", () => {
  it("copy the database while the server serves, and a fresh directory restored from the copy serves the same figures", async () => {
    const live = path.join(dir, "drift", "db.sqlite");
    const server = await startServer(live);
    const before = await server.figures();
    const reportPage = await (await fetch(`${server.base}/kommuner/849/rapporter/2025K3`, { headers: { Cookie: server.cookie } })).text();

    // traffic, writes included (each login writes a session and an audit row), during the backup
    let serving = true;
    const traffic = (async () => {
      let n = 0;
      while (serving) {
        await Promise.all([
          server.figures(),
          fetch(`${server.base}/login`, {
            method: "POST",
            headers: { Origin: server.base },
            body: new URLSearchParams({ email: "skole.849@demo.dk", password: "faelles-retning-demo" }),
            redirect: "manual",
          }),
        ]);
        n++;
      }
      return n;
    })();
    const backupFile = path.join(dir, "kopier", "faelles-retning-1.sqlite");
    const backup = await cli(live, "backup", backupFile);
    serving = false;
    expect(await traffic).toBeGreaterThan(0);
    expect(backup.status, backup.output).toBe(0);
    expect(backup.output).toMatch(/Sikkerhedskopi/);
    await server.stop();

    // a damaged file is refused and nothing is written
    const fresh = path.join(dir, "ny-maskine", "db.sqlite");
    const damaged = path.join(dir, "beskadiget.sqlite");
    fs.writeFileSync(damaged, Buffer.concat([fs.readFileSync(backupFile).subarray(0, 8192), Buffer.alloc(8192, 7)]));
    const refused = await cli(fresh, "restore", damaged);
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(/Afvist/);
    expect(fs.existsSync(fresh)).toBe(false);
    const notOurs = path.join(dir, "fremmed.sqlite");
    spawnSync(
      process.execPath,
      ["-e", `const D=require("better-sqlite3");const d=new D(${JSON.stringify(notOurs)});d.exec("create table t(x)");d.close()`],
      { cwd: root },
    );
    expect((await cli(fresh, "restore", notOurs)).output).toMatch(/ikke en database fra Fælles retning/);

    const restored = await cli(fresh, "restore", backupFile);
    expect(restored.status, restored.output).toBe(0);
    const again = await startServer(fresh);
    expect(await again.figures()).toBe(before);
    const reportAgain = await (await fetch(`${again.base}/kommuner/849/rapporter/2025K3`, { headers: { Cookie: again.cookie } })).text();
    // the report as the page shows it (the session's own csrf token differs, and is left out)
    const strip = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>")).replace(/name="csrf" value="[^"]*"/g, "");
    expect(strip(reportPage)).toMatch(/2025K3/);
    expect(strip(reportAgain)).toBe(strip(reportPage));
    await again.stop();
  }, 300_000);
});
