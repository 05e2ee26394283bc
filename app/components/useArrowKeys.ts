import { useState, type KeyboardEvent } from "react";

/**
 * A roving position for a chart's points or periods: one Tab stop, then the arrow keys step
 * (wrapping round), Home and End jump to the ends, Escape lets go. `null` is nothing in focus.
 */
export function useArrowKeys(count: number) {
  const [active, setActive] = useState<number | null>(null);
  const onKeyDown = (e: KeyboardEvent<Element>) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (count === 0) return;
    if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      setActive(e.key === "Home" ? 0 : count - 1);
    } else if (step) {
      e.preventDefault();
      setActive((a) => (a === null ? (step > 0 ? 0 : count - 1) : (a + step + count) % count));
    } else if (e.key === "Escape") setActive(null);
  };
  return { active, setActive, onKeyDown };
}
