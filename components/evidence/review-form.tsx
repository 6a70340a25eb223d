"use client";

import { useActionState, useState } from "react";
import { reviewEvidenceAction } from "@/app/(app)/evidence/actions";
import { useAnnounce } from "@/components/shell/announcements";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";

/** Accept, or reject with a reason: a compliance lead's decision on submitted evidence. */
export function ReviewForm({ id, title }: { id: string; title: string }) {
  const announce = useAnnounce();
  // On success the form goes away (the item leaves the queue, the button its page): the outcome is
  // said at the top of the page instead.
  const [state, formAction, pending] = useActionState(
    async (previous: Awaited<ReturnType<typeof reviewEvidenceAction>> | null, data: FormData) => {
      const result = await reviewEvidenceAction(previous, data);
      if (result.ok && result.message) announce(result.message);
      return result;
    },
    null,
  );
  const [rejecting, setRejecting] = useState(false);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  if (state?.ok) return null;
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} aria-label={`Review ${title}`} className="review-form" noValidate>
      <input type="hidden" name="id" value={id} />
      <FormMessages state={state} />
      {!rejecting ? (
        <div className="toolbar">
          <button type="submit" name="decision" value="accept" disabled={pending}>
            Accept
          </button>
          <button type="button" className="secondary" onClick={() => setRejecting(true)}>
            Reject…
          </button>
        </div>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`reason-${id}`}>Why is it rejected?</label>
            <textarea
              id={`reason-${id}`}
              name="reason"
              aria-invalid={errors?.reason ? true : undefined}
              aria-describedby={errors?.reason ? `reason-${id}-error` : undefined}
            />
            {errors?.reason && (
              <span id={`reason-${id}-error`} className="error">
                {errors.reason[0]}
              </span>
            )}
          </div>
          <div className="toolbar">
            <button type="submit" name="decision" value="reject" className="danger" disabled={pending}>
              Reject
            </button>
            <button type="button" className="secondary" onClick={() => setRejecting(false)}>
              Cancel
            </button>
          </div>
        </>
      )}
    </form>
  );
}
