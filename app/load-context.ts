import type { Db } from "../db/connection";

declare module "@remix-run/node" {
  interface AppLoadContext {
    db: Db;
  }
}

export {};
