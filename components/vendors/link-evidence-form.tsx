"use client";

import { useActionState } from "react";
import { linkPackageItemAction } from "@/app/(app)/vendors/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessages } from "@/components/ui/form-messages";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { KIND_LABELS, PACKAGE_KINDS } from "@/lib/vendors/package";
import { Options } from "@/components/ui/options";
import { EvidenceOptions, type EvidenceChoice } from "@/components/vendors/evidence-options";

/** Files evidence that already exists (submitted or accepted) as one of the vendor's package items. */
export function LinkEvidenceForm(props: { vendorId: string; evidence: EvidenceChoice[] }) {
  const [state, formAction, pending] = useActionState(linkPackageItemAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} noValidate aria-label="Link existing evidence">
      <input type="hidden" name="id" value={props.vendorId} />
      <FormMessages state={state} />
      <div className="toolbar">
        <FormField id="link-kind" label="Package item" errors={errors?.kind}>
          <select id="link-kind" name="kind" defaultValue="">
            <option value="">Choose…</option>
            <Options values={PACKAGE_KINDS} labels={KIND_LABELS} />
          </select>
        </FormField>
        <FormField id="link-evidence" label="Evidence" errors={errors?.evidence}>
          <select id="link-evidence" name="evidence" defaultValue="">
            <option value="">Choose…</option>
            <EvidenceOptions evidence={props.evidence} />
          </select>
        </FormField>
      </div>
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? "Linking…" : "Link evidence"}
      </button>
    </form>
  );
}
