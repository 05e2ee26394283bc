/**
 * Numbers as Danes type them in a form: a comma for decimals, points (or spaces) between
 * thousands. "1.510.500", "20,67" and "3,5" are read; "3.5" is not, because in Danish it would
 * be read as three thousand five hundred by some and three and a half by others.
 */
export function parseDanishNumber(text: string): number | null {
  const s = text.replace(/[\s\u00a0]/g, "").replace(/^−/, "-");
  if (!/^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(s)) return null;
  const n = Number(s.replaceAll(".", "").replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

const inputFormat = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 2, useGrouping: true });

/** A number as a form field shows it, so that `parseDanishNumber` reads it back: "1.510.500", "20,67". */
export function formatDanishInput(n: number): string {
  return inputFormat.format(n).replace(/\u2212/, "-");
}
