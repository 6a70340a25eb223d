"use client";

import { useActionState } from "react";
import { recordSoc2ReportAction } from "@/app/(app)/vendors/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessages } from "@/components/ui/form-messages";
import { Options } from "@/components/ui/options";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { REPORT_TYPE_LABELS, SOC2_REPORT_TYPES, type Soc2ReportType } from "@/lib/vendors/subservice";

/** A SOC 2 report item's type and the bridge letter (evidence already uploaded) that carries it forward. */
export function Soc2ReportForm(props: {
  vendorId: string;
  itemId: string;
  title: string;
  reportType: Soc2ReportType | null;
  bridgeLetter: string | null;
  evidence: { id: string; title: string; status: string; control: string }[];
}) {
  const [state, formAction, pending] = useActionState(recordSoc2ReportAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const id = `report-${props.itemId}`;
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} noValidate aria-label={`Report facts: ${props.title}`}>
      <input type="hidden" name="id" value={props.vendorId} />
      <input type="hidden" name="item" value={props.itemId} />
      <FormMessages state={state} />
      <div className="toolbar">
        <FormField id={`${id}-type`} label="Report type" errors={errors?.reportType}>
          <select id={`${id}-type`} name="reportType" defaultValue={props.reportType ?? ""}>
            <option value="">Not recorded</option>
            <Options values={SOC2_REPORT_TYPES} labels={REPORT_TYPE_LABELS} />
          </select>
        </FormField>
        <FormField
          id={`${id}-bridge`}
          label="Bridge letter"
          hint="Covers from the day after the report period, up to the day the letter was issued."
          errors={errors?.bridgeLetter}
        >
          <select id={`${id}-bridge`} name="bridgeLetter" defaultValue={props.bridgeLetter ?? ""}>
            <option value="">None</option>
            {props.evidence.map((e) => (
              <option key={e.id} value={e.id}>
                {e.title} ({e.control}, {e.status === "ACCEPTED" ? "accepted" : "awaiting review"})
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save report facts"}
      </button>
    </form>
  );
}
