"use client";

import { useActionState } from "react";
import { setFallbackStrategyAction } from "@/app/(app)/vendors/actions";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";

/** One dependent feature's fallback strategy when this vendor is unavailable (AI-AVL-01). */
export function FallbackForm(props: { vendorId: string; feature: { slug: string; name: string }; fallbackStrategy: string | null }) {
  const [state, formAction, pending] = useActionState(setFallbackStrategyAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const id = `fallback-${props.feature.slug}`;
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} noValidate aria-label={`Fallback for ${props.feature.name}`}>
      <input type="hidden" name="id" value={props.vendorId} />
      <input type="hidden" name="feature" value={props.feature.slug} />
      <FormMessages state={state} />
      <div className="field">
        <label htmlFor={id}>Fallback strategy for {props.feature.name}</label>
        <textarea
          id={id}
          name="fallbackStrategy"
          defaultValue={props.fallbackStrategy ?? ""}
          aria-invalid={errors?.fallbackStrategy ? true : undefined}
        />
      </div>
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save fallback"}
      </button>
    </form>
  );
}
