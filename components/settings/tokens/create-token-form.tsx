"use client";

import { useActionState, useState } from "react";
import { createTokenAction } from "@/app/(app)/settings/tokens/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { ExpiryFields } from "@/components/settings/tokens/expiry-fields";
import { NewTokenSecret } from "@/components/settings/tokens/new-token-secret";
import { PERMISSIONS, ROLES, ROLE_LABELS } from "@/lib/permissions";
import { TOKEN_SCOPES, WIDE_TOKEN_LABELS, type CreatedToken } from "@/lib/validations/token";
import { Options } from "@/components/ui/options";
import type { TokenPerson } from "@/lib/tokens/queries";

interface CreateTokenState {
  result: Awaited<ReturnType<typeof createTokenAction>> | null;
  created?: CreatedToken;
}

/**
 * Name, role, optional scopes and expiry. On success the secret is shown once, above a fresh form;
 * it stays (in this page's memory only) until the next token is created or the page is left.
 */
export function CreateTokenForm({ people }: { people: TokenPerson[] }) {
  const [actsFor, setActsFor] = useState("");
  const person = people.find((p) => p.id === actsFor);
  const [{ result: state, created }, formAction, pending] = useActionState<CreateTokenState, FormData>(
    async (previous, data) => {
      const result = await createTokenAction(previous.result, data);
      return { result, created: result.ok ? result.data : previous.created };
    },
    { result: null },
  );
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <>
      {created && <NewTokenSecret key={created.id} name={created.name} secret={created.secret} />}
      <form action={formAction} onSubmit={submitKeepingFields(formAction)} noValidate key={created?.id ?? "form"}>
        <FormMessages state={state} />
        <FormField
          id="token-name"
          label="Name"
          hint="What uses the token, such as the CI job: it appears in the audit log."
          errors={errors?.name}
        >
          <input id="token-name" name="name" maxLength={100} required />
        </FormField>
        <FormField
          id="token-acts-for"
          label="Acts for"
          hint="A person: the token has their role and its uploads and reviews are theirs; it stops working if they are disabled or change role. No one: for a CI job; it cannot accept or reject evidence."
          errors={errors?.actsFor}
        >
          <select id="token-acts-for" name="actsFor" value={actsFor} onChange={(e) => setActsFor(e.target.value)}>
            <option value="">No one (a CI job or script)</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.email}, {ROLE_LABELS[p.role]})
              </option>
            ))}
          </select>
        </FormField>
        {person ? (
          <p className="hint muted" data-testid="token-person-role">
            Role: {ROLE_LABELS[person.role]}, {person.name}&apos;s own.
          </p>
        ) : (
          <FormField id="token-role" label="Role" hint="The token acts with this role's permissions." errors={errors?.role}>
            <select id="token-role" name="role" defaultValue="ENGINEER">
              <Options values={ROLES} labels={ROLE_LABELS} />
            </select>
          </FormField>
        )}
        <fieldset aria-describedby={["token-scopes-hint", errors?.scopes?.length ? "token-scopes-error" : null].filter(Boolean).join(" ")}>
          <legend>Scopes (optional)</legend>
          <p id="token-scopes-hint" className="hint muted">
            None ticked: the token has all of its role&apos;s permissions. Ticked: only those. A scope narrows the role and never adds to
            it, so tick only permissions the role has (listed after each).
          </p>
          <div className="grid-2" style={{ gap: 4 }}>
            {TOKEN_SCOPES.map((scope) => (
              <label key={scope} style={{ display: "block" }}>
                <input type="checkbox" name="scopes" value={scope} /> <code>{scope}</code>{" "}
                <span className="muted">({PERMISSIONS[scope].map((r) => ROLE_LABELS[r]).join(", ")})</span>
              </label>
            ))}
          </div>
          {errors?.scopes?.length ? (
            <p id="token-scopes-error" className="field-error">
              {errors.scopes[0]}
            </p>
          ) : null}
        </fieldset>
        <ExpiryFields errors={errors} />
        <FormField
          id="token-allow-admin"
          label={WIDE_TOKEN_LABELS.admin}
          hint="Needed for an Admin token: whoever holds it can manage users, tokens and settings."
          errors={errors?.allowAdmin}
        >
          <input id="token-allow-admin" name="allowAdmin" type="checkbox" />
        </FormField>
        <FormField
          id="token-allow-no-expiry"
          label={WIDE_TOKEN_LABELS.noExpiry}
          hint="Needed for “Never”: such a token works until someone revokes it."
          errors={errors?.allowNoExpiry}
        >
          <input id="token-allow-no-expiry" name="allowNoExpiry" type="checkbox" />
        </FormField>
        <button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </button>
      </form>
    </>
  );
}
