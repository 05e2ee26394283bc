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
import type { ServerBuild } from "@remix-run/node";
import type { Db } from "../db/connection";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A mutation must come from our own pages: its Origin (or Referer) must be this host. */
export function sameOriginOnly(req: Request, res: Response, next: NextFunction) {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  if (req.headers.authorization?.startsWith("Bearer ")) return next(); // API tokens are not sent by browsers on their own
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

/**
 * The read API (`/api/v1/*`) with its resource routes' loaders called directly. The routes stay
 * Remix routes (one guard, one place, in the access matrix); only Remix's request handler is
 * skipped, which matches every route twice per request and streams the body through web streams:
 * 0.5–1 ms of server CPU in a 3.3–3.9 ms API call (ADR 0015). Pages, and anything that is not a resource route
 * under /api/v1, go on to Remix.
 */
function apiRoutes(build: ServerBuild, db: Db) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const route = build.routes[`routes/api.v1.${req.params.name}`];
    const loader = route?.module.loader;
    if (!loader || route.module.default) return next();
    const controller = new AbortController();
    res.on("close", () => controller.abort());
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const host = req.get("X-Forwarded-Host") ?? req.get("host");
    const request = new globalThis.Request(`${req.protocol}://${host}${req.originalUrl}`, { headers, signal: controller.signal });
    let response: globalThis.Response;
    try {
      const result: unknown = await loader({ request, params: {}, context: loadContext(db, req, res) });
      response = result instanceof globalThis.Response ? result : globalThis.Response.json(result); // as Remix serves plain data
    } catch (e) {
      if (!(e instanceof globalThis.Response)) {
        console.error(e);
        res.status(500).json({ fejl: "Der skete en uventet fejl på serveren. Prøv igen om lidt." });
        return;
      }
      response = e; // the guard throws its 401 and 403 as responses
    }
    res.status(response.status);
    response.headers.forEach((value, name) => res.setHeader(name, value));
    res.send(Buffer.from(await response.arrayBuffer()));
  };
}

/** What every loader and action gets: the database, the CSP nonce and the client's address. */
function loadContext(db: Db, req: Request, res: Response) {
  return { db, cspNonce: res.locals.cspNonce as string, clientAddress: req.ip ?? req.socket.remoteAddress ?? "ukendt" };
}

export async function createApp(db: Db, opts: { dev?: boolean; buildDir?: string } = {}) {
  const app = express();
  app.disable("x-powered-by");
  // behind a reverse proxy, TRUST_PROXY (e.g. 1 or "loopback") lets req.ip be the client, so login throttling is per person
  if (process.env.TRUST_PROXY) app.set("trust proxy", /^\d+$/.test(process.env.TRUST_PROXY) ? Number(process.env.TRUST_PROXY) : process.env.TRUST_PROXY);
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
          "script-src": opts.dev ? ["'self'", "'unsafe-inline'"] : ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
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
  app.use(sameOriginOnly);

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (opts.dev) {
    const vite = await import("vite");
    const devServer = await vite.createServer({ root, server: { middlewareMode: true } });
    app.use(devServer.middlewares);
    build = () => devServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    const buildDir = opts.buildDir ?? path.join(root, "build");
    app.use("/assets", express.static(path.join(buildDir, "client", "assets"), { immutable: true, maxAge: "1y" }));
    const files = express.static(path.join(buildDir, "client"), { maxAge: "1h" });
    // only paths that name a file (favicon.svg); pages and the API skip the disk look-up
    app.use((req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) ? files(req, res, next) : next()));
    build = (await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href)) as ServerBuild;
  }

  if (typeof build !== "function") app.get("/api/v1/:name", apiRoutes(build, db));

  app.all(
    "*",
    createRequestHandler({
      build,
      getLoadContext: (req, res) => loadContext(db, req, res),
    }),
  );
  return app;
}
