/**
 * The one chart palette. Colour-blind safe (after Okabe–Ito), darkened so every colour has at
 * least 3:1 contrast against white; charts never rely on colour alone (legends, tables, dashes).
 */
export const SERIES_COLOURS = {
  municipality: "#0b5fa5",
  region: "#a35200",
  nation: "#4a4a4a",
  group: "#7b3f99",
} as const;

export const GROUP_COLOURS: Record<string, string> = {
  anbragte: "#0b5fa5",
  forebyggende: "#a35200",
  udsatte: "#7b3f99",
  oevrige: "#17754a",
  alle: "#4a4a4a",
};

export const CATEGORY_COLOURS = ["#0b5fa5", "#56a0d3", "#17754a", "#a35200", "#d98a2b", "#7b3f99", "#6b6b6b"];

/**
 * Kolada's thirds: green best, yellow middle, red worst; grey for missing or withheld. Always
 * paired with a symbol and a word (▲ ◆ ▼), never colour alone.
 */
export const BAND_COLOURS = {
  best: "#2e8b57",
  middle: "#e5b82e",
  worst: "#c8453b",
  none: "#b0b0b0",
} as const;

/** The lines and marks every SVG chart shares: grid lines, the axis, points in a scatter or map. */
export const CHART_INK = {
  grid: "#e3e3e3",
  axis: "#6b6b6b",
  highlight: "#eef3f8",
  point: "#6b6b6b",
  pointFocus: SERIES_COLOURS.municipality,
  fitLine: SERIES_COLOURS.region,
} as const;
