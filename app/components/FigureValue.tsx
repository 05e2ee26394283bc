import { useRouteLoaderData } from "@remix-run/react";
import { MISSING_MARK, WITHHELD_MARK } from "~/domain/format";
import type { Unit } from "~/domain/catalogue";
import type { Figure } from "~/domain/figures";
import { useT, useFormat } from "~/i18n/react";

/** `why`: the stored reason, when the page has it; without it the label says only that the figure is hidden. */
type Shown = { value: number | null; withheld: boolean | Figure["withheld"]; why?: Figure["withheld"] };

/** The label of a withheld figure: honest about why (ADR 0029). */
export function useWithheldLabel(): (why: Figure["withheld"] | boolean | undefined) => string {
  const t = useT();
  const k = useDisclosureK();
  return (why) =>
    why === "primary"
      ? t("marks.withheld", { k })
      : why === "secondary"
        ? t("disclosure.withheldSecondary")
        : why === "attribute"
          ? t("disclosure.withheldAttribute")
          : t("disclosure.withheldAny");
}

/** The disclosure threshold, from the root loader, for the explanations of `..`. */
export function useDisclosureK(): number {
  return useRouteLoaderData<{ disclosureK: number }>("root")?.disclosureK ?? 5;
}

/** A figure as text: the value, `..` (withheld, with its reason on hover and for screen readers) or `–`. */
export function FigureValue({ figure, unit, precise = false }: { figure: Shown | null | undefined; unit: Unit; precise?: boolean }) {
  const f = useFormat();
  const t = useT();
  const label = useWithheldLabel();
  if (figure?.withheld) {
    const why = label(figure.why ?? figure.withheld);
    return (
      <abbr className="withheld" title={why}>
        <span aria-hidden="true">{WITHHELD_MARK}</span>
        <span className="visually-hidden">{why}</span>
      </abbr>
    );
  }
  if (!figure || figure.value === null) {
    return (
      <span title={t("marks.missingShort")}>
        <span aria-hidden="true">{MISSING_MARK}</span>
        <span className="visually-hidden">{t("marks.missingShort")}</span>
      </span>
    );
  }
  return <>{precise ? f.valuePrecise(figure.value, unit) : f.value(figure.value, unit)}</>;
}

/** The footnote that explains the marks, under every table and on every page with figures. */
export function MarksLegend() {
  const t = useT();
  const k = useDisclosureK();
  return (
    <p className="marks-legend">
      <span>
        <strong>{WITHHELD_MARK}</strong> {t("disclosure.legendIntro")} {t("disclosure.legendPrimary", { k })};{" "}
        {t("disclosure.legendSecondary")}; {t("disclosure.legendAttribute")}.
      </span>{" "}
      <span>
        <strong>{MISSING_MARK}</strong> {t("marks.missingShort")}.
      </span>
    </p>
  );
}
