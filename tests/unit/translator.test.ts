/**
 * The product's own translator (app/i18n/i18n.ts) against i18next, which it replaced in the
 * bundle (ADR 33): over every key of both languages, with and without a count and parameters,
 * the two give the same text.
 */
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { da } from "~/i18n/da";
import { en } from "~/i18n/en";
import { getT, registerStrings } from "~/i18n/i18n";

function keys(table: object, prefix = ""): string[] {
  return Object.entries(table).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`.replace(/_(one|other|zero|two|few|many)$/, "")] : keys(v as object, `${prefix}${k}.`),
  );
}

describe("the translator", () => {
  registerStrings("en", en);
  for (const locale of ["da", "en"] as const) {
    it(`gives what i18next gave for every ${locale} key, with and without a count and parameters`, () => {
      const oracle = i18next.createInstance();
      void oracle.init({
        lng: locale,
        fallbackLng: "da",
        resources: { da: { translation: da }, en: { translation: en } },
        initAsync: false,
        interpolation: { escapeValue: false },
        showSupportNotice: false,
      } as Parameters<typeof oracle.init>[0]);
      const ours = getT(locale) as unknown as (key: string, options?: object) => string;
      const theirs = oracle.t.bind(oracle) as unknown as (key: string, options?: object) => string;
      const all = [...new Set(keys(locale === "da" ? da : en))];
      expect(all.length).toBeGreaterThan(800);
      let compared = 0;
      for (const key of all) {
        const text = JSON.stringify(theirs(key, { count: 2 }));
        const names = [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);
        const params = Object.fromEntries(names.map((n) => [n, n === "label" ? "value" : `<${n}>`]));
        for (const options of [
          undefined,
          { count: 1, ...params },
          { count: 0, ...params },
          { count: 7, ...params },
          { ...params, missing: null },
        ]) {
          expect(ours(key, options), `${locale} ${key} ${JSON.stringify(options)}`).toBe(theirs(key, options));
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(4000);
    });
  }

  it("shows an unknown key as itself and leaves a missing parameter as its placeholder", () => {
    const t = getT("da") as unknown as (key: string, options?: object) => string;
    expect(t("no.such.key")).toBe("no.such.key");
    expect(t("report.valueIn", { value: "48 %" })).toBe("48 % ({{period}})");
  });
});
