import type { Db } from "../db/connection";

declare module "@remix-run/node" {
  interface AppLoadContext {
    db: Db;
    /** Per-request nonce for the Content-Security-Policy; Remix's inline scripts carry it. */
    cspNonce: string;
    /** The client's address as Express sees it (req.ip), for login throttling. */
    clientAddress: string;
    /** This server's own address (http://127.0.0.1:PORT), for the report PDF printed from it; absent in loader tests. */
    serverOrigin?: string;
  }
}

export {};
