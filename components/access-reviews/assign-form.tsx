"use client";

import { useActionState } from "react";
import { assignReviewerAction, startReviewAction } from "@/app/(app)/access-reviews/actions";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { useAnnounce } from "@/components/shell/announcements";

/** "Assign all unassigned items to …": the quick way after an import. */
export function AssignUnassignedForm({
  reviewId,
  reviewers,
  unassigned,
}: {
  reviewId: string;
  reviewers: { email: string; name: string }[];
  unassigned: number;
}) {
  const [state, formAction, pending] = useActionState(assignReviewerAction, null);
  return (
    <form
      action={formAction}
      onSubmit={submitKeepingFields(formAction)}
      noValidate
      aria-label="Assign unassigned items"
      className="toolbar"
    >
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="scope" value="unassigned" />
      <div className="field">
        <label htmlFor="assign-unassigned-reviewer">Reviewer for all {unassigned} unassigned items</label>
        <select id="assign-unassigned-reviewer" name="reviewer" defaultValue="">
          <option value="" disabled>
            Choose a reviewer
          </option>
          {reviewers.map((r) => (
            <option key={r.email} value={r.email}>
              {r.name} ({r.email})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending || unassigned === 0}>
        {pending ? "Assigning…" : "Assign unassigned items"}
      </button>
      <FormMessages state={state} />
    </form>
  );
}

/** Start the access review: the items freeze and the reviewers can decide. */
export function StartReviewButton({ reviewId, ready, why }: { reviewId: string; ready: boolean; why: string | null }) {
  const announce = useAnnounce();
  const [state, formAction, pending] = useActionState(async (prev: unknown, data: FormData) => {
    const result = await startReviewAction(prev, data);
    if (result.ok) announce(result.message ?? "Access review started.");
    return result;
  }, null);
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} aria-label="Start access review">
      <input type="hidden" name="reviewId" value={reviewId} />
      <FormMessages state={state && !state.ok ? state : null} />
      {why && <p className="muted">{why}</p>}
      <button type="submit" disabled={pending || !ready}>
        {pending ? "Starting…" : "Start access review"}
      </button>
    </form>
  );
}
