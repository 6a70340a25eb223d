"use client";

import { useActionState } from "react";
import { renameUserAction, resetPasswordAction } from "@/app/(app)/settings/users/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";

/** An admin's corrections to one user's account, folded away in their row: a new name, a new password. */
export function UserAccountForms({
  userId,
  email,
  name,
  passwordRule,
}: {
  userId: string;
  email: string;
  name: string;
  passwordRule: string;
}) {
  const [renameState, renameAction, renamePending] = useActionState(renameUserAction, null);
  const [resetState, resetAction, resetPending] = useActionState(resetPasswordAction, null);
  const renameErrors = renameState && !renameState.ok ? renameState.fieldErrors : undefined;
  const resetErrors = resetState && !resetState.ok ? resetState.fieldErrors : undefined;
  return (
    <details className="user-account">
      <summary>Rename or reset password</summary>
      <form action={renameAction} onSubmit={submitKeepingFields(renameAction)} noValidate aria-label={`Rename ${email}`}>
        <FormMessages state={renameState} />
        <input type="hidden" name="userId" value={userId} />
        <FormField id={`name-${userId}`} label={`Name of ${email}`} errors={renameErrors?.name}>
          <input id={`name-${userId}`} name="name" defaultValue={name} required />
        </FormField>
        <button type="submit" className="secondary" disabled={renamePending}>
          {renamePending ? "Renaming…" : "Rename"}
        </button>
      </form>
      <form
        action={resetAction}
        onSubmit={submitKeepingFields(resetAction)}
        noValidate
        aria-label={`Reset the password of ${email}`}
        key={resetState?.ok ? resetState.message : "reset"}
      >
        <FormMessages state={resetState} />
        <input type="hidden" name="userId" value={userId} />
        <FormField
          id={`password-${userId}`}
          label={`New password for ${email}`}
          hint={`Use ${passwordRule}. Their sessions end; share it with them privately.`}
          errors={resetErrors?.password}
        >
          <input id={`password-${userId}`} name="password" type="password" autoComplete="new-password" required />
        </FormField>
        <button type="submit" className="danger" disabled={resetPending}>
          {resetPending ? "Resetting…" : "Reset password"}
        </button>
      </form>
    </details>
  );
}
