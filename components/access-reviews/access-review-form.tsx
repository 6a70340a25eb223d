"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { createReviewAction, updateReviewAction } from "@/app/(app)/access-reviews/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { RESOURCE_KINDS, RESOURCE_KIND_LABELS } from "@/lib/validations/access-review";
import { FeatureScopeFieldset } from "@/components/ui/feature-scope-fieldset";

export interface AccessReviewFormValues {
  id?: string;
  name: string;
  quarter: string;
  dueDate: string;
  features: string[];
  resources: string[];
  sameQuarterReason: string;
}

/** Create or edit a draft access review: name, quarter, due date, and its scope (features and resource kinds). */
export function AccessReviewForm(props: { initial: AccessReviewFormValues; features: { slug: string; name: string }[] }) {
  const router = useRouter();
  const editing = Boolean(props.initial.id);
  const [state, formAction, pending] = useActionState(editing ? updateReviewAction : createReviewAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const savedId = state?.ok ? state.data?.id : undefined;
  useEffect(() => {
    if (savedId) router.push(`/access-reviews/${savedId}`);
  }, [savedId, router]);
  return (
    <form
      action={formAction}
      onSubmit={submitKeepingFields(formAction)}
      noValidate
      aria-label={editing ? "Edit access review" : "New access review"}
    >
      {props.initial.id && <input type="hidden" name="reviewId" value={props.initial.id} />}
      <FormMessages state={state} />
      <FormField id="name" label="Name" errors={errors?.name}>
        <input id="name" name="name" defaultValue={props.initial.name} />
      </FormField>
      <div className="toolbar">
        <FormField id="quarter" label="Quarter" hint="YYYY-Qn: the current quarter or an earlier one" errors={errors?.quarter}>
          <input id="quarter" name="quarter" defaultValue={props.initial.quarter} placeholder="2026-Q4" />
        </FormField>
        <FormField id="dueDate" label="Decisions due" hint="Empty: the quarter's last day" errors={errors?.dueDate}>
          <input id="dueDate" name="dueDate" type="date" defaultValue={props.initial.dueDate} />
        </FormField>
      </div>
      <FormField
        id="sameQuarterReason"
        label="Reason for a second access review"
        hint="Needed only when the quarter already has an access review; kept with the access review and in the audit log."
        errors={errors?.sameQuarterReason}
      >
        <textarea
          id="sameQuarterReason"
          name="sameQuarterReason"
          rows={2}
          maxLength={1000}
          defaultValue={props.initial.sameQuarterReason}
        />
      </FormField>
      <fieldset aria-describedby={errors?.resources ? "resources-error" : undefined}>
        <legend>Resources in scope</legend>
        <div className="checkbox-grid">
          {RESOURCE_KINDS.map((k) => (
            <label key={k}>
              <input type="checkbox" name="resources" value={k} defaultChecked={props.initial.resources.includes(k)} />{" "}
              {RESOURCE_KIND_LABELS[k]}
            </label>
          ))}
        </div>
        {errors?.resources?.length ? (
          <span id="resources-error" className="error">
            {errors.resources[0]}
          </span>
        ) : null}
      </fieldset>
      <FeatureScopeFieldset features={props.features} selected={props.initial.features} errors={errors?.features} />
      <button type="submit" disabled={pending || Boolean(savedId)}>
        {pending ? "Saving…" : editing ? "Save access review" : "Create access review"}
      </button>
    </form>
  );
}
