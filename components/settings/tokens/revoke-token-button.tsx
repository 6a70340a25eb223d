"use client";

import { useActionState } from "react";
import { revokeTokenAction } from "@/app/(app)/settings/tokens/actions";
import { FormMessages } from "@/components/ui/form-messages";

/** Revoke, after a confirmation. Stays mounted once the row turns revoked, so its message stays too. */
export function RevokeTokenButton({ tokenId, name, prefix, revoked }: { tokenId: string; name: string; prefix: string; revoked: boolean }) {
  const [state, formAction, pending] = useActionState(revokeTokenAction, null);
  if (revoked && !state) return null;
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(`Revoke the token "${name}" (${prefix}…)? Anything using it gets 401 from then on. This cannot be undone.`))
          event.preventDefault();
      }}
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      <FormMessages state={state} />
      {!revoked && (
        <button type="submit" className="danger" disabled={pending} aria-label={`Revoke ${name}`}>
          {pending ? "Revoking…" : "Revoke"}
        </button>
      )}
    </form>
  );
}
