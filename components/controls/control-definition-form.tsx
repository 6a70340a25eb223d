"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { createCustomControlAction, updateControlDefinitionAction } from "@/app/(app)/controls/actions";
import { FormField } from "@/components/ui/form-field";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { CATEGORIES, CATEGORY_LABELS, FREQUENCIES, FREQUENCY_LABELS } from "@/lib/validations/control";
import { FormMessages } from "@/components/ui/form-messages";
import { Options } from "@/components/ui/options";

export interface CriterionOption {
  id: string;
  title: string;
  category: string;
}

export interface ControlDefinition {
  code: string;
  title: string;
  description: string;
  category: string;
  criteria: string[];
  frequency: string;
  expectedEvidence: string;
}

/**
 * Creates a custom control (mode "create") or edits a control's definition (mode "edit"). For the
 * guide's controls (`textEditable` false) only the criteria mapping is editable.
 */
export function ControlDefinitionForm({
  mode,
  initial,
  criteria,
  textEditable = true,
}: {
  mode: "create" | "edit";
  initial: ControlDefinition;
  criteria: CriterionOption[];
  textEditable?: boolean;
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(mode === "create" ? createCustomControlAction : updateControlDefinitionAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const savedCode = state?.ok ? state.data?.code : undefined;

  useEffect(() => {
    if (savedCode) router.push(`/controls/${encodeURIComponent(savedCode)}`);
  }, [savedCode, router]);

  return (
    <form
      action={formAction}
      onSubmit={submitKeepingFields(formAction)}
      noValidate
      aria-label={mode === "create" ? "New control" : "Edit control"}
    >
      {mode === "edit" && <input type="hidden" name="code" value={initial.code} />}
      <FormMessages state={state} />
      {mode === "create" && (
        <FormField id="code" label="Code" hint="Capital letters, digits and hyphens, unique: such as ACME-SEC-01." errors={errors?.code}>
          <input id="code" name="code" defaultValue={initial.code} autoComplete="off" required />
        </FormField>
      )}
      {textEditable && (
        <>
          <FormField id="title" label="Title" errors={errors?.title}>
            <input id="title" name="title" defaultValue={initial.title} required />
          </FormField>
          <FormField id="description" label="Description" errors={errors?.description}>
            <textarea id="description" name="description" defaultValue={initial.description} required />
          </FormField>
          <FormField id="category" label="Category" errors={errors?.category}>
            <select id="category" name="category" defaultValue={initial.category}>
              <Options values={CATEGORIES} labels={CATEGORY_LABELS} />
            </select>
          </FormField>
        </>
      )}
      <fieldset
        className="field"
        aria-describedby={errors?.criteria ? "criteria-error" : "criteria-hint"}
        aria-invalid={errors?.criteria ? true : undefined}
      >
        <legend>Criteria supported</legend>
        <span id="criteria-hint" className="hint">
          At least one official Trust Services criterion.
        </span>
        {errors?.criteria && (
          <span id="criteria-error" className="error">
            {errors.criteria[0]}
          </span>
        )}
        {CATEGORIES.map((category) => (
          <div key={category} role="group" aria-label={`${CATEGORY_LABELS[category]} criteria`} style={{ marginTop: 8 }}>
            <strong>{CATEGORY_LABELS[category]}</strong>
            {criteria
              .filter((c) => c.category === category)
              .map((c) => (
                <label key={c.id} style={{ display: "block", fontWeight: "normal" }}>
                  <input type="checkbox" name="criteria" value={c.id} defaultChecked={initial.criteria.includes(c.id)} /> {c.id}{" "}
                  <span className="muted">{c.title}</span>
                </label>
              ))}
          </div>
        ))}
      </fieldset>
      {textEditable && (
        <>
          <FormField id="frequency" label="Frequency" errors={errors?.frequency}>
            <select id="frequency" name="frequency" defaultValue={initial.frequency}>
              <Options values={FREQUENCIES} labels={FREQUENCY_LABELS} />
            </select>
          </FormField>
          <FormField id="expectedEvidence" label="Expected evidence" errors={errors?.expectedEvidence}>
            <textarea id="expectedEvidence" name="expectedEvidence" defaultValue={initial.expectedEvidence} required />
          </FormField>
        </>
      )}
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : mode === "create" ? "Create control" : "Save"}
      </button>
    </form>
  );
}
