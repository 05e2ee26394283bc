import type { ReactNode } from "react";

/** DKFDS details (native <details>, so it works without JavaScript and opens for print). */
export function Details({ summary, children, open = false }: { summary: string; children: ReactNode; open?: boolean }) {
  return (
    <details className="details" open={open}>
      <summary className="details-summary">{summary}</summary>
      <div className="details-text">{children}</div>
    </details>
  );
}
