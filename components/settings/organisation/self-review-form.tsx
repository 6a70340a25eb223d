"use client";

import { useActionState } from "react";
import { saveSelfReviewAction } from "@/app/(app)/settings/organisation/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessages } from "@/components/ui/form-messages";

/** Segregation of duties: whether whoever uploaded evidence may also review it (off by default). */
export function SelfReviewForm({ allowSelfReview }: { allowSelfReview: boolean }) {
  const [state, formAction, pending] = useActionState(saveSelfReviewAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} noValidate>
      <FormMessages state={state} />
      <FormField
        id="org-allow-self-review"
        label="Allow self-review"
        hint="For a one-person team only. Off: nobody accepts or rejects evidence they uploaded. On: they may, and each such review is marked “Self-reviewed” wherever the evidence is shown and exported, for the auditor to see."
        errors={errors?.allowSelfReview}
      >
        <input id="org-allow-self-review" name="allowSelfReview" type="checkbox" defaultChecked={allowSelfReview} />
      </FormField>
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save self-review setting"}
      </button>
    </form>
  );
}
