import { describe, expect, it } from "vitest";
import { computeStatus, direction, expectedAt, progress, tolerance, type Trajectory } from "~/domain/targets/trajectory";

// "at least 60 % of placed pupils sit the exams in 2027/28", from 48 % in 2023/24
const rising: Trajectory = { polarity: "higher", baseline: { position: 2023, value: 48 }, target: { position: 2027, value: 60 } };
// "special-education share down from 9 % to 7 % by 2027/28"
const falling: Trajectory = { polarity: "lower", baseline: { position: 2023, value: 9 }, target: { position: 2027, value: 7 } };

describe("the trajectory", () => {
  it("is the straight line from baseline to target at the deadline", () => {
    expect(expectedAt(rising, 2023)).toBe(48);
    expect(expectedAt(rising, 2025)).toBe(54);
    expect(expectedAt(rising, 2027)).toBe(60);
    expect(expectedAt(rising, 2029)).toBe(60); // after the deadline the target stands
    expect(expectedAt(falling, 2024)).toBe(8.5);
    expect(tolerance(rising)).toBe(4); // a third of 12 points
  });

  it("takes its direction from the indicator's polarity; a neutral one from baseline to target", () => {
    expect(direction(rising)).toBe(1);
    expect(direction(falling)).toBe(-1);
    expect(direction({ polarity: "higher", baseline: { position: 2023, value: 65 }, target: { position: 2026, value: 60 } })).toBe(1);
    expect(direction({ polarity: "neutral", baseline: { position: 2023, value: 14000 }, target: { position: 2026, value: 12000 } })).toBe(
      -1,
    );
  });
});

describe("the computed status", () => {
  it.each([
    [55, "paa-sporet"], // above the line (54)
    [54, "paa-sporet"], // exactly on the line
    [51, "i-risiko"], // 3 behind, within a third of the distance (4)
    [50, "i-risiko"], // exactly at the tolerance
    [49.9, "bagud"],
    [60, "naaet"],
    [63, "naaet"],
  ])("higher is better: %s %% in 2025 is %s", (value, status) => {
    expect(computeStatus(rising, { position: 2025, value })).toBe(status);
  });

  it.each([
    [7.9, "paa-sporet"], // below the line (8.0) is better when lower is better
    [8.0, "paa-sporet"],
    [8.5, "i-risiko"], // 0.5 behind, tolerance 2/3
    [8.7, "bagud"],
    [7, "naaet"],
    [6.2, "naaet"],
  ])("lower is better: %s %% in 2025 is %s", (value, status) => {
    expect(computeStatus(falling, { position: 2025, value })).toBe(status);
  });

  it("says there are no data rather than guessing when the figure is withheld or missing", () => {
    expect(computeStatus(rising, { position: 2025, value: null, withheld: true })).toBe("ingen-data");
    expect(computeStatus(rising, { position: 2025, value: 70, withheld: true })).toBe("ingen-data");
    expect(computeStatus(rising, { position: 2025, value: null })).toBe("ingen-data");
    expect(computeStatus(rising, null)).toBe("ingen-data");
    expect(progress(rising, { position: 2025, value: null, withheld: true })).toBeNull();
  });

  it("counts a target already reached at baseline as reached while it holds, and behind when it slips", () => {
    // "at least 60 %" from a baseline of 65 %: the reference is the target, not a falling line
    const kept: Trajectory = { polarity: "higher", baseline: { position: 2023, value: 65 }, target: { position: 2027, value: 60 } };
    expect(computeStatus(kept, { position: 2024, value: 64 })).toBe("naaet");
    expect(computeStatus(kept, { position: 2024, value: 60 })).toBe("naaet");
    expect(computeStatus(kept, { position: 2025, value: 59 })).toBe("i-risiko"); // 1 short, tolerance 5/3
    expect(computeStatus(kept, { position: 2025, value: 58 })).toBe("bagud");
    expect(progress(kept, { position: 2025, value: 64 })).toBe(1);
    expect(progress(kept, { position: 2025, value: 58 })).toBe(0);
    // a target equal to its baseline ("hold 60 %"): tolerance 5 % of the target
    const flat: Trajectory = { polarity: "higher", baseline: { position: 2023, value: 60 }, target: { position: 2027, value: 60 } };
    expect(computeStatus(flat, { position: 2024, value: 61 })).toBe("naaet");
    expect(computeStatus(flat, { position: 2024, value: 58 })).toBe("i-risiko");
    expect(computeStatus(flat, { position: 2024, value: 56 })).toBe("bagud");
  });

  it("is behind once the deadline has passed without reaching the target", () => {
    expect(computeStatus(rising, { position: 2027, value: 59.5 })).toBe("bagud");
    expect(computeStatus(rising, { position: 2028, value: 58 })).toBe("bagud");
    expect(computeStatus(rising, { position: 2028, value: 61 })).toBe("naaet");
  });

  it("measures progress from baseline to target for the progress bar", () => {
    expect(progress(rising, { position: 2025, value: 54 })).toBe(0.5);
    expect(progress(rising, { position: 2025, value: 40 })).toBe(0);
    expect(progress(falling, { position: 2025, value: 8 })).toBe(0.5);
    expect(progress(rising, { position: 2025, value: 70 })).toBe(1);
  });
});
