"use client";

import { useActionState, useState } from "react";
import { confirmMapping } from "@/app/(app)/mapping/actions";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";

/** Confirm that a control applies to a feature, or that it does not (with a justification). */
export function MappingDecision({ slug, code, applies }: { slug: string; code: string; applies: boolean | null }) {
  const [notApplicable, setNotApplicable] = useState(false);
  const [state, formAction, pending] = useActionState(
    async (previous: Awaited<ReturnType<typeof confirmMapping>> | null, data: FormData) => {
      const result = await confirmMapping(previous, data);
      // Once saved, the row shows the decision; the justification form closes.
      if (result.ok) setNotApplicable(false);
      return result;
    },
    null,
  );
  const errorId = `mapping-${code}-error`;
  return (
    <div className="mapping-decision">
      {!notApplicable ? (
        <div style={{ display: "flex", gap: 6, flexWrap: "wrap" }}>
          {applies !== true && (
            <form action={formAction} onSubmit={submitKeepingFields(formAction)}>
              <input type="hidden" name="slug" value={slug} />
              <input type="hidden" name="code" value={code} />
              <input type="hidden" name="applies" value="true" />
              <button type="submit" className="secondary" disabled={pending} aria-label={`Confirm ${code} applies`}>
                Applies
              </button>
            </form>
          )}
          {applies !== false && (
            <button type="button" className="secondary" onClick={() => setNotApplicable(true)} aria-label={`Does not apply… (${code})`}>
              Does not apply…
            </button>
          )}
        </div>
      ) : (
        <form action={formAction} onSubmit={submitKeepingFields(formAction)} aria-label={`Why ${code} does not apply`}>
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="code" value={code} />
          <input type="hidden" name="applies" value="false" />
          <label htmlFor={`justification-${code}`}>Why does {code} not apply?</label>
          <textarea
            id={`justification-${code}`}
            name="justification"
            aria-invalid={state && !state.ok ? true : undefined}
            aria-describedby={state && !state.ok ? errorId : undefined}
          />
          <div style={{ display: "flex", gap: 6, marginTop: 4 }}>
            <button type="submit" disabled={pending}>
              Save as not applicable
            </button>
            <button type="button" className="secondary" onClick={() => setNotApplicable(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {state && !state.ok && (
        <p id={errorId} role="alert" className="field-error">
          {state.error.message}
        </p>
      )}
      {state?.ok && (
        <p role="status" className="muted">
          {state.message}
        </p>
      )}
    </div>
  );
}
