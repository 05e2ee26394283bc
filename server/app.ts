/**
 * The HTTP server: Express with the Remix request handler. The database connection is opened
 * once and handed to loaders and actions through the load context.
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import compression from "compression";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import type { Db } from "../db/connection";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function createApp(db: Db, opts: { dev?: boolean; buildDir?: string } = {}) {
  const app = express();
  app.disable("x-powered-by");
  app.use(compression());

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (opts.dev) {
    const vite = await import("vite");
    const devServer = await vite.createServer({ root, server: { middlewareMode: true } });
    app.use(devServer.middlewares);
    build = () => devServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    const buildDir = opts.buildDir ?? path.join(root, "build");
    app.use("/assets", express.static(path.join(buildDir, "client", "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
    build = (await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href)) as ServerBuild;
  }

  app.all("*", createRequestHandler({ build, getLoadContext: () => ({ db }) }));
  return app;
}
