/**
 * The server's chart markup cache (ADR 33): recharts takes a few milliseconds per chart to lay out,
 * while a page's charts change only when its data do. Keyed by what the chart draws; bounded, the
 * oldest entry leaves first.
 */
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

const LIMIT = 500;
const cache = new Map<string, string>();

export function renderStaticChart(key: string, chart: () => ReactElement): string {
  const hit = cache.get(key);
  if (hit !== undefined) {
    // most recently used last
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const html = renderToStaticMarkup(chart());
  cache.set(key, html);
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
  return html;
}
