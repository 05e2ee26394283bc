/**
 * `npm run bench [-- --scales 1,10,100 --requests 80 --seconds 2 --import-rows 100000,1000000 --dump-sql DIR --data DIR]`
 *
 * Measures the built app against the budgets in the README (ADR 28): for each scale it makes the
 * demo data into a temporary SQLite file (1×: the seed; larger: copies of it, see `replicate`
 * and ADR 35), starts the real server on it
 * (`server/start.ts`, production build, demo accounts), and times each main page and the API
 * over HTTP one request at a time, alternating with the floor: an authenticated page that
 * renders the layout and no data. A page's budget is its median and p95 as a ratio to the
 * floor's in the same alternation, so a busy machine slows both alike. It also measures each
 * page at 10 concurrent connections (autocannon) and replays the exact SQL the page ran,
 * captured through better-sqlite3's trace, on the same file (page/SQL, for information). It then
 * times the import, sizes each page's JavaScript from the build manifest, prints the budgets and
 * writes everything to bench/results/<time>.json.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import Database from "better-sqlite3";
import autocannon from "autocannon";
import { openDatabase } from "../db/connection";
import { createApiToken } from "../app/data/users.server";
import { createApp } from "../server/app";
import { describeImport, mb, measureImport, writeImportFile, type ImportResult } from "./import";

const root = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    scales: { type: "string", default: "1,10,100" },
    requests: { type: "string", default: "80" }, // pairs of floor and page; of 30, the p95 was the second slowest: one GC pause moved it
    seconds: { type: "string", default: "2" },
    "import-rows": { type: "string", default: "100000,1000000" },
    /** Writes each page's captured SQL to DIR/<scale>x-<page>.sql, to study with EXPLAIN QUERY PLAN. */
    "dump-sql": { type: "string" },
    /** Keeps each scale's generated database as DIR/<scale>x.sqlite and starts from a copy of it next time. */
    data: { type: "string" },
  },
});
const SCALES = args.scales.split(",").filter(Boolean).map(Number); // --scales "" measures only the import and the JavaScript
const REQUESTS = Number(args.requests);
// this run's own copy of the 1× database for the import: another run on the machine has its own
const TEMPLATE = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "faelles-retning-bench-")), "1x.sqlite");
const CPU_REQUESTS = 60;
/** Requests of each page right after a change to the database, when nothing read is kept (ADR 35). */
const COLD_REQUESTS = 30;
const SECONDS = Number(args.seconds);
const IMPORT_ROWS = args["import-rows"] ? args["import-rows"].split(",").map(Number) : [];
const PASSWORD = "bench-adgangskode-1234";
process.env.SESSION_SECRET ??= "bench-secret-bench-secret-bench-secret";

/** The floor: an authenticated page with the layout and no data of its own. */
const FLOOR = { url: "/om-data" };

/**
 * The pages the budgets are about; `route` finds their JavaScript in the build manifest, `limit`
 * is the budget for the median as a ratio to the floor's (null: the API, budgeted in req/s).
 */
const PAGES = [
  { key: "overview", label: "Overblik", url: "/kommuner/849", route: "routes/kommuner.$kode._index", charts: true, limit: 2 },
  {
    key: "indicator",
    label: "Indikatorside",
    url: "/kommuner/849/indikatorer/fp9-deltagelse",
    route: "routes/kommuner.$kode.indikatorer.$indikator",
    charts: true,
    limit: 2,
  },
  { key: "targets", label: "Fælles mål", url: "/kommuner/849/maal", route: "routes/kommuner.$kode.maal._index", charts: false, limit: 2 },
  {
    key: "comparison",
    label: "Sammenligning",
    url: "/sammenlign?indikator=fp9-deltagelse&maalgruppe=anbragte&periode=2023/24&kommune=849",
    route: "routes/sammenlign._index",
    charts: true,
    limit: 3,
  },
  {
    key: "report",
    label: "Udgivet rapport",
    url: "/kommuner/849/rapporter/2025K3",
    route: "routes/kommuner.$kode.rapporter.$kvartal",
    charts: true,
    limit: 2,
  },
  { key: "challenges", label: "Udfordringer", url: "/udfordringer", route: "routes/udfordringer", charts: true, limit: 2 },
  {
    key: "investments",
    label: "Investeringer",
    url: "/kommuner/849/investeringer",
    route: "routes/kommuner.$kode.investeringer._index",
    charts: false,
    limit: 2,
  },
  {
    key: "investment",
    label: "Investeringscase",
    url: "/kommuner/849/investeringer/1",
    route: "routes/kommuner.$kode.investeringer.$id",
    charts: true,
    limit: 2,
  },
  {
    key: "partnership",
    label: "Partnerskabsmål",
    url: "/partnerskabsmaal",
    route: "routes/partnerskabsmaal._index",
    charts: false,
    limit: 2,
  },
  {
    key: "api",
    label: "API (849, fp9)",
    url: "/api/v1/observationer?indikator=fp9-deltagelse&kommune=849",
    route: null,
    charts: false,
    limit: null,
  },
] as const;
type PageKey = (typeof PAGES)[number]["key"];

type Timing = { median: number; p95: number };
type PageResult = {
  page: PageKey;
  url: string;
  bytes: number;
  http: Timing;
  /** The floor's timings in the same alternation. */
  floor: Timing;
  /** Median ÷ the floor's median, p95 ÷ the floor's p95. */
  ratio: Timing;
  /** Server CPU per request of the page ÷ the floor's, from /proc (null where there is none): what load on the machine does not move. */
  cpuRatio: number | null;
  /** For information: the median right after a change to the database (nothing kept, ADR 35), and that over the floor's median. */
  cold: { median: number; ratio: number };
  rps: number;
  sql: Timing & { statements: number };
  /** A reading visit's median (right after a change) ÷ SQL median, for information. */
  sqlRatio: number;
};
type ScaleResult = {
  scale: number;
  observations: number;
  dbBytes: number;
  generateMs: number;
  /** The load's disclosure recomputation and interval audit; null when the database was reused (--data). */
  disclosure: { ms: number; auditMs: number } | null;
  floorBytes: number;
  pages: PageResult[];
};

const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const timing = (xs: number[]): Timing => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), p95: quantile(s, 0.95) };
};
const ms = (x: number) => x.toFixed(1).padStart(7);

/**
 * CPU seconds used so far by the server's processes (the primary and its workers, all their
 * threads), from the scheduler's nanosecond count in /proc/<pid>/task/<tid>/schedstat; null off Linux.
 * (utime in /proc/<pid>/stat is sampled at each 10 ms tick, too coarse for a few hundred requests on a busy machine.)
 */
function serverCpu(pid: number): number | null {
  const read = (p: number): number => {
    let ns = 0;
    for (const tid of fs.readdirSync(`/proc/${p}/task`)) {
      try {
        ns += Number(fs.readFileSync(`/proc/${p}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
      } catch {
        // the thread ended between the listing and the read
      }
    }
    const children = fs.existsSync(`/proc/${p}/task/${p}/children`)
      ? fs.readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number)
      : [];
    return ns / 1e9 + children.reduce((sum, c) => sum + read(c), 0);
  };
  try {
    return read(pid);
  } catch {
    return null;
  }
}

async function freePort(): Promise<number> {
  const srv = net.createServer().listen(0);
  await new Promise((r) => srv.once("listening", r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

/** Per scale: the load's disclosure recomputation and its interval audit (ADR 0029), as the seed reports them. */
const disclosureOf = new Map<number, { ms: number; auditMs: number }>();

function generate(dbFile: string, scale: number): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", "seeds/cli.ts", "--scale", String(scale), "--database", dbFile], {
    cwd: root,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`seed --scale ${scale} failed:\n${r.stdout}\n${r.stderr}`);
  const d = /Diskretionering: (\d+) ms, heraf intervalrevision (\d+) ms/.exec(r.stdout);
  if (d) disclosureOf.set(scale, { ms: Number(d[1]), auditMs: Number(d[2]) });
  return performance.now() - t0;
}

/** The real server, as `npm start` runs it, in its own process so the load generator does not share its CPU time. */
async function startServer(dbFile: string): Promise<{ proc: ChildProcess; base: string }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: dbFile, PORT: String(port), NODE_ENV: "production", DEMO: "1", DEMO_PASSWORD: PASSWORD },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    // a busy machine can take minutes to open 100×; a server that never answers is stopped, not left running
    const timer = setTimeout(() => {
      proc.kill("SIGTERM");
      reject(new Error(`server did not start:\n${output}`));
    }, 300_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("kører på")) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout!.on("data", onData);
    proc.stderr!.on("data", onData);
    proc.once("exit", (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  return { proc, base: `http://127.0.0.1:${port}` };
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email: "sekretariat@demo.dk", password: PASSWORD }),
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (res.status !== 302 || !cookie) throw new Error(`login failed: ${res.status}`);
  return cookie;
}

function apiToken(dbFile: string): string {
  const db = openDatabase(dbFile);
  const user = db.$client
    .prepare("select id, email, name, role, municipality_code as municipalityCode from users where email = 'sekretariat@demo.dk'")
    .get() as {
    id: number;
    email: string;
    name: string;
    role: "sekretariat";
    municipalityCode: null;
  };
  const token = createApiToken(db, { ...user, via: "session", csrfToken: null }, "benchmark");
  db.$client.close();
  return token;
}

async function get(base: string, url: string, headers: Record<string, string>): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(`${base}${url}`, { headers });
  const body = await res.arrayBuffer();
  const elapsed = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  return { ms: elapsed, bytes: body.byteLength };
}

async function requestsPerSecond(base: string, url: string, headers: Record<string, string>): Promise<number> {
  const result = await autocannon({ url: `${base}${url}`, connections: 10, duration: SECONDS, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors at 10 connections`);
  return result.requests.average;
}

const CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

/** Runs the captured statements as they are, on their own connection; writes are rolled back. */
function replay(dbFile: string, statements: string[]): Timing {
  const db = new Database(dbFile, { timeout: 30_000 }); // autocannon's last requests may still be writing
  const times: number[] = [];
  for (let i = 0; i <= REQUESTS; i++) {
    const t0 = performance.now();
    db.exec("begin");
    for (const sql of statements) {
      const st = db.prepare(sql);
      if (st.reader) st.all();
      else st.run();
    }
    db.exec("rollback");
    if (i > 0) times.push(performance.now() - t0);
  }
  db.close();
  return timing(times);
}

/** This run's 1× demo data as the seed wrote them, the source of every larger scale's copies. */
const GENERATED_1X = path.join(path.dirname(TEMPLATE), "1x-generated.sqlite");

/**
 * The database at `scale` > 1 (ADR 35): the 1× demo data and `scale` − 1 copies of every
 * observation and every regional and national sum, under the breakdowns the seed gives its scale
 * copies (`skala-k`, `skala-k/<site>`), each copy with the 1× pattern of withheld cells. The seed
 * (`--scale N`) draws each copy from its own stream and protects it with the interval audit, whose
 * time grows with the copies (ADR 29: 73 s of CPU at 10×); at 100× that alone passes the bench's
 * ten minutes. No page reads a copy: they make the tables and indexes the pages search N times
 * larger, which is what the scales measure.
 */
function replicate(dbFile: string, scale: number): number {
  const t0 = performance.now();
  if (!fs.existsSync(GENERATED_1X)) generate(GENERATED_1X, 1);
  fs.copyFileSync(GENERATED_1X, dbFile);
  const db = new Database(dbFile);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF"); // a benchmark file: a crash means generating it again
  const copies = `with recursive copy(k) as (select 2 union all select k + 1 from copy where k < ${scale})`;
  const label = "case when t.breakdown = '' then 'skala-' || copy.k else 'skala-' || copy.k || '/' || t.breakdown end";
  const indexes = db
    .prepare("select sql from sqlite_master where type = 'index' and tbl_name in ('observations', 'figure_aggregates') and sql is not null")
    .all() as { sql: string }[];
  db.transaction(() => {
    for (const i of indexes) db.exec(`drop index ${/create (?:unique )?index (\S+)/i.exec(i.sql)![1]}`);
    db.exec(
      `insert into observations (indicator_code, municipality_code, period, period_key, target_group, breakdown, numerator, denominator, value, withheld)
       ${copies} select t.indicator_code, t.municipality_code, t.period, t.period_key, t.target_group, ${label}, t.numerator, t.denominator, t.value, t.withheld
       from copy, observations t where t.breakdown not like 'skala-%' order by copy.k, t.id`,
    );
    db.exec(
      `insert into figure_aggregates (indicator_code, scope, scope_code, period, period_key, target_group, breakdown, numerator, denominator, value)
       ${copies} select t.indicator_code, t.scope, t.scope_code, t.period, t.period_key, t.target_group, ${label}, t.numerator, t.denominator, t.value
       from copy, figure_aggregates t where t.breakdown not like 'skala-%'`,
    );
    for (const i of indexes) db.exec(i.sql);
  })();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return performance.now() - t0;
}

/** A fresh database at `scale`: made, or copied from the one `--data` kept. */
function database(dbFile: string, scale: number): number {
  const kept = args.data && path.join(args.data, `${scale}x.sqlite`);
  if (kept && fs.existsSync(kept)) {
    fs.copyFileSync(kept, dbFile);
    if (scale === 1) fs.copyFileSync(kept, GENERATED_1X);
    return 0;
  }
  let ms: number;
  if (scale === 1) {
    ms = generate(dbFile, 1);
    fs.copyFileSync(dbFile, GENERATED_1X);
  } else ms = replicate(dbFile, scale);
  if (kept) {
    fs.mkdirSync(args.data!, { recursive: true });
    fs.copyFileSync(dbFile, kept);
  }
  return ms;
}

async function benchScale(scale: number): Promise<ScaleResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `faelles-retning-bench-${scale}x-`));
  const dbFile = path.join(dir, "bench.sqlite");
  process.stdout.write(`\n== ${scale}× demodata: genererer … `);
  const generateMs = database(dbFile, scale);
  const { proc, base } = await startServer(dbFile);
  const counter = new Database(dbFile, { readonly: true });
  const observations = (counter.prepare("select count(*) as n from observations").get() as { n: number }).n;
  counter.close();
  const disclosure = disclosureOf.get(scale);
  console.log(
    `${observations.toLocaleString("da-DK")} observationer på ${(generateMs / 1000).toFixed(1)} s` +
      (disclosure
        ? ` (diskretionering ${(disclosure.ms / 1000).toFixed(1)} s, heraf intervalrevision ${(disclosure.auditMs / 1000).toFixed(1)} s)`
        : ""),
  );

  const cookie = await login(base);
  const token = apiToken(dbFile);
  const headersOf = (p: (typeof PAGES)[number]): Record<string, string> =>
    p.key === "api" ? { Authorization: `Bearer ${token}` } : { Cookie: cookie };

  // a second, in-process app on the same file only to capture each page's SQL
  let recording: string[] | null = null;
  const traced = openDatabase(dbFile, { trace: (sql) => recording?.push(sql) });
  const tracer = (await createApp(traced, { dev: false })).listen(0);
  const tracerBase = `http://127.0.0.1:${(tracer.address() as AddressInfo).port}`;

  const toucher = new Database(dbFile, { timeout: 30_000 });
  // What an import leaves behind: a new load time. A real change, as SQLite leaves data_version as
  // it was for an update that changes nothing; and the comparison groups follow the load time.
  const touchRow = toucher.prepare("update app_meta set value = ? where key = 'data_loaded_at'");
  let touches = 0; // a distinct time each touch, even within the same millisecond
  const touch = {
    run: () => {
      if (touchRow.run(new Date(Date.now() + ++touches).toISOString()).changes !== 1)
        throw new Error("app_meta has no data_loaded_at to change");
    },
  };
  const pages: PageResult[] = [];
  let floorBytes = 0;
  try {
    const floorHeaders = { Cookie: cookie };
    for (let i = 0; i < 3; i++) floorBytes = (await get(base, FLOOR.url, floorHeaders)).bytes;
    for (const p of PAGES) {
      const headers = headersOf(p);
      for (let i = 0; i < 3; i++) await get(base, p.url, headers); // first requests: modules, statement caches, comparison groups
      // the load run first, so the one-at-a-time timings below are of a warmed-up (JIT-compiled) server
      const rps = await requestsPerSecond(base, p.url, headers);
      const times: number[] = [];
      const floorTimes: number[] = [];
      let bytes = 0;
      // the floor and the page in turn: whatever else the machine does slows both alike
      for (let i = 0; i < REQUESTS; i++) {
        floorTimes.push((await get(base, FLOOR.url, floorHeaders)).ms);
        const r = await get(base, p.url, headers);
        times.push(r.ms);
        bytes = r.bytes;
      }
      await get(tracerBase, p.url, headers);
      touch.run(); // the statements of a visit that reads, not one served from what was kept (ADR 35)
      recording = [];
      await get(tracerBase, p.url, headers);
      const statements = recording.filter((s) => !CONTROL.test(s));
      recording = null;
      if (args["dump-sql"]) {
        fs.mkdirSync(args["dump-sql"], { recursive: true });
        fs.writeFileSync(path.join(args["dump-sql"], `${scale}x-${p.key}.sql`), statements.map((s) => `${s};\n`).join(""));
      }
      // server CPU per request, the floor's and the page's, each over its own run of requests
      const cpuOf = async (url: string, h: Record<string, string>) => {
        const before = serverCpu(proc.pid!);
        for (let i = 0; i < CPU_REQUESTS; i++) await get(base, url, h);
        const after = serverCpu(proc.pid!);
        return before === null || after === null ? null : (after - before) / CPU_REQUESTS;
      };
      const floorCpu = await cpuOf(FLOOR.url, floorHeaders);
      const pageCpu = await cpuOf(p.url, headers);
      // the first visit after an import or an edit: a write by another connection, as the import
      // command's would be, and the server reads everything again
      const coldTimes: number[] = [];
      for (let i = 0; i < COLD_REQUESTS; i++) {
        touch.run();
        coldTimes.push((await get(base, p.url, headers)).ms);
      }
      const http = timing(times);
      const floor = timing(floorTimes);
      const sql = { ...replay(dbFile, statements), statements: statements.length };
      pages.push({
        page: p.key,
        url: p.url,
        bytes,
        http,
        floor,
        ratio: { median: http.median / floor.median, p95: http.p95 / floor.p95 },
        cpuRatio: floorCpu && pageCpu !== null ? pageCpu / floorCpu : null,
        cold: { median: timing(coldTimes).median, ratio: timing(coldTimes).median / floor.median },
        rps,
        sql,
        // the SQL is a reading visit's (captured after a change), so it is set against that visit's time
        sqlRatio: timing(coldTimes).median / sql.median,
      });
    }
  } finally {
    toucher.close();
    tracer.close();
    traced.$client.close();
    proc.kill("SIGTERM");
    await new Promise((r) => proc.once("exit", r));
  }
  const dbBytes = fs.statSync(dbFile).size;
  const result: ScaleResult = { scale, observations, dbBytes, generateMs, disclosure: disclosure ?? null, floorBytes, pages };
  printScale(result);
  if (scale === 1) fs.copyFileSync(dbFile, TEMPLATE);
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}

function printScale(r: ScaleResult) {
  const floors = timing(r.pages.map((p) => p.floor.median));
  console.log(
    `   database ${mb(r.dbBytes)}; tider i ms over HTTP, ${REQUESTS} forespørgsler efter hinanden skiftevis med gulvet (${FLOOR.url}, ${(r.floorBytes / 1024).toFixed(0)} KB, median ${floors.median.toFixed(1)} ms);`,
  );
  console.log(
    `   ×gulv = sidens median og p95 delt med gulvets i samme veksling; CPU× = serverens CPU-tid pr. forespørgsel delt med gulvets (til orientering:`,
  );
  console.log(
    `   flyttes ikke af andet arbejde på maskinen); kold× = sidens median lige efter en ændring i databasen, hvor intet er gemt (ADR 35),`,
  );
  console.log(`   delt med gulvets (til orientering); SQL = sidens egne forespørgsler, når den læser, kørt direkte (til orientering)`);
  console.log(
    `   ${"side".padEnd(16)} ${"median".padStart(7)} ${"p95".padStart(7)} ${"gulv".padStart(6)} ${"×gulv".padStart(6)} ${"p95×".padStart(5)} ${"CPU×".padStart(5)} ${"kold×".padStart(5)} ${"req/s@10".padStart(8)} ${"SQL med".padStart(7)} ${"stmts".padStart(5)} ${"side/SQL".padStart(8)} ${"KB".padStart(5)}`,
  );
  for (const p of r.pages) {
    const label = PAGES.find((x) => x.key === p.page)!.label;
    console.log(
      `   ${label.padEnd(16)} ${ms(p.http.median)} ${ms(p.http.p95)} ${p.floor.median.toFixed(1).padStart(6)} ${p.ratio.median.toFixed(2).padStart(6)} ${p.ratio.p95
        .toFixed(2)
        .padStart(
          5,
        )} ${(p.cpuRatio === null ? "–" : p.cpuRatio.toFixed(2)).padStart(5)} ${p.cold.ratio.toFixed(2).padStart(5)} ${Math.round(p.rps).toString().padStart(8)} ${ms(p.sql.median)} ${String(p.sql.statements).padStart(5)} ${p.sqlRatio.toFixed(1).padStart(8)} ${(
        p.bytes / 1024
      )
        .toFixed(0)
        .padStart(5)}`,
    );
  }
}

type JsSize = { page: PageKey; charts: boolean; initialBytes: number; totalBytes: number; files: number };

/**
 * JavaScript per page, gzip as the server sends it: the entry, root and route modules with their
 * imports from Remix's manifest (what loads at once), plus chunks they import lazily (charts).
 */
function javascriptPerPage(): JsSize[] {
  const assets = path.join(root, "build/client/assets");
  const manifestFile = fs.readdirSync(assets).find((f) => /^manifest-.*\.js$/.test(f));
  if (!manifestFile) throw new Error("no Remix manifest in build/client/assets: run npm run build");
  const manifest = JSON.parse(
    fs
      .readFileSync(path.join(assets, manifestFile), "utf8")
      .replace(/^window\.__remixManifest=/, "")
      .replace(/;\s*$/, ""),
  ) as {
    entry: { module: string; imports: string[] };
    routes: Record<string, { module: string; imports?: string[] }>;
  };
  const gz = new Map<string, number>();
  const size = (url: string) => {
    if (!gz.has(url)) gz.set(url, zlib.gzipSync(fs.readFileSync(path.join(root, "build/client", url))).length);
    return gz.get(url)!;
  };
  // Lazy chunks count, except two the measured pages never load: the English strings (app/i18n/en.ts,
  // for an English page; the pages are measured in Danish) and a draft report's publishing form.
  const notLoaded = /^\/assets\/(en|PublishPanel)-[\w-]+\.js$/;
  const lazyImports = (url: string) =>
    [...fs.readFileSync(path.join(root, "build/client", url), "utf8").matchAll(/import\(\s*["']\.\/([\w.-]+\.js)["']\s*\)/g)]
      .map((m) => `/assets/${m[1]}`)
      .filter((u) => !notLoaded.test(u));
  const staticImports = (url: string) =>
    [...fs.readFileSync(path.join(root, "build/client", url), "utf8").matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)].map(
      (m) => `/assets/${m[1]}`,
    );
  const out: JsSize[] = [];
  for (const p of PAGES) {
    if (!p.route) continue;
    const route = manifest.routes[p.route];
    if (!route) throw new Error(`route ${p.route} is not in the manifest`);
    const initial = new Set([
      manifest.entry.module,
      ...manifest.entry.imports,
      manifest.routes.root.module,
      ...(manifest.routes.root.imports ?? []),
      route.module,
      ...(route.imports ?? []),
    ]);
    const all = new Set(initial);
    const queue = [...initial];
    while (queue.length) {
      const url = queue.pop()!;
      for (const next of [...lazyImports(url), ...staticImports(url)]) {
        if (!all.has(next)) {
          all.add(next);
          queue.push(next);
        }
      }
    }
    const sum = (urls: Set<string>) => [...urls].reduce((s, u) => s + size(u), 0);
    out.push({ page: p.key, charts: p.charts, initialBytes: sum(initial), totalBytes: sum(all), files: all.size });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

const started = performance.now();
console.log(`Fælles retning benchmark: ${os.cpus().length} kerner, Node ${process.version}, skalaer ${SCALES.join(", ")}`);
const scales: ScaleResult[] = [];
for (const scale of SCALES) scales.push(await benchScale(scale));

const imports: ImportResult[] = [];
if (IMPORT_ROWS.length) {
  console.log("\n== Indlæsning (CSV, nye observationer, oven på demodata 1×)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faelles-retning-bench-import-"));
  let template = TEMPLATE;
  if (!fs.existsSync(template)) {
    template = path.join(dir, "template.sqlite");
    generate(template, 1);
  }
  const db = new Database(template, { readonly: true });
  const codes = (db.prepare("select code from municipalities order by code").all() as { code: string }[]).map((r) => r.code);
  db.close();
  for (const rows of IMPORT_ROWS) {
    const r = measureImport(template, await writeImportFile(dir, codes, rows, "csv"), "csv");
    console.log(`   ${describeImport(r)}`);
    imports.push(r);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
fs.rmSync(path.dirname(TEMPLATE), { recursive: true, force: true });

const javascript = javascriptPerPage();
console.log("\n== JavaScript pr. side (gzip, fra build-manifestet)");
for (const j of javascript) {
  const label = PAGES.find((x) => x.key === j.page)!.label;
  console.log(
    `   ${label.padEnd(18)} ${(j.initialBytes / 1024).toFixed(1).padStart(6)} KB ved indlæsning, ${(j.totalBytes / 1024).toFixed(1).padStart(6)} KB i alt med grafer (${j.files} filer)`,
  );
}

// ---------------------------------------------------------------------------------------------
// Budgets (ADR 28): pages as ratios to the floor, the same at every scale; the API in req/s,
// three times lower at larger scales; the import speed is a goal, printed but not counted.

type Check = { budget: string; scale: number | null; value: string; holds: boolean; goal?: boolean };
const checks: Check[] = [];
for (const s of scales) {
  for (const p of s.pages) {
    const page = PAGES.find((x) => x.key === p.page)!;
    if (page.limit === null) {
      const factor = s.scale === 1 ? 1 : 3;
      checks.push({
        budget: `API ≥ ${Math.round(500 / factor)} req/s ved 10 forbindelser`,
        scale: s.scale,
        value: `${Math.round(p.rps)} req/s`,
        holds: p.rps >= 500 / factor,
      });
      continue;
    }
    checks.push({
      budget: `${p.page}: median ≤ ${page.limit} × gulvet`,
      scale: s.scale,
      value: `${p.ratio.median.toFixed(2)} ×`,
      holds: p.ratio.median <= page.limit,
    });
    checks.push({
      budget: `${p.page}: p95 ≤ 3 × gulvets p95`,
      scale: s.scale,
      value: `${p.ratio.p95.toFixed(2)} ×`,
      holds: p.ratio.p95 <= 3,
    });
  }
}
for (const j of javascript) {
  // issue 24: a page that draws charts with recharts may load it (ADR 33); a page without stays light
  const limit = j.charts ? 250 : 120;
  checks.push({
    budget: `${j.page}: JavaScript ≤ ${limit} KB gzip`,
    scale: null,
    value: `${(j.totalBytes / 1024).toFixed(1)} KB`,
    holds: j.totalBytes / 1024 <= limit,
  });
}
const first = imports.find((r) => r.rows === 100_000);
if (first)
  checks.push({
    budget: "Indlæsning ≥ 50.000 rækker/s (100.000 rækker)",
    scale: null,
    value: `${Math.round(first.rowsPerSecond)} rækker/s`,
    holds: first.rowsPerSecond >= 50_000,
    goal: true,
  });
const biggest = imports.at(-1);
if (first && biggest && biggest !== first) {
  const growth = biggest.peakRssBytes - first.peakRssBytes;
  checks.push({
    budget: `RSS vokser < 50 MB fra ${first.rows} til ${biggest.rows} rækker`,
    scale: null,
    value: mb(growth),
    holds: growth < 50 * 1024 * 1024,
  });
}

console.log("\n== Budgetter");
const mark = (c: Check) => (c.holds ? "✓ holder " : c.goal ? "– mål    " : "✗ brudt  ");
for (const c of checks)
  console.log(`   ${mark(c)} ${c.budget.padEnd(48)} ${c.scale === null ? "" : `${c.scale}×`.padStart(5)}  ${c.value}`);
const elapsed = (performance.now() - started) / 1000;
const budgets = checks.filter((c) => !c.goal);
const goals = checks.filter((c) => c.goal);
console.log(
  `\n${budgets.filter((c) => c.holds).length} af ${budgets.length} budgetter holder${goals.length ? `; mål nået: ${goals.filter((c) => c.holds).length} af ${goals.length}` : ""}. Kørt på ${elapsed.toFixed(0)} s.`,
);

const resultsDir = path.join(root, "bench/results");
fs.mkdirSync(resultsDir, { recursive: true });
const out = path.join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim() || null;
fs.writeFileSync(
  out,
  JSON.stringify(
    {
      at: new Date().toISOString(),
      commit,
      cpus: os.cpus().length,
      node: process.version,
      requests: REQUESTS,
      seconds: SECONDS,
      scales,
      imports,
      javascript,
      checks,
      elapsedSeconds: elapsed,
    },
    null,
    2,
  ),
);
console.log(`Resultater: ${path.relative(process.cwd(), out)}`);
// a missed budget fails the run; a missed goal does not
if (budgets.some((c) => !c.holds)) process.exitCode = 1;
