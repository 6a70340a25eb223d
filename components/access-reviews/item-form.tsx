"use client";

import { useActionState, useEffect, useRef } from "react";
import { addItemAction } from "@/app/(app)/access-reviews/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { PRINCIPAL_KINDS, PRINCIPAL_KIND_LABELS, RESOURCE_KINDS, RESOURCE_KIND_LABELS } from "@/lib/validations/access-review";
import { Options } from "@/components/ui/options";

export interface ReviewerChoice {
  email: string;
  name: string;
}

/** One item by hand (a draft access review only): who has which access to what, and optionally its reviewer. */
export function ItemForm({ reviewId, reviewers }: { reviewId: string; reviewers: ReviewerChoice[] }) {
  const [state, formAction, pending] = useActionState(addItemAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={formAction} onSubmit={submitKeepingFields(formAction)} noValidate aria-label="Add an item">
      <input type="hidden" name="reviewId" value={reviewId} />
      <FormMessages state={state} />
      <div className="toolbar">
        <FormField id="item-principal" label="Principal" hint="E-mail, user name or service account" errors={errors?.principal}>
          <input id="item-principal" name="principal" />
        </FormField>
        <FormField id="item-principalKind" label="Kind" errors={errors?.principalKind}>
          <select id="item-principalKind" name="principalKind" defaultValue="HUMAN">
            <Options values={PRINCIPAL_KINDS} labels={PRINCIPAL_KIND_LABELS} />
          </select>
        </FormField>
        <FormField id="item-resource" label="Resource" errors={errors?.resource}>
          <input id="item-resource" name="resource" />
        </FormField>
        <FormField id="item-resourceKind" label="Resource kind" errors={errors?.resourceKind}>
          <select id="item-resourceKind" name="resourceKind" defaultValue="MODEL_API_KEY">
            <Options values={RESOURCE_KINDS} labels={RESOURCE_KIND_LABELS} />
          </select>
        </FormField>
        <FormField id="item-accessLevel" label="Access level" errors={errors?.accessLevel}>
          <input id="item-accessLevel" name="accessLevel" />
        </FormField>
        <FormField id="item-source" label="Source" errors={errors?.source}>
          <input id="item-source" name="source" defaultValue="Added by hand" />
        </FormField>
        <FormField id="item-reviewer" label="Reviewer" errors={errors?.reviewer}>
          <select id="item-reviewer" name="reviewer" defaultValue="">
            <option value="">Assign later</option>
            {reviewers.map((r) => (
              <option key={r.email} value={r.email}>
                {r.name} ({r.email})
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add item"}
      </button>
    </form>
  );
}
