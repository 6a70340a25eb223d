"use client";

import { useActionState } from "react";
import { recordVendorReviewAction } from "@/app/(app)/vendors/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";

/** Records the annual review as done on a day (not in the future); the next one falls due a year later. */
export function RecordReviewForm({ vendorId, today }: { vendorId: string; today: string }) {
  const [state, formAction, pending] = useActionState(recordVendorReviewAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} noValidate aria-label="Record review" className="toolbar">
      <input type="hidden" name="id" value={vendorId} />
      <FormMessages state={state} />
      <FormField id="review-date" label="Reviewed on" hint="The day the package was reviewed; not in the future." errors={errors?.date}>
        <input id="review-date" name="date" type="date" max={today} defaultValue={today} />
      </FormField>
      <button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record review"}
      </button>
    </form>
  );
}
