"use client";

import { useActionState } from "react";
import { markRevocationDoneAction } from "@/app/(app)/access-reviews/sign-off/actions";
import { useHydrated } from "@/components/access-reviews/decision-form";
import { useAnnounce } from "@/components/shell/announcements";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";

/** Marks one revocation (or modification) done, with the date it was done and an optional note. */
export function RevocationForm({
  reviewId,
  itemId,
  label,
  today,
  earliest,
}: {
  reviewId: string;
  itemId: string;
  label: string;
  today: string;
  earliest: string | null;
}) {
  const announce = useAnnounce();
  const hydrated = useHydrated();
  const [state, formAction, pending] = useActionState(
    async (previous: Awaited<ReturnType<typeof markRevocationDoneAction>> | null, data: FormData) => {
      const result = await markRevocationDoneAction(previous, data);
      if (result.ok && result.message) announce(result.message);
      return result;
    },
    null,
  );
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  if (state?.ok) return null;
  const id = (name: string) => `${name}-${itemId}`;
  return (
    <form
      action={formAction}
      onSubmit={submitKeepingFields(formAction)}
      noValidate
      aria-label={`Mark done: ${label}`}
      className="toolbar"
      data-hydrated={hydrated || undefined}
    >
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="itemId" value={itemId} />
      <FormMessages state={state} />
      <div className="field">
        <label htmlFor={id("doneOn")}>Done on</label>
        <input
          id={id("doneOn")}
          name="doneOn"
          type="date"
          defaultValue={today}
          max={today}
          min={earliest ?? undefined}
          aria-invalid={errors?.doneOn ? true : undefined}
          aria-describedby={errors?.doneOn ? id("doneOn-error") : undefined}
        />
        {errors?.doneOn && (
          <span id={id("doneOn-error")} className="error">
            {errors.doneOn[0]}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={id("note")}>Note</label>
        <input id={id("note")} name="note" placeholder="Ticket or how it was done (optional)" />
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Mark done"}
      </button>
    </form>
  );
}
