"use client";

import { useActionState } from "react";
import { setVendorScopeAction } from "@/app/(app)/vendors/actions";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { SCOPE_LABELS } from "@/lib/vendors/subservice";
import { VENDOR_SCOPES } from "@/lib/validations/vendor";

const HINTS = {
  VENDOR: "Outside the system your report describes; its package is due diligence.",
  CARVE_OUT: "Its controls are excluded from your report; its SOC 2 report lists CUECs you must address.",
  INCLUSIVE: "Its relevant controls are described and tested within your report.",
} as const;

/** How the vendor is scoped: a vendor, or a sub-service organisation by the carve-out or inclusive method. */
export function ScopeForm(props: { vendorId: string; scope: (typeof VENDOR_SCOPES)[number] }) {
  const [state, formAction, pending] = useActionState(setVendorScopeAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} noValidate aria-label="Scope">
      <input type="hidden" name="id" value={props.vendorId} />
      <FormMessages state={state} />
      <fieldset aria-describedby={errors?.scope ? "scope-error" : undefined}>
        <legend>Scoped as</legend>
        {VENDOR_SCOPES.map((scope) => (
          <div key={scope} className="field">
            <label>
              <input
                type="radio"
                name="scope"
                value={scope}
                defaultChecked={props.scope === scope}
                aria-describedby={`scope-${scope}-hint`}
              />{" "}
              {SCOPE_LABELS[scope]}
            </label>
            <span id={`scope-${scope}-hint`} className="hint">
              {HINTS[scope]}
            </span>
          </div>
        ))}
        {errors?.scope && (
          <div className="field">
            <span id="scope-error" className="error">
              {errors.scope.join(" ")}
            </span>
          </div>
        )}
      </fieldset>
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save scope"}
      </button>
    </form>
  );
}
