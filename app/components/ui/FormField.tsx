import type { InputHTMLAttributes } from "react";

/**
 * DKFDS form field: label, optional hint and error, all tied to the input by id so a screen
 * reader reads them with the field.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  ...input
}: { id: string; label: string; hint?: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`form-group ${error ? "form-error" : ""}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="form-error-message" id={`${id}-error`}>
          <span className="sr-only visually-hidden">Fejl: </span>
          {error}
        </span>
      ) : null}
      <input id={id} className="form-input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
    </div>
  );
}

type ConformFieldMeta = { id: string; name: string; errorId: string; descriptionId: string; errors?: string[]; initialValue?: unknown };

/** A FormField bound to a conform field: errors from the server's zod check appear next to the field. */
export function ConformField({
  field,
  label,
  hint,
  type = "text",
  ...rest
}: { field: ConformFieldMeta; label: string; hint?: string; type?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "type">) {
  const error = field.errors?.[0];
  return (
    <div className={`form-group ${error ? "form-error" : ""}`}>
      <label className="form-label" htmlFor={field.id}>
        {label}
      </label>
      {hint ? (
        <span className="form-hint" id={field.descriptionId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="form-error-message" id={field.errorId}>
          <span className="visually-hidden">Fejl: </span>
          {error}
        </span>
      ) : null}
      <input
        id={field.id}
        name={field.name}
        type={type}
        className="form-input"
        defaultValue={type === "password" || typeof field.initialValue !== "string" ? undefined : field.initialValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? field.descriptionId : null, error ? field.errorId : null].filter(Boolean).join(" ") || undefined}
        {...rest}
      />
    </div>
  );
}

/** The session's anti-forgery token; every form that changes something carries it. */
export function CsrfInput({ token }: { token: string | null | undefined }) {
  return token ? <input type="hidden" name="csrf" value={token} /> : null;
}
