"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { createPeriodAction, updatePeriodAction } from "@/app/(app)/periods/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { CATEGORIES, CATEGORY_LABELS } from "@/lib/validations/control";
import { PERIOD_TYPES, PERIOD_TYPE_LABELS } from "@/lib/validations/period";
import { FeatureScopeFieldset } from "@/components/ui/feature-scope-fieldset";

export interface PeriodFormValues {
  id?: string;
  name: string;
  type: string;
  start: string;
  end: string;
  categories: string[];
  features: string[];
  auditors: string[];
}

/** Create or edit an audit period: type, window, categories (Security always), features and auditors in scope. */
export function PeriodForm(props: {
  initial: PeriodFormValues;
  features: { slug: string; name: string }[];
  auditors: { email: string; name: string }[];
}) {
  const router = useRouter();
  const editing = Boolean(props.initial.id);
  const [state, formAction, pending] = useActionState(editing ? updatePeriodAction : createPeriodAction, null);
  const [type, setType] = useState(props.initial.type);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const savedId = state?.ok ? state.data?.id : undefined;
  useEffect(() => {
    if (savedId) router.push("/periods");
  }, [savedId, router]);
  const groupError = (name: string) =>
    errors?.[name]?.length ? (
      <span id={`${name}-error`} className="error">
        {errors[name][0]}
      </span>
    ) : null;
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} noValidate aria-label={editing ? "Edit period" : "New period"}>
      {props.initial.id && <input type="hidden" name="id" value={props.initial.id} />}
      <FormMessages state={state} />
      <FormField id="name" label="Name" errors={errors?.name}>
        <input id="name" name="name" defaultValue={props.initial.name} />
      </FormField>
      <fieldset aria-describedby={errors?.type ? "type-error" : undefined}>
        <legend>Report type</legend>
        {PERIOD_TYPES.map((t) => (
          <label key={t} style={{ display: "block" }}>
            <input type="radio" name="type" value={t} checked={type === t} onChange={() => setType(t)} /> {PERIOD_TYPE_LABELS[t]}
          </label>
        ))}
        {groupError("type")}
      </fieldset>
      <div className="toolbar">
        <FormField id="start" label={type === "TYPE_I" ? "As of" : "Start"} errors={errors?.start}>
          <input id="start" name="start" type="date" defaultValue={props.initial.start} />
        </FormField>
        {type === "TYPE_II" && (
          <FormField id="end" label="End (inclusive)" errors={errors?.end}>
            <input id="end" name="end" type="date" defaultValue={props.initial.end} />
          </FormField>
        )}
      </div>
      <fieldset aria-describedby={errors?.categories ? "categories-error" : undefined}>
        <legend>Trust Services categories in scope</legend>
        {CATEGORIES.map((c) => (
          <label key={c} style={{ display: "block" }}>
            <input type="checkbox" name="categories" value={c} defaultChecked={props.initial.categories.includes(c)} /> {CATEGORY_LABELS[c]}
            {c === "SECURITY" ? " (always in scope)" : ""}
          </label>
        ))}
        {groupError("categories")}
      </fieldset>
      <FeatureScopeFieldset features={props.features} selected={props.initial.features} errors={errors?.features} />
      <fieldset aria-describedby={errors?.auditors ? "auditors-error" : undefined}>
        <legend>Auditors given access</legend>
        {props.auditors.length === 0 ? (
          <p className="muted">No account has the Auditor role yet; an admin can create one under Users.</p>
        ) : (
          props.auditors.map((a) => (
            <label key={a.email} style={{ display: "block" }}>
              <input type="checkbox" name="auditors" value={a.email} defaultChecked={props.initial.auditors.includes(a.email)} /> {a.name} (
              {a.email})
            </label>
          ))
        )}
        {groupError("auditors")}
      </fieldset>
      <button type="submit" disabled={pending || Boolean(savedId)}>
        {pending ? "Saving…" : editing ? "Save period" : "Create period"}
      </button>
    </form>
  );
}
