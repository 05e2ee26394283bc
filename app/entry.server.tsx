/**
 * Server rendering, as Remix's default Node entry, plus the per-request CSP nonce: the server
 * sets it in the Content-Security-Policy header, and here it goes on every script Remix writes.
 */
import { Transform, type TransformCallback } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { registerStrings } from "./i18n/i18n";
import { en } from "./i18n/en";
import { NonceProvider } from "./nonce";
import { StaticChartProvider } from "./components/StaticChart";
import { renderStaticChart } from "./components/static-chart.server";

registerStrings("en", en);

const ABORT_DELAY = 5_000;

/**
 * React writes the page in 2 KB pieces, and each piece then crosses a web stream, Remix, the
 * gzip stream and the socket. This joins them and passes them on when React says a batch is
 * done: React calls `flush()` after each batch, so streaming (the shell first, then what
 * suspended) works as before, with a few large writes instead of a hundred small ones.
 */
class Batches extends Transform {
  private parts: Buffer[] = [];
  private size = 0;
  _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.parts.push(chunk);
    this.size += chunk.length;
    if (this.size >= 64 * 1024) this.flush();
    done();
  }
  _flush(done: TransformCallback) {
    this.flush();
    done();
  }
  flush() {
    if (this.size === 0) return;
    this.push(this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.size));
    this.parts = [];
    this.size = 0;
  }
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  // bots and crawlers get the whole page at once; browsers get the shell first
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <StaticChartProvider value={renderStaticChart}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </StaticChartProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new Batches();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
