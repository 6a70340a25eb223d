"use client";

import Link from "next/link";
import { useActionState } from "react";
import { saveControlDesign } from "@/app/(app)/controls/actions";
import { DESIGN_STATUSES, DESIGN_STATUS_LABELS } from "@/lib/validations/control";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { Options } from "@/components/ui/options";

/** Changes one control's design status from the gap assessment table (same action as the control page). */
export function DesignStatusInlineForm({ code, designStatus }: { code: string; designStatus: string }) {
  const [state, formAction, pending] = useActionState(saveControlDesign, null);
  const id = `status-${code}`;
  return (
    <form
      action={formAction}
      onSubmit={submitKeepingFields(formAction)}
      className="inline-status"
      style={{ display: "flex", gap: 6, alignItems: "center", flexWrap: "wrap" }}
    >
      <input type="hidden" name="code" value={code} />
      <label htmlFor={id} className="sr-only">
        Design status of {code}
      </label>
      <select
        id={id}
        name="designStatus"
        defaultValue={designStatus}
        aria-describedby={state && !state.ok ? `${id}-error` : undefined}
        aria-invalid={state && !state.ok ? true : undefined}
      >
        <Options values={DESIGN_STATUSES} labels={DESIGN_STATUS_LABELS} />
      </select>
      <button type="submit" className="secondary" disabled={pending} aria-label={`Save design status of ${code}`}>
        {pending ? "Saving…" : "Save"}
      </button>
      {state && !state.ok && (
        <span id={`${id}-error`} className="error" role="alert" style={{ color: "var(--danger)", flexBasis: "100%" }}>
          {state.error.message}{" "}
          {state.fieldErrors?.justification && <Link href={`/controls/${encodeURIComponent(code)}`}>Add a justification</Link>}
        </span>
      )}
      {state?.ok && (
        <span role="status" className="muted" style={{ flexBasis: "100%" }}>
          Saved.
        </span>
      )}
    </form>
  );
}
