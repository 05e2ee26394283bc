/**
 * Finds Danish in text meant to be English, or in code meant to hold no sentences: the Danish
 * letters and a list of common Danish words. The product's name is a proper name and allowed.
 */
const WORDS = [
  "og",
  "ikke",
  "til",
  "der",
  "som",
  "skal",
  "findes",
  "skriv",
  "vælg",
  "kan",
  "af",
  "med",
  "er",
  "på",
  "det",
  "den",
  "eller",
  "har",
  "mål",
  "målet",
  "kommune",
  "kommunen",
  "indikator",
  "indikatoren",
  "udfordring",
  "fejl",
  "siden",
  "adgang",
  "ugyldig",
  "mangler",
  "gyldig",
  "tallet",
  "overblik",
  "prøver",
  "andel",
];
const DANISH = new RegExp(`[æøåÆØÅ]|\\b(${WORDS.join("|")})\\b`, "i");

export function danishIn(text: string): string | null {
  const m = DANISH.exec(text.replaceAll("Fælles retning", ""));
  if (!m) return null;
  const from = Math.max(0, m.index - 40);
  return text.replaceAll("Fælles retning", "").slice(from, m.index + 40);
}
