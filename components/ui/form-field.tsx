import { Children, cloneElement, isValidElement } from "react";

/** A labelled field whose control is described by its hint and errors (aria-describedby). */
export function FormField({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: React.ReactElement<Record<string, unknown>>;
}) {
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const control = Children.only(children);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {isValidElement(control)
        ? cloneElement(control, { "aria-describedby": describedBy, "aria-invalid": errors?.length ? true : undefined })
        : control}
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {errors?.length ? (
        <span id={`${id}-error`} className="error">
          {errors[0]}
        </span>
      ) : null}
    </div>
  );
}
