"use client";

import { useActionState } from "react";
import { bulkMapping } from "@/app/(app)/mapping/actions";
import { FormField } from "@/components/ui/form-field";
import { CATEGORIES, CATEGORY_LABELS } from "@/lib/validations/control";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { Options } from "@/components/ui/options";

/** Bulk action for the common case: apply (or rule out) a category's controls for the selected features. */
export function BulkMappingForm() {
  const [state, formAction, pending] = useActionState(bulkMapping, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      id="bulk-mapping"
      action={formAction}
      onSubmit={submitKeepingFields(formAction)}
      className="card"
      style={{ marginBottom: 12 }}
      aria-label="Bulk mapping"
    >
      <h2 style={{ marginTop: 0 }}>Bulk mapping</h2>
      <p className="muted">Select features in the table, then apply a category&apos;s controls to all of them at once.</p>
      <FormMessages state={state} />
      <div className="toolbar">
        <FormField id="bulk-category" label="Category" errors={errors?.category}>
          <select id="bulk-category" name="category" defaultValue="SECURITY">
            <Options values={CATEGORIES} labels={CATEGORY_LABELS} />
          </select>
        </FormField>
        <FormField id="bulk-decision" label="Decision" errors={errors?.decision}>
          <select id="bulk-decision" name="decision" defaultValue="applies">
            <option value="applies">The controls apply</option>
            <option value="not-applicable">The controls do not apply</option>
          </select>
        </FormField>
        <FormField id="bulk-justification" label="Justification (when they do not apply)" errors={errors?.justification}>
          <input id="bulk-justification" name="justification" />
        </FormField>
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Apply to selected features"}
        </button>
      </div>
      {errors?.slugs && <p className="field-error">{errors.slugs[0]}</p>}
    </form>
  );
}
