/** Typed keys: a `t("…")` with a key da.ts does not have fails the type check. */
import "i18next";
import type { Strings } from "./da";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Strings };
  }
}
