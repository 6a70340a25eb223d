"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { createVendorAction, updateVendorAction } from "@/app/(app)/vendors/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";

export interface VendorFormValues {
  id?: string;
  name: string;
  website: string | null;
  securityContact: string | null;
  zeroRetention: boolean | null;
  trainingOptOut: boolean | null;
  dataRegion: string | null;
  transferSafeguards: string | null;
  incidentNotification: string | null;
  notes: string | null;
}

const answer = (v: boolean | null) => (v === null ? "" : v ? "yes" : "no");

function YesNo({ name, legend, value, errors }: { name: string; legend: string; value: boolean | null; errors?: string[] }) {
  return (
    <fieldset aria-describedby={errors?.length ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {[
        ["yes", "Yes"],
        ["no", "No"],
        ["", "Not known yet"],
      ].map(([v, label]) => (
        <label key={v} style={{ marginRight: 12 }}>
          <input type="radio" name={name} value={v} defaultChecked={answer(value) === v} /> {label}
        </label>
      ))}
      {errors?.length ? (
        <span id={`${name}-error`} className="error">
          {errors[0]}
        </span>
      ) : null}
    </fieldset>
  );
}

/** Create or edit a vendor: contact, the DPA's terms and the incident notification commitment. */
export function VendorForm({ initial }: { initial: VendorFormValues }) {
  const router = useRouter();
  const editing = Boolean(initial.id);
  const [state, formAction, pending] = useActionState(editing ? updateVendorAction : createVendorAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const savedId = state?.ok ? state.data?.id : undefined;
  useEffect(() => {
    if (savedId) router.push(`/vendors/${savedId}`);
  }, [savedId, router]);
  const text = (name: keyof VendorFormValues, label: string, hint?: string, long = false) => (
    <FormField id={name} label={label} hint={hint} errors={errors?.[name]}>
      {long ? (
        <textarea id={name} name={name} defaultValue={(initial[name] as string | null) ?? ""} />
      ) : (
        <input id={name} name={name} defaultValue={(initial[name] as string | null) ?? ""} />
      )}
    </FormField>
  );
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} noValidate aria-label={editing ? "Edit vendor" : "New vendor"}>
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <FormMessages state={state} />
      {text("name", "Name")}
      {text("website", "Website", "A full URL, such as https://vendor.example.")}
      {text("securityContact", "Security contact", "Where to report a security issue: an address or a page.")}
      <fieldset>
        <legend>DPA terms (AI-CONF-02, AI-PRIV-04)</legend>
        <YesNo
          name="zeroRetention"
          legend="Zero retention of prompts and outputs?"
          value={initial.zeroRetention}
          errors={errors?.zeroRetention}
        />
        <YesNo
          name="trainingOptOut"
          legend="Opted out of training on our data?"
          value={initial.trainingOptOut}
          errors={errors?.trainingOptOut}
        />
        {text("dataRegion", "Data region", "Where the vendor processes and stores the data, such as EU or US.")}
        {text("transferSafeguards", "Transfer safeguards", "For cross-border transfers: SCCs, a transfer impact assessment…", true)}
      </fieldset>
      {text("incidentNotification", "Incident notification commitment", "How and how fast the vendor tells you about an incident.", true)}
      {text("notes", "Notes", undefined, true)}
      <button type="submit" disabled={pending || Boolean(savedId)}>
        {pending ? "Saving…" : editing ? "Save vendor" : "Create vendor"}
      </button>
    </form>
  );
}
