"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { createFeatureAction, updateFeatureAction } from "@/app/(app)/inventory/actions";
import { FormField } from "@/components/ui/form-field";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { VendorRows, type VendorLink } from "@/components/inventory/vendor-rows";
import {
  DATA_CATEGORIES,
  DATA_CATEGORY_LABELS,
  FEATURE_STATUSES,
  FLAGS,
  FLAG_LABELS,
  IMPACTS,
  IMPACT_LABELS,
  INVOKERS,
  INVOKER_LABELS,
} from "@/lib/validations/feature";

export interface FeatureFormValues {
  name: string;
  owner: string;
  status: string;
  purpose: string;
  inputData: string[];
  inputNotes: string;
  outputs: string;
  invokers: string[];
  vendors: VendorLink[];
  failureImpact: string;
  failureNotes: string;
  flags: Record<(typeof FLAGS)[number], boolean>;
  promptLogRetention: string;
}

export const EMPTY_FEATURE: FeatureFormValues = {
  name: "",
  owner: "",
  status: "ACTIVE",
  purpose: "",
  inputData: [],
  inputNotes: "",
  outputs: "",
  invokers: [],
  vendors: [],
  failureImpact: "",
  failureNotes: "",
  flags: Object.fromEntries(FLAGS.map((f) => [f, false])) as FeatureFormValues["flags"],
  promptLogRetention: "",
};

/** The guide's six questions as one form; creating opens the new feature, editing opens it again. */
export function FeatureForm({ slug, initial, vendorNames }: { slug?: string; initial: FeatureFormValues; vendorNames: string[] }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(slug ? updateFeatureAction : createFeatureAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const savedSlug = state?.ok ? (state.data as { slug: string } | undefined)?.slug : undefined;
  useEffect(() => {
    if (savedSlug) router.push(`/inventory/${savedSlug}`);
  }, [savedSlug, router]);
  const groupError = (id: string) =>
    errors?.[id]?.length ? (
      <span id={`${id}-error`} className="error">
        {errors[id][0]}
      </span>
    ) : null;
  return (
    <form noValidate aria-label={slug ? "Edit feature" : "New feature"} action={formAction} onSubmit={submitKeepingFields(formAction)}>
      {slug && <input type="hidden" name="slug" value={slug} />}
      {state && !state.ok && (
        <div role="alert" className="alert error">
          {state.error.message}
        </div>
      )}
      <FormField id="name" label="Name" errors={errors?.name}>
        <input id="name" name="name" defaultValue={initial.name} />
      </FormField>
      <FormField id="owner" label="Owner" hint="The team or person accountable for the feature." errors={errors?.owner}>
        <input id="owner" name="owner" defaultValue={initial.owner} />
      </FormField>
      <FormField id="status" label="Status" errors={errors?.status}>
        <select id="status" name="status" defaultValue={initial.status}>
          {FEATURE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s === "ACTIVE" ? "Active" : "Retired"}
            </option>
          ))}
        </select>
      </FormField>

      <fieldset>
        <legend>What does it do?</legend>
        <FormField id="purpose" label="Purpose" errors={errors?.purpose}>
          <textarea id="purpose" name="purpose" defaultValue={initial.purpose} />
        </FormField>
      </fieldset>

      <fieldset aria-describedby={errors?.inputData?.length ? "inputData-error" : undefined}>
        <legend>What data enters the prompt?</legend>
        {DATA_CATEGORIES.map((c) => (
          <label key={c} style={{ display: "block" }}>
            <input type="checkbox" name="inputData" value={c} defaultChecked={initial.inputData.includes(c)} /> {DATA_CATEGORY_LABELS[c]}
          </label>
        ))}
        {groupError("inputData")}
        <FormField id="inputNotes" label="Notes on the data" errors={errors?.inputNotes}>
          <textarea id="inputNotes" name="inputNotes" defaultValue={initial.inputNotes} />
        </FormField>
      </fieldset>

      <fieldset>
        <legend>What comes out and where does it go?</legend>
        <FormField id="outputs" label="Outputs and where they go" errors={errors?.outputs}>
          <textarea id="outputs" name="outputs" defaultValue={initial.outputs} />
        </FormField>
      </fieldset>

      <fieldset aria-describedby={errors?.invokers?.length ? "invokers-error" : undefined}>
        <legend>Who or what can invoke it?</legend>
        {INVOKERS.map((i) => (
          <label key={i} style={{ display: "block" }}>
            <input type="checkbox" name="invokers" value={i} defaultChecked={initial.invokers.includes(i)} /> {INVOKER_LABELS[i]}
          </label>
        ))}
        {groupError("invokers")}
      </fieldset>

      <VendorRows initial={initial.vendors} vendorNames={vendorNames} errors={errors?.vendors} />

      <fieldset aria-describedby={errors?.failureImpact?.length ? "failureImpact-error" : undefined}>
        <legend>What happens if it is wrong?</legend>
        {IMPACTS.map((i) => (
          <label key={i} style={{ display: "block" }}>
            <input type="radio" name="failureImpact" value={i} defaultChecked={initial.failureImpact === i} /> {IMPACT_LABELS[i]}
          </label>
        ))}
        {groupError("failureImpact")}
        <FormField id="failureNotes" label="What a wrong output would cause" errors={errors?.failureNotes}>
          <textarea id="failureNotes" name="failureNotes" defaultValue={initial.failureNotes} />
        </FormField>
      </fieldset>

      <fieldset>
        <legend>Flags that decide which controls apply</legend>
        {FLAGS.map((f) => (
          <label key={f} style={{ display: "block" }}>
            <input type="checkbox" name={f} defaultChecked={initial.flags[f]} /> {FLAG_LABELS[f]}
          </label>
        ))}
        <FormField
          id="promptLogRetention"
          label="Prompt-log retention"
          hint="How long prompts and responses are kept, if they are logged (for example: 30 days, then deleted)."
          errors={errors?.promptLogRetention}
        >
          <input id="promptLogRetention" name="promptLogRetention" defaultValue={initial.promptLogRetention} />
        </FormField>
      </fieldset>

      <button type="submit" disabled={pending || Boolean(savedSlug)}>
        {pending ? "Saving…" : slug ? "Save changes" : "Create feature"}
      </button>
    </form>
  );
}
