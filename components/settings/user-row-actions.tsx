"use client";

import { useActionState } from "react";
import { changeRoleAction, setDisabledAction } from "@/app/(app)/settings/users/actions";
import { ROLES, ROLE_LABELS, type RoleName } from "@/lib/permissions";
import { Options } from "@/components/ui/options";

export function UserRowActions({
  userId,
  email,
  role,
  disabled,
  isSelf,
}: {
  userId: string;
  email: string;
  role: RoleName;
  disabled: boolean;
  isSelf: boolean;
}) {
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, null);
  const [disableState, disableAction, disablePending] = useActionState(setDisabledAction, null);
  const state = disableState ?? roleState;
  return (
    <div style={{ display: "flex", gap: 8, flexWrap: "wrap", alignItems: "center" }}>
      <form action={roleAction} style={{ display: "flex", gap: 4 }}>
        <input type="hidden" name="userId" value={userId} />
        <label className="sr-only" htmlFor={`role-${userId}`}>
          Role of {email}
        </label>
        <select id={`role-${userId}`} name="role" defaultValue={role}>
          <Options values={ROLES} labels={ROLE_LABELS} />
        </select>
        <button type="submit" className="secondary" disabled={rolePending}>
          Change role
        </button>
      </form>
      {!isSelf && (
        <form action={disableAction}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
          <button type="submit" className={disabled ? "secondary" : "danger"} disabled={disablePending}>
            {disabled ? "Enable" : "Disable"}
          </button>
        </form>
      )}
      {state && (
        <span
          role={state.ok ? "status" : "alert"}
          className={state.ok ? "muted" : "error"}
          style={state.ok ? undefined : { color: "var(--danger)" }}
        >
          {state.ok ? state.message : state.error.message}
        </span>
      )}
    </div>
  );
}
