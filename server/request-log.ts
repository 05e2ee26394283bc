/**
 * One JSON line per request on stdout: time, level, method, status, duration and the Remix route
 * id that answered. Never the path's values or the query: a path or a query can hold a token, a
 * municipality's search or a person's e-mail address, so the route id stands for them.
 * LOG_LEVEL (debug, info, warn, error, silent; default info) sets what is written: requests are
 * info, answers 500 and over are error, static files are debug.
 */
import type { NextFunction, Request, Response } from "express";
import type { ServerBuild } from "@remix-run/node";

export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function logLevel(value = process.env.LOG_LEVEL): LogLevel {
  const v = (value ?? "info").toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(v) ? (v as LogLevel) : "info";
}

type Pattern = { id: string; regex: RegExp; score: number; leaf: boolean };

/** The route id a path is served by, from the build's route table (the same rules as Remix's: static segments before params before a splat). */
export function routeMatcher(routes: ServerBuild["routes"]): (pathname: string) => string | null {
  const all = Object.values(routes);
  const parents = new Set(all.map((r) => r.parentId).filter(Boolean));
  const fullPath = (id: string | undefined): string[] => {
    const r = id ? routes[id] : undefined;
    if (!r) return [];
    return [...fullPath(r.parentId), ...(r.path ? r.path.split("/").filter(Boolean) : [])];
  };
  const patterns: Pattern[] = all.map((r) => {
    const segments = fullPath(r.id);
    let score = 0;
    const parts = segments.map((s) => {
      if (s === "*") return "(?:/.*)?";
      if (s.startsWith(":")) return ((score += 2), "/[^/]+");
      score += 3;
      return `/${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
    });
    return { id: r.id, regex: new RegExp(`^${parts.join("")}/?$`), score, leaf: !parents.has(r.id) || Boolean(r.index) };
  });
  return (pathname) => {
    const path = pathname.replace(/\.data$/, "");
    let best: Pattern | null = null;
    for (const p of patterns) {
      if (!p.regex.test(path)) continue;
      if (!best || p.score > best.score || (p.score === best.score && p.leaf && !best.leaf)) best = p;
    }
    return best?.id ?? null;
  };
}

const rank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

export function requestLog(opts: { match: (pathname: string) => string | null; level?: LogLevel; write?: (line: string) => void }) {
  const threshold = rank[opts.level ?? logLevel()];
  const write = opts.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const staticFile = req.path.startsWith("/assets/") || /\.[a-z0-9]+$/i.test(req.path);
      const level: LogLevel = res.statusCode >= 500 ? "error" : staticFile ? "debug" : "info";
      if (rank[level] < threshold) return;
      const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      const route = staticFile ? "static" : opts.match(req.path);
      write(JSON.stringify({ time: new Date().toISOString(), level, method: req.method, status: res.statusCode, ms, route }));
    });
    next();
  };
}
