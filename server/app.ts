/**
 * The HTTP server: Express with the Remix request handler. The database connection is opened
 * once and handed to loaders and actions through the load context, with the CSP nonce and the
 * client's address.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import { createRequestHandler } from "@remix-run/express";
import { withRouteEdge } from "../app/http/edge.server";
import type { ServerBuild } from "@remix-run/node";
import type { Db } from "../db/connection";
import { importLimits } from "../app/data/import.server";
import { requestLog, routeMatcher, type LogLevel } from "./request-log";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * A mutation must come from our own pages: its Origin (or Referer) must be this host. An API
 * token is no exemption: the API only reads, and a token never posts a form (getActor).
 */
export function sameOriginOnly(req: Request, res: Response, next: NextFunction) {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  const source = req.headers.origin ?? req.headers.referer;
  const host = req.headers["x-forwarded-host"] ?? req.headers.host;
  let ok = false;
  try {
    ok = Boolean(source && host && new URL(source).host === host);
  } catch {
    ok = false;
  }
  if (ok) return next();
  res.status(403).type("text/plain; charset=utf-8").send("Afvist: forespørgslen kom ikke fra Fælles retnings egne sider.");
}

/** What every loader and action gets: the database, the CSP nonce, the client's address and this server's own address. */
function loadContext(db: Db, req: Request, res: Response) {
  return {
    db,
    cspNonce: res.locals.cspNonce as string,
    clientAddress: req.ip ?? req.socket.remoteAddress ?? "ukendt",
    // the report PDF is printed from this server itself, never from whatever Host the request named
    serverOrigin: `http://127.0.0.1:${req.socket.localPort}`,
  };
}

const FORM_MAX_BYTES = 256 * 1024;
/** Room for the multipart framing and the text fields around an import file. */
const UPLOAD_OVERHEAD_BYTES = 1024 * 1024;

/**
 * Every request body has a declared length under a limit, checked before a byte of it is read:
 * the import's own limit for an upload to /indlaes, 256 KB for any other form, so a large body
 * (before login too) costs nothing. A body without a length (chunked) gets 411: browsers always
 * send the length of a form or a file.
 */
function bodyLimit(req: Request, res: Response, next: NextFunction) {
  const declared = req.headers["content-length"];
  const chunked = req.headers["transfer-encoding"] !== undefined;
  if (!chunked && (declared === undefined || declared === "0")) return next();
  const refuse = (status: number, message: string) => {
    res.status(status).set("Connection", "close").type("text/plain; charset=utf-8").send(message);
    res.once("finish", () => req.socket.destroy());
  };
  if (chunked || declared === undefined) return refuse(411, "Afvist: forespørgslen skal angive sin længde (Content-Length).");
  const limit = req.path === "/indlaes" ? importLimits().maxBytes + UPLOAD_OVERHEAD_BYTES : FORM_MAX_BYTES;
  if (Number(declared) > limit) return refuse(413, `Afvist: forespørgslen er for stor (højst ${Math.round(limit / 1024)} KB).`);
  next();
}

/** Anything a server answer does not mark itself is private and never stored: every page and API answer needs a session. */
function noStoreByDefault(_req: Request, res: Response, next: NextFunction) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<typeof writeHead>) {
    if (!this.getHeader("Cache-Control")) this.setHeader("Cache-Control", "private, no-store");
    return writeHead.apply(this, args);
  } as typeof writeHead;
  next();
}

/** GET /healthz: 200 when the database answers, 503 when it does not. No session, no log line. */
function healthz(db: Db) {
  return (_req: Request, res: Response) => {
    res.setHeader("Cache-Control", "no-store");
    try {
      db.$client.prepare("select count(*) from regions").get();
      res.status(200).json({ status: "ok" });
    } catch {
      res.status(503).json({ status: "fejl" });
    }
  };
}

export async function createApp(
  db: Db,
  opts: { dev?: boolean; buildDir?: string; log?: (line: string) => void; logLevel?: LogLevel } = {},
) {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", healthz(db));
  let matchRoute: (pathname: string) => string | null = () => null;
  app.use(requestLog({ match: (p) => matchRoute(p), write: opts.log, level: opts.logLevel }));
  app.use(noStoreByDefault);
  // behind a reverse proxy, TRUST_PROXY (e.g. 1 or "loopback") lets req.ip be the client, so login throttling is per person
  if (process.env.TRUST_PROXY)
    app.set("trust proxy", /^\d+$/.test(process.env.TRUST_PROXY) ? Number(process.env.TRUST_PROXY) : process.env.TRUST_PROXY);
  app.use(compression());
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          "default-src": ["'self'"],
          // Remix's inline hydration scripts carry the nonce; nothing else runs inline
          "script-src": opts.dev
            ? ["'self'", "'unsafe-inline'"]
            : ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
          // charts and the chart area set style attributes
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:"],
          "font-src": ["'self'"],
          "connect-src": opts.dev ? ["'self'", "ws:"] : ["'self'"],
          "frame-ancestors": ["'none'"],
          "form-action": ["'self'"],
          "object-src": ["'none'"],
          "base-uri": ["'self'"],
          "upgrade-insecure-requests": null,
        },
      },
      // HSTS only makes sense behind HTTPS; the proxy in front sets it there
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: "same-origin" },
      frameguard: { action: "deny" },
    }),
  );
  app.use((_req, res, next) => {
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    next();
  });
  app.use(bodyLimit);
  app.use(sameOriginOnly);

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (opts.dev) {
    const vite = await import("vite");
    const devServer = await vite.createServer({ root, server: { middlewareMode: true } });
    app.use(devServer.middlewares);
    build = async () => withRouteEdge((await devServer.ssrLoadModule("virtual:remix/server-build")) as ServerBuild);
  } else {
    const buildDir = opts.buildDir ?? path.join(root, "build");
    app.use("/assets", express.static(path.join(buildDir, "client", "assets"), { immutable: true, maxAge: "1y" }));
    const files = express.static(path.join(buildDir, "client"), { maxAge: "1h" });
    // only paths that name a file (favicon.svg); pages and the API skip the disk look-up
    app.use((req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) ? files(req, res, next) : next()));
    build = withRouteEdge((await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href)) as ServerBuild);
  }

  if (typeof build !== "function") {
    matchRoute = routeMatcher(build.routes);
  }

  app.all(
    "*",
    createRequestHandler({
      build,
      getLoadContext: (req, res) => loadContext(db, req, res),
    }),
  );
  return app;
}
