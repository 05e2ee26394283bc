import path from "node:path";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [remix(remixConfig), tsconfigPaths()],
  resolve: {
    // DKFDS's SCSS and fonts are compiled from the package; its icons and fonts resolve here
    alias: [
      { find: "@dkfds", replacement: path.resolve("node_modules/dkfds/dist") },
      // recharts imports lodash's CommonJS modules one by one; their ES module twins bundle smaller (ADR 33)
      { find: /^lodash\/(\w+)$/, replacement: "lodash-es/$1.js" },
    ],
  },
  css: {
    preprocessorOptions: {
      scss: {
        loadPaths: [path.resolve("node_modules/dkfds/dist/scss")],
        // DKFDS's own sources trigger Sass deprecation notices we cannot fix here
        quietDeps: true,
        silenceDeprecations: ["import", "global-builtin", "color-functions"],
      },
    },
  },
  build: { target: "es2022" },
  server: { port: 3000 },
});
