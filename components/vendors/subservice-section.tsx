import Link from "next/link";
import type { VendorJson } from "@/lib/vendors/service";
import type { ReadinessScope } from "@/lib/readiness/scope";
import { REPORT_TYPE_LABELS, reportCoverage, reportFacts, scopeLabel } from "@/lib/vendors/subservice";
import { EVIDENCE_STATUS_LABELS } from "@/lib/validations/evidence";
import { ScopeForm } from "@/components/vendors/scope-form";
import type { EvidenceChoice } from "@/components/vendors/evidence-options";
import { Soc2ReportForm } from "@/components/vendors/soc2-report-form";
import { AddCuecForm, CuecControlForm, RemoveCuecForm, type ControlChoice } from "@/components/vendors/cuec-forms";

interface Props {
  vendor: VendorJson;
  lead: boolean;
  period: Pick<ReadinessScope, "name" | "startDate" | "endDate"> | null;
  controls: ControlChoice[];
  evidence: EvidenceChoice[];
}

/** Scope, SOC 2 report facts and CUECs: what an auditor needs to know about a sub-service organisation. */
export function SubserviceSection({ vendor, lead, period, controls, evidence }: Props) {
  const carveOut = vendor.relationship === "SUBSERVICE" && vendor.subserviceMethod === "CARVE_OUT";
  const scope = vendor.relationship === "SUBSERVICE" && vendor.subserviceMethod ? vendor.subserviceMethod : "VENDOR";
  const reports = vendor.packageItems.filter((i) => i.kind === "SOC2_REPORT");
  const coverage = period && reportCoverage({ start: period.startDate, end: period.endDate }, reports.map(reportFacts));
  return (
    <>
      <section aria-labelledby="scope-heading" id="scope" className="card" style={{ marginTop: 24 }}>
        <h2 id="scope-heading">Scope</h2>
        <p data-field="scope">{scopeLabel(vendor)}</p>
        {lead && <ScopeForm vendorId={vendor.id} scope={scope} />}
      </section>

      <section aria-labelledby="soc2-heading" id="soc2-reports" style={{ marginTop: 24 }}>
        <h2 id="soc2-heading">SOC 2 reports</h2>
        {reports.length === 0 ? (
          <p className="muted">No SOC 2 report is filed yet: upload or link one as the package&apos;s SOC 2 report item above.</p>
        ) : (
          <ul className="plain">
            {reports.map((r) => (
              <li key={r.id} className="card" data-report={r.id}>
                <p>
                  {r.evidence ? <Link href={`/evidence/${r.evidence.id}`}>{r.evidence.title}</Link> : "No evidence linked"} —{" "}
                  {r.reportType ? REPORT_TYPE_LABELS[r.reportType] : "type not recorded"}; period covered:{" "}
                  {r.evidence?.validFrom && r.evidence.validUntil ? `${r.evidence.validFrom} to ${r.evidence.validUntil}` : "not given"}
                  {r.evidence ? ` (${EVIDENCE_STATUS_LABELS[r.evidence.status]})` : ""}. Bridge letter:{" "}
                  {r.bridgeLetter ? (
                    <>
                      <Link href={`/evidence/${r.bridgeLetter.id}`}>{r.bridgeLetter.title}</Link> (issued {r.bridgeLetter.effectiveDate},{" "}
                      {EVIDENCE_STATUS_LABELS[r.bridgeLetter.status]})
                    </>
                  ) : (
                    "none"
                  )}
                  .
                </p>
              </li>
            ))}
          </ul>
        )}
        {lead && reports.length > 0 && (
          <Soc2ReportForm
            vendorId={vendor.id}
            reports={reports.map((r) => ({
              id: r.id,
              title: `${r.evidence?.title ?? "No evidence linked"} (filed ${r.createdAt.slice(0, 10)})`,
              evidenceId: r.evidence?.id ?? null,
              reportType: r.reportType,
              bridgeLetter: r.bridgeLetter?.id ?? null,
            }))}
            evidence={evidence}
          />
        )}
        {vendor.relationship === "SUBSERVICE" && period && coverage && (
          <p data-testid="report-coverage">
            {period.name} ({period.startDate} to {period.endDate}):{" "}
            {coverage.gaps.length === 0 ? (
              <span className="badge IN_PLACE">Covered</span>
            ) : (
              <>
                <span className="badge MISSING">Gap</span> {coverage.reasons.join("; ")}.
              </>
            )}
          </p>
        )}
        <p className="muted">
          Only an accepted Type II report covers days of operation; a Type I covers none. A report ending more than three months before the
          audit period&apos;s end needs a bridge letter, which covers no day after it was issued. See docs/subservice-organisations.md.
        </p>
      </section>

      <section aria-labelledby="cuecs-heading" id="cuecs" style={{ marginTop: 24 }}>
        <h2 id="cuecs-heading">Complementary user entity controls (CUECs)</h2>
        {!carveOut && (
          <p className="muted">
            Only a carve-out sub-service organisation&apos;s report lists CUECs you must address
            {vendor.cuecs.length ? "; those below are not checked while the vendor is scoped otherwise" : ""}.
          </p>
        )}
        {carveOut && vendor.cuecs.length === 0 && (
          <p className="muted">No CUEC recorded yet: add each complementary user entity control the vendor&apos;s SOC 2 report lists.</p>
        )}
        {vendor.cuecs.length > 0 && (
          <table className="data" aria-label="CUECs">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">CUEC</th>
                <th scope="col">Addressed by</th>
                {lead && <th scope="col">Remove</th>}
              </tr>
            </thead>
            <tbody>
              {vendor.cuecs.map((c, i) => (
                <tr key={c.id} data-cuec={c.id}>
                  <td>{i + 1}</td>
                  <td>{c.text}</td>
                  <td>
                    {lead ? (
                      <CuecControlForm vendorId={vendor.id} cuecId={c.id} index={i + 1} control={c.control} controls={controls} />
                    ) : c.control ? (
                      <Link href={`/controls/${c.control}`}>{c.control}</Link>
                    ) : (
                      <span className="badge MISSING">No control</span>
                    )}
                  </td>
                  {lead && (
                    <td>
                      <RemoveCuecForm vendorId={vendor.id} cuecId={c.id} index={i + 1} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {lead && carveOut && <AddCuecForm vendorId={vendor.id} controls={controls} />}
      </section>
    </>
  );
}
