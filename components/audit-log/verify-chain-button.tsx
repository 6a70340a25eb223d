"use client";

import { useActionState } from "react";
import { verifyChainAction } from "@/app/(app)/audit-log/actions";

/** Re-checks every hash link on the server and says whether the chain is intact, or where it breaks. */
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
      {check?.intact && (
        <div role="status" className="alert success">
          Chain intact: {check.entries} {check.entries === 1 ? "entry" : "entries"}
        </div>
      )}
      {check && !check.intact && (
        <div role="alert" className="alert error">
          Chain broken at entry #{check.brokenAt}: {check.reason}
        </div>
      )}
    </form>
  );
}
