import { useRouteLoaderData } from "@remix-run/react";
import { formatValue, formatValuePrecise, MISSING_MARK, WITHHELD_MARK } from "~/domain/format";
import type { Unit } from "~/domain/catalogue";
import { useT } from "~/i18n/react";

type Shown = { value: number | null; withheld: boolean };

/** The disclosure threshold, from the root loader, for the explanations of `..`. */
export function useDisclosureK(): number {
  return useRouteLoaderData<{ disclosureK: number }>("root")?.disclosureK ?? 5;
}

/** A figure as text: the value, `..` (withheld, with its reason on hover and for screen readers) or `–`. */
export function FigureValue({ figure, unit, precise = false }: { figure: Shown | null | undefined; unit: Unit; precise?: boolean }) {
  const t = useT();
  const k = useDisclosureK();
  if (figure?.withheld) {
    const why = t("marks.withheld", { k });
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
  return <>{precise ? formatValuePrecise(figure.value, unit) : formatValue(figure.value, unit)}</>;
}

/** The footnote that explains the marks, under every table and on every page with figures. */
export function MarksLegend() {
  const t = useT();
  const k = useDisclosureK();
  return (
    <p className="marks-legend">
      <span>
        <strong>{WITHHELD_MARK}</strong> {t("marks.withheld", { k })}.
      </span>{" "}
      <span>
        <strong>{MISSING_MARK}</strong> {t("marks.missingShort")}.
      </span>
    </p>
  );
}
