"use client";

import { useActionState } from "react";
import { saveOrganisationAction } from "@/app/(app)/settings/organisation/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";

/** The organisation's time zone, chosen from the IANA zones the server knows. */
export function OrganisationForm({ timeZone, zones }: { timeZone: string; zones: string[] }) {
  const [state, formAction, pending] = useActionState(saveOrganisationAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} noValidate>
      <FormMessages state={state} />
      <FormField
        id="org-time-zone"
        label="Time zone"
        hint="An IANA zone such as Europe/Berlin. Dates already recorded do not change."
        errors={errors?.timeZone}
      >
        <select id="org-time-zone" name="timeZone" defaultValue={timeZone}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </FormField>
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
