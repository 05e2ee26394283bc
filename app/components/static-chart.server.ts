/**
 * The server's chart markup cache (ADR 33): recharts takes a few milliseconds per chart to lay out,
 * while a page's charts change only when its data do. Keyed by what the chart draws; bounded
 * (lru-cache), the least recently used entry leaves first.
 */
import type { ReactElement } from "react";
import { LRUCache } from "lru-cache";
import { renderToStaticMarkup } from "react-dom/server";

const cache = new LRUCache<string, string>({ max: 500 });

export function renderStaticChart(key: string, chart: () => ReactElement): string {
  let html = cache.get(key);
  if (html === undefined) cache.set(key, (html = renderToStaticMarkup(chart())));
  return html;
}
