"use client";

import { useActionState } from "react";
import { verifyChainAction } from "@/app/(app)/audit-log/actions";

/** Re-checks the chain and the newest checkpoint on the server; shows the same message as the API and audit:verify. */
export function VerifyChainButton() {
  const [state, formAction, pending] = useActionState(verifyChainAction, null);
  const check = state?.ok ? state.data : undefined;
  return (
    <form action={formAction} aria-label="Verify the audit log">
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Verifying…" : "Verify chain"}
      </button>
      {state && !state.ok && (
        <div role="alert" className="alert error">
          {state.error.message}
        </div>
      )}
      {check?.ok && (
        <div role="status" className="alert success">
          {check.message}
        </div>
      )}
      {check && !check.ok && (
        <div role="alert" className="alert error">
          {check.message}
        </div>
      )}
    </form>
  );
}
