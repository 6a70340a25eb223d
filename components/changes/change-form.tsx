"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { createChangeAction } from "@/app/(app)/changes/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { CHANGE_KINDS, CHANGE_KIND_LABELS } from "@/lib/validations/change";
import { FeatureOptions, Options } from "@/components/ui/options";

/** Record one model or prompt change; on success, back to the list. */
export function ChangeForm({ features }: { features: { slug: string; name: string }[] }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(createChangeAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const savedId = state?.ok ? state.data?.id : undefined;
  useEffect(() => {
    if (savedId) router.push("/changes");
  }, [savedId, router]);
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} noValidate aria-label="Record a change">
      <FormMessages state={state} />
      <FormField id="kind" label="Kind" errors={errors?.kind}>
        <select id="kind" name="kind" defaultValue="PROMPT_CHANGE">
          <Options values={CHANGE_KINDS} labels={CHANGE_KIND_LABELS} />
        </select>
      </FormField>
      <FormField id="feature" label="Feature" hint="The AI feature it changes, if one." errors={errors?.feature}>
        <select id="feature" name="feature" defaultValue="">
          <option value="">No particular feature</option>
          <FeatureOptions features={features} />
        </select>
      </FormField>
      <FormField id="title" label="Title" errors={errors?.title}>
        <input id="title" name="title" />
      </FormField>
      <div className="toolbar">
        <FormField id="pullRequest" label="Pull request" hint="A URL, #12 or 12." errors={errors?.pullRequest}>
          <input id="pullRequest" name="pullRequest" />
        </FormField>
        <FormField id="commitSha" label="Commit SHA" hint="The merge commit; 7 to 64 hex characters." errors={errors?.commitSha}>
          <input id="commitSha" name="commitSha" autoComplete="off" spellCheck={false} />
        </FormField>
      </div>
      <FormField id="mergedAt" label="Merged at (UTC)" hint="Date and time in UTC, not your local time." errors={errors?.mergedAt}>
        <input id="mergedAt" name="mergedAt" type="datetime-local" />
      </FormField>
      <div className="toolbar">
        <FormField id="approvedBy" label="Approved by" hint="Who approved the change (reviewer)." errors={errors?.approvedBy}>
          <input id="approvedBy" name="approvedBy" />
        </FormField>
        <FormField id="ticket" label="Change ticket" hint="Such as CHG-123 or a URL." errors={errors?.ticket}>
          <input id="ticket" name="ticket" />
        </FormField>
      </div>
      <button type="submit" disabled={pending || Boolean(savedId)}>
        {pending ? "Saving…" : "Record change"}
      </button>
    </form>
  );
}
