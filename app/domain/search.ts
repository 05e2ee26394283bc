/** Municipality search by name or code; case- and accent-insensitive (aa/å, ae/æ, oe/ø). */
export function normaliseDanish(s: string): string {
  return s
    .toLocaleLowerCase("da-DK")
    .replace(/å/g, "aa")
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function searchMunicipalities<M extends { code: string; name: string }>(list: M[], query: string): M[] {
  const q = normaliseDanish(query);
  if (!q) return list;
  return list.filter((m) => m.code.startsWith(q) || normaliseDanish(m.name).includes(q));
}
