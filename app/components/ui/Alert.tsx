import type { ReactNode } from "react";

type Variant = "info" | "success" | "warning" | "error";

const ICON_PATHS: Record<Variant, string> = {
  info: "M11 7h2v2h-2zm0 4h2v6h-2zm1-9C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8z",
  success: "M9 16.17 4.83 12l-1.42 1.41L9 19 21 7l-1.41-1.41z",
  warning: "M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z",
  error:
    "M11 15h2v2h-2zm0-8h2v6h-2zm.99-5C6.47 2 2 6.48 2 12s4.47 10 9.99 10C17.52 22 22 17.52 22 12S17.52 2 11.99 2zM12 20c-4.42 0-8-3.58-8-8s3.58-8 8-8 8 3.58 8 8-3.58 8-8 8z",
};

/** DKFDS alert. `role` is left to the caller: a live error is an alert, a standing notice is not. */
export function Alert({
  variant,
  heading,
  children,
  role,
  className,
}: {
  variant: Variant;
  heading?: string;
  children: ReactNode;
  role?: "alert" | "status" | "note";
  className?: string;
}) {
  return (
    <div className={`alert alert-${variant} ${className ?? ""}`} role={role}>
      <svg className="icon-svg alert-icon" focusable="false" aria-hidden="true" viewBox="0 0 24 24" width="24" height="24">
        <path d={ICON_PATHS[variant]} fill="currentColor" />
      </svg>
      <div className="alert-body">
        {heading ? <p className="alert-heading">{heading}</p> : null}
        <div className="alert-text">{children}</div>
      </div>
    </div>
  );
}
