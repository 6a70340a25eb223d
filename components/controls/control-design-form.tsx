"use client";

import { useActionState } from "react";
import { saveControlDesign } from "@/app/(app)/controls/actions";
import { FormField } from "@/components/ui/form-field";
import { DESIGN_STATUSES, DESIGN_STATUS_LABELS, FREQUENCIES, FREQUENCY_LABELS } from "@/lib/validations/control";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { Options } from "@/components/ui/options";

interface Initial {
  designStatus: string;
  justification: string;
  frequency: string;
  operatesSince: string;
  owner: string;
  notes: string;
}

export function ControlDesignForm({ code, initial }: { code: string; initial: Initial }) {
  const [state, formAction, pending] = useActionState(saveControlDesign, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} noValidate>
      <input type="hidden" name="code" value={code} />
      <FormMessages state={state} />
      <FormField id="designStatus" label="Design status" errors={errors?.designStatus}>
        <select id="designStatus" name="designStatus" defaultValue={initial.designStatus}>
          <Options values={DESIGN_STATUSES} labels={DESIGN_STATUS_LABELS} />
        </select>
      </FormField>
      <FormField id="justification" label="Justification" hint="Required when the control does not apply." errors={errors?.justification}>
        <textarea id="justification" name="justification" defaultValue={initial.justification} />
      </FormField>
      <FormField id="frequency" label="Frequency" errors={errors?.frequency}>
        <select id="frequency" name="frequency" defaultValue={initial.frequency}>
          <Options values={FREQUENCIES} labels={FREQUENCY_LABELS} />
        </select>
      </FormField>
      <FormField
        id="operatesSince"
        label="Operates since"
        hint="The date from which the control operates (Type II counts from here)."
        errors={errors?.operatesSince}
      >
        <input id="operatesSince" name="operatesSince" type="date" defaultValue={initial.operatesSince} />
      </FormField>
      <FormField id="owner" label="Owner" errors={errors?.owner}>
        <input id="owner" name="owner" defaultValue={initial.owner} />
      </FormField>
      <FormField id="notes" label="Notes" errors={errors?.notes}>
        <textarea id="notes" name="notes" defaultValue={initial.notes} />
      </FormField>
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
