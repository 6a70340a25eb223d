"use client";

import { useActionState } from "react";
import { writeResponseAction } from "@/app/(app)/periods/[periodId]/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { RESPONSE_MAX } from "@/lib/validations/exception";

/** Management's response to one exception: written or edited in place by a compliance lead. */
export function ResponseForm(props: { periodId: string; exceptionId: string; index: number; response: string }) {
  const [state, formAction, pending] = useActionState(writeResponseAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const id = `response-${props.index}`;
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} noValidate aria-label={`Response to exception ${props.index}`}>
      <input type="hidden" name="periodId" value={props.periodId} />
      <input type="hidden" name="exceptionId" value={props.exceptionId} />
      <FormMessages state={state} />
      <FormField id={id} label={`Response to exception ${props.index}`} errors={errors?.response}>
        <textarea id={id} name="response" rows={3} maxLength={RESPONSE_MAX} defaultValue={props.response} />
      </FormField>
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? "Saving…" : props.response ? "Save response" : "Add response"}
      </button>
    </form>
  );
}
