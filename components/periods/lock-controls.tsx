"use client";

import { useActionState } from "react";
import { lockPeriodAction, unlockPeriodAction } from "@/app/(app)/periods/[periodId]/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { UNLOCK_REASON_MIN } from "@/lib/validations/exception";

/** Lock the period, after a confirmation: its coverage and exceptions are frozen from then on. */
export function LockPeriodButton({ periodId }: { periodId: string }) {
  const [state, formAction, pending] = useActionState(lockPeriodAction, null);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm("Lock this period? Its coverage, exceptions and responses are frozen as they stand now."))
          event.preventDefault();
      }}
      aria-label="Lock the period"
    >
      <input type="hidden" name="periodId" value={periodId} />
      <FormMessages state={state} />
      <button type="submit" disabled={pending}>
        {pending ? "Locking…" : "Lock period"}
      </button>
    </form>
  );
}

/** Unlock with a reason (audited); the figures are computed again from then on. */
export function UnlockPeriodForm({ periodId }: { periodId: string }) {
  const [state, formAction, pending] = useActionState(unlockPeriodAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} noValidate aria-label="Unlock the period">
      <input type="hidden" name="periodId" value={periodId} />
      <FormMessages state={state} />
      <FormField
        id="unlock-reason"
        label="Reason for unlocking"
        hint={`At least ${UNLOCK_REASON_MIN} characters; it goes into the audit log.`}
        errors={errors?.reason}
      >
        <textarea id="unlock-reason" name="reason" rows={2} maxLength={1000} />
      </FormField>
      <button type="submit" className="danger" disabled={pending}>
        {pending ? "Unlocking…" : "Unlock period"}
      </button>
    </form>
  );
}
