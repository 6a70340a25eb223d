"use client";

import { useActionState, useSyncExternalStore } from "react";
import { decideItemAction } from "@/app/(app)/access-reviews/inbox/actions";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";

const CHOICES = [
  { value: "KEEP", label: "Keep", hint: "the access is still needed as it is" },
  { value: "REVOKE", label: "Revoke", hint: "remove it" },
  { value: "MODIFY", label: "Modify", hint: "keep it, narrowed (say how in the comment)" },
] as const;

const noSubscription = () => () => {};

/** False in the server's HTML, true once React has hydrated the form (tests wait for data-hydrated before clicking). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

export interface DecisionFormItem {
  id: string;
  reviewId: string;
  principal: string;
  resource: string;
  own: boolean;
  decision: string | null;
  comment: string | null;
  selfJustification: string | null;
}

/** One item's decision: keep, revoke or modify, a comment, and a justification when it is the reviewer's own access. */
export function DecisionForm({ item }: { item: DecisionFormItem }) {
  const [state, formAction, pending] = useActionState(decideItemAction, null);
  const hydrated = useHydrated();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const id = (name: string) => `${name}-${item.id}`;
  const describedBy = (name: string) => (errors?.[name]?.length ? id(`${name}-error`) : undefined);
  const fieldError = (name: string) =>
    errors?.[name]?.length ? (
      <span id={id(`${name}-error`)} className="error">
        {errors[name][0]}
      </span>
    ) : null;
  return (
    <form
      action={formAction}
      onSubmit={submitKeepingFields(formAction)}
      noValidate
      aria-label={`Decide ${item.principal} on ${item.resource}`}
      className="decision-form"
      data-item={item.id}
      data-hydrated={hydrated || undefined}
    >
      <input type="hidden" name="reviewId" value={item.reviewId} />
      <input type="hidden" name="itemId" value={item.id} />
      <FormMessages state={state} />
      <fieldset className="field" aria-describedby={describedBy("decision")} aria-invalid={errors?.decision ? true : undefined}>
        <legend>Decision</legend>
        <div className="toolbar">
          {CHOICES.map((c) => (
            <label key={c.value} title={c.hint}>
              <input type="radio" name="decision" value={c.value} defaultChecked={item.decision === c.value} /> {c.label}
            </label>
          ))}
        </div>
        {fieldError("decision")}
      </fieldset>
      <div className="field">
        <label htmlFor={id("comment")}>Comment</label>
        <textarea
          id={id("comment")}
          name="comment"
          rows={2}
          defaultValue={item.comment ?? ""}
          aria-invalid={errors?.comment ? true : undefined}
          aria-describedby={describedBy("comment")}
        />
        {fieldError("comment")}
      </div>
      {item.own && (
        <div className="field">
          <label htmlFor={id("selfJustification")}>Self-review justification</label>
          <textarea
            id={id("selfJustification")}
            name="selfJustification"
            rows={2}
            defaultValue={item.selfJustification ?? ""}
            aria-invalid={errors?.selfJustification ? true : undefined}
            aria-describedby={[id("selfJustification-hint"), describedBy("selfJustification")].filter(Boolean).join(" ")}
          />
          <span id={id("selfJustification-hint")} className="hint">
            This is your own access: say why you are the right person to decide it (required).
          </span>
          {fieldError("selfJustification")}
        </div>
      )}
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : item.decision ? "Change decision" : "Save decision"}
      </button>
    </form>
  );
}
