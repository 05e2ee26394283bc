import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useMessage, useT } from "~/i18n/react";

type ConformFieldMeta = { id: string; name: string; errorId: string; descriptionId: string; errors?: string[]; initialValue?: unknown };

/**
 * The DKFDS field shell: label, optional hint and error. The control gets the ids to tie them
 * to it, so a screen reader reads the hint and the error with the field.
 */
function FieldShell({
  id,
  label,
  hint,
  hintId,
  error,
  errorId,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  hintId: string;
  error?: string;
  errorId: string;
  children: (aria: { "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const t = useT();
  const message = useMessage();
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`form-group ${error ? "form-error" : ""}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span className="form-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="form-error-message" id={errorId}>
          <span className="visually-hidden">{t("errors.fieldPrefix")} </span>
          {message(error)}
        </span>
      ) : null}
      {children({ "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
    </div>
  );
}

/** A plain field (no conform form), e.g. on the component page. */
export function FormField({
  id,
  label,
  hint,
  error,
  ...input
}: { id: string; label: string; hint?: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell id={id} label={label} hint={hint} hintId={`${id}-hint`} error={error} errorId={`${id}-error`}>
      {(aria) => <input id={id} className="form-input" {...aria} {...input} />}
    </FieldShell>
  );
}

/** A plain select (no conform form), e.g. in a GET filter form. */
export function SelectField({
  id,
  label,
  hint,
  children,
  ...select
}: { id: string; label: string; hint?: string; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell id={id} label={label} hint={hint} hintId={`${id}-hint`} errorId={`${id}-error`}>
      {(aria) => (
        <select id={id} className="form-select" {...aria} {...select}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}

const initialText = (field: ConformFieldMeta) => (typeof field.initialValue === "string" ? field.initialValue : undefined);

/** An input bound to a conform field: errors from the server's zod check appear next to it. */
export function ConformField({
  field,
  label,
  hint,
  type = "text",
  ...rest
}: { field: ConformFieldMeta; label: string; hint?: string; type?: string } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "id" | "name" | "type"
>) {
  return (
    <FieldShell id={field.id} label={label} hint={hint} hintId={field.descriptionId} error={field.errors?.[0]} errorId={field.errorId}>
      {(aria) => (
        <input
          id={field.id}
          name={field.name}
          type={type}
          className="form-input"
          defaultValue={type === "password" ? undefined : initialText(field)}
          {...aria}
          {...rest}
        />
      )}
    </FieldShell>
  );
}

export function ConformTextarea({
  field,
  label,
  hint,
  fallback,
  ...rest
}: { field: ConformFieldMeta; label: string; hint?: string; fallback?: string | null } & Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  "id" | "name"
>) {
  return (
    <FieldShell id={field.id} label={label} hint={hint} hintId={field.descriptionId} error={field.errors?.[0]} errorId={field.errorId}>
      {(aria) => (
        <textarea
          id={field.id}
          name={field.name}
          className="form-input"
          rows={3}
          defaultValue={initialText(field) ?? fallback ?? ""}
          {...aria}
          {...rest}
        />
      )}
    </FieldShell>
  );
}

export function ConformSelect({
  field,
  label,
  hint,
  children,
  ...rest
}: { field: ConformFieldMeta; label: string; hint?: string; children: ReactNode } & Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  "id" | "name"
>) {
  return (
    <FieldShell id={field.id} label={label} hint={hint} hintId={field.descriptionId} error={field.errors?.[0]} errorId={field.errorId}>
      {(aria) => (
        <select id={field.id} name={field.name} className="form-select" defaultValue={initialText(field) ?? ""} {...aria} {...rest}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}

/** The session's anti-forgery token; every form that changes something carries it. */
export function CsrfInput({ token }: { token: string | null | undefined }) {
  return token ? <input type="hidden" name="csrf" value={token} /> : null;
}

/** A group of radio buttons bound to a conform field: one legend, the error tied to the group. */
export function ConformRadioGroup({
  field,
  legend,
  options,
  idPrefix,
  fallback,
}: {
  field: ConformFieldMeta;
  legend: string;
  options: { value: string; label: string }[];
  idPrefix: string;
  fallback?: string | null;
}) {
  const chosen = initialText(field) ?? fallback ?? undefined;
  const t = useT();
  const message = useMessage();
  return (
    <fieldset className={`form-group ${field.errors ? "form-error" : ""}`} aria-describedby={field.errors ? field.errorId : undefined}>
      <legend className="form-label">{legend}</legend>
      {field.errors ? (
        <span className="form-error-message" id={field.errorId}>
          <span className="visually-hidden">{t("errors.fieldPrefix")} </span>
          {message(field.errors[0])}
        </span>
      ) : null}
      {options.map((o) => (
        <div key={o.value} className="form-group-radio">
          <input
            type="radio"
            id={`${idPrefix}-${o.value}`}
            name={field.name}
            value={o.value}
            defaultChecked={chosen === o.value}
            className="form-radio"
          />
          <label htmlFor={`${idPrefix}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
