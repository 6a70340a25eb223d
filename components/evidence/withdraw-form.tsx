"use client";

import { useActionState, useState } from "react";
import { withdrawEvidenceAction } from "@/app/(app)/evidence/actions";
import { useAnnounce } from "@/components/shell/announcements";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";

/** Withdraw with a reason: the evidence and its bytes stay on record, marked withdrawn. */
export function WithdrawForm({ id }: { id: string }) {
  const announce = useAnnounce();
  // On success the form goes away (the item leaves the queue, the button its page): the outcome is
  // said at the top of the page instead.
  const [state, formAction, pending] = useActionState(
    async (previous: Awaited<ReturnType<typeof withdrawEvidenceAction>> | null, data: FormData) => {
      const result = await withdrawEvidenceAction(previous, data);
      if (result.ok && result.message) announce(result.message);
      return result;
    },
    null,
  );
  const [open, setOpen] = useState(false);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  if (state?.ok) return null;
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Withdraw…
      </button>
    );
  }
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} aria-label="Withdraw evidence" noValidate>
      <input type="hidden" name="id" value={id} />
      <FormMessages state={state} />
      <div className="field">
        <label htmlFor="withdraw-reason">Why is it withdrawn?</label>
        <textarea
          id="withdraw-reason"
          name="reason"
          aria-invalid={errors?.reason ? true : undefined}
          aria-describedby={errors?.reason ? "withdraw-reason-error" : undefined}
        />
        {errors?.reason && (
          <span id="withdraw-reason-error" className="error">
            {errors.reason[0]}
          </span>
        )}
      </div>
      <div className="toolbar">
        <button type="submit" className="danger" disabled={pending}>
          Withdraw
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
