"use client";

import { useActionState } from "react";
import { createUserAction } from "@/app/(app)/settings/users/actions";
import { FormField } from "@/components/ui/form-field";
import { ROLES, ROLE_LABELS } from "@/lib/permissions";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { Options } from "@/components/ui/options";

export function CreateUserForm({ passwordRule }: { passwordRule: string }) {
  const [state, formAction, pending] = useActionState(createUserAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} noValidate key={state?.ok ? state.message : "form"}>
      <FormMessages state={state} />
      <FormField id="new-name" label="Name" errors={errors?.name}>
        <input id="new-name" name="name" required />
      </FormField>
      <FormField id="new-email" label="E-mail" errors={errors?.email}>
        <input id="new-email" name="email" type="email" required />
      </FormField>
      <FormField id="new-role" label="Role" errors={errors?.role}>
        <select id="new-role" name="role" defaultValue="ENGINEER">
          <Options values={ROLES} labels={ROLE_LABELS} />
        </select>
      </FormField>
      <FormField
        id="new-password"
        label="Initial password"
        hint={`Use ${passwordRule}. Share it with the person privately.`}
        errors={errors?.password}
      >
        <input id="new-password" name="password" type="password" autoComplete="new-password" required />
      </FormField>
      <button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add user"}
      </button>
    </form>
  );
}
