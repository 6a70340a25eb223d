"use client";

import { useActionState, useState } from "react";
import { recordSoc2ReportAction } from "@/app/(app)/vendors/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessages } from "@/components/ui/form-messages";
import { Options } from "@/components/ui/options";
import { submitKeepingFields } from "@/components/ui/submit-keeping-fields";
import { EvidenceOptions, type EvidenceChoice } from "@/components/vendors/evidence-options";
import { REPORT_TYPE_LABELS, SOC2_REPORT_TYPES, type Soc2ReportType } from "@/lib/vendors/subservice";

export interface Soc2ReportChoice {
  id: string;
  title: string;
  evidenceId: string | null;
  reportType: Soc2ReportType | null;
  bridgeLetter: string | null;
}

/**
 * One form for a vendor's SOC 2 reports: choose the report, then its type and the bridge letter
 * (evidence already uploaded) that carries it forward. One form, not one per report, so that a
 * vendor with many reports on file keeps a small page.
 */
export function Soc2ReportForm(props: { vendorId: string; reports: Soc2ReportChoice[]; evidence: EvidenceChoice[] }) {
  const [state, formAction, pending] = useActionState(recordSoc2ReportAction, null);
  const [itemId, setItemId] = useState(props.reports[0]?.id ?? "");
  const report = props.reports.find((r) => r.id === itemId);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} onSubmit={submitKeepingFields(formAction)} noValidate aria-label="SOC 2 report facts">
      <input type="hidden" name="id" value={props.vendorId} />
      <FormMessages state={state} />
      <div className="toolbar">
        <FormField id="report-item" label="Report" errors={errors?.item}>
          <select id="report-item" name="item" value={itemId} onChange={(e) => setItemId(e.target.value)}>
            {props.reports.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
        </FormField>
        {/* Keyed by the report, so that choosing another one shows its own recorded facts. */}
        <FormField id="report-type" label="Report type" errors={errors?.reportType}>
          <select key={`type-${itemId}`} id="report-type" name="reportType" defaultValue={report?.reportType ?? ""}>
            <option value="">Not recorded</option>
            <Options values={SOC2_REPORT_TYPES} labels={REPORT_TYPE_LABELS} />
          </select>
        </FormField>
        <FormField
          id="report-bridge"
          label="Bridge letter"
          hint="Covers from the day after the report period, up to the day the letter was issued."
          errors={errors?.bridgeLetter}
        >
          <select key={`bridge-${itemId}`} id="report-bridge" name="bridgeLetter" defaultValue={report?.bridgeLetter ?? ""}>
            <option value="">None</option>
            <EvidenceOptions evidence={props.evidence.filter((e) => e.id !== report?.evidenceId)} />
          </select>
        </FormField>
      </div>
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save report facts"}
      </button>
    </form>
  );
}
