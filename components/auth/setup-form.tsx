"use client";

import { useActionState } from "react";
import Link from "next/link";
import { createFirstAdmin } from "@/app/(auth)/setup/actions";
import { FormField } from "@/components/ui/form-field";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";

export function SetupForm({ passwordRule }: { passwordRule: string }) {
  const [state, formAction, pending] = useActionState(createFirstAdmin, null);
  if (state?.ok) {
    return (
      <div role="status" className="alert success">
        {state.message} <Link href="/signin">Go to sign-in</Link>
      </div>
    );
  }
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} noValidate>
      {state && !state.ok && (
        <div role="alert" className="alert error">
          {state.error.message}
        </div>
      )}
      <FormField
        id="setupCode"
        label="Setup code"
        hint="The one-time code that npm start printed to its console (also in the file setup-code in the data folder)."
        errors={errors?.setupCode}
      >
        <input id="setupCode" name="setupCode" autoComplete="one-time-code" spellCheck={false} required />
      </FormField>
      <FormField id="name" label="Your name" errors={errors?.name}>
        <input id="name" name="name" autoComplete="name" required />
      </FormField>
      <FormField id="email" label="E-mail" errors={errors?.email}>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </FormField>
      <FormField id="password" label="Password" hint={`Use ${passwordRule}.`} errors={errors?.password}>
        <input id="password" name="password" type="password" autoComplete="new-password" required />
      </FormField>
      <button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create administrator"}
      </button>
    </form>
  );
}
