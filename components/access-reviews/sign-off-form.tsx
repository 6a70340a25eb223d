"use client";

import { useActionState } from "react";
import { signOffAction } from "@/app/(app)/access-reviews/sign-off/actions";
import { useHydrated } from "@/components/access-reviews/decision-form";
import { useAnnounce } from "@/components/shell/announcements";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";

/** The compliance lead's sign-off: a statement; refused (and disabled here) while items are open. */
export function SignOffForm({ reviewId, open, total }: { reviewId: string; open: number; total: number }) {
  const announce = useAnnounce();
  const hydrated = useHydrated();
  const [state, formAction, pending] = useActionState(
    async (previous: Awaited<ReturnType<typeof signOffAction>> | null, data: FormData) => {
      const result = await signOffAction(previous, data);
      if (result.ok && result.message) announce(result.message);
      return result;
    },
    null,
  );
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  if (state?.ok) return null;
  const blocked =
    total === 0
      ? "There are no items to sign off."
      : open > 0
        ? `${open} of ${total} item${total === 1 ? "" : "s"} ${open === 1 ? "is" : "are"} still open: sign-off is possible once every item is decided.`
        : null;
  return (
    <form
      action={formAction}
      onSubmit={submitKeepingFields(formAction)}
      noValidate
      aria-label="Sign off"
      className="card"
      data-hydrated={hydrated || undefined}
    >
      <input type="hidden" name="reviewId" value={reviewId} />
      <FormMessages state={state} />
      {blocked && (
        <p className="alert warn" id="sign-off-blocked">
          {blocked}
        </p>
      )}
      <div className="field">
        <label htmlFor="statement">Sign-off statement</label>
        <textarea
          id="statement"
          name="statement"
          rows={3}
          disabled={Boolean(blocked)}
          aria-invalid={errors?.statement ? true : undefined}
          aria-describedby={["statement-hint", errors?.statement ? "statement-error" : null].filter(Boolean).join(" ")}
        />
        <span id="statement-hint" className="hint">
          What you attest, such as “All access to the AI resources in scope was reviewed; revocations are tracked below.” Your name and the
          time are recorded; the access review then locks.
        </span>
        {errors?.statement && (
          <span id="statement-error" className="error">
            {errors.statement[0]}
          </span>
        )}
      </div>
      <button type="submit" disabled={pending || Boolean(blocked)} aria-describedby={blocked ? "sign-off-blocked" : undefined}>
        {pending ? "Signing off…" : "Sign off"}
      </button>
    </form>
  );
}
