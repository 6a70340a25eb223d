import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { incidentEvidence, INCIDENT_RESPONSE_CONTROL } from "@/lib/readiness/incident-records";
import { AI_INCIDENT_SCENARIO_LABELS, INCIDENT_RECORD_KIND_LABELS } from "@/lib/validations/readiness";
import { IncidentRecordForm } from "@/components/readiness/incident-record-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Incident plan and tabletop exercises" };

/** Readiness finding 6: which AI-AVL-03 evidence is the incident plan, which a tabletop exercise, and the AI scenarios each covers. */
export default async function IncidentResponsePage() {
  await requirePage("evidence:review");
  const rows = await incidentEvidence();
  return (
    <>
      <p>
        <Link href="/readiness#incident-runbook">← Readiness</Link>
      </p>
      <h1>Incident plan and tabletop exercises</h1>
      <p className="lede">
        Finding 6 passes for an audit period when accepted {INCIDENT_RESPONSE_CONTROL} evidence marked as the incident response plan covers
        each AI scenario ({Object.values(AI_INCIDENT_SCENARIO_LABELS).join("; ")}) on every elapsed day of the period (its validity), and
        accepted {INCIDENT_RESPONSE_CONTROL} evidence marked as a tabletop exercise of an AI scenario is dated (its effective date) in the
        twelve months ending on the period&apos;s last day.
      </p>
      <p>
        <Link className="button secondary" href={`/evidence/upload?control=${INCIDENT_RESPONSE_CONTROL}`}>
          Upload the plan or a tabletop record
        </Link>
      </p>
      {rows.length === 0 ? (
        <div className="card empty" data-testid="no-incident-evidence">
          No {INCIDENT_RESPONSE_CONTROL} evidence is awaiting review or accepted yet. Upload the incident plan and the tabletop record
          first.
        </div>
      ) : (
        <ul aria-label={`${INCIDENT_RESPONSE_CONTROL} evidence`} className="plain">
          {rows.map((r) => (
            <li key={r.id} className="card" data-incident-evidence={r.id}>
              <h2>
                <Link href={`/evidence/${r.id}`}>{r.title}</Link>
              </h2>
              <p className="muted">
                {r.status === "ACCEPTED" ? "Accepted" : "Awaiting review (counts once accepted)"} · effective {r.effectiveDate} · valid{" "}
                {r.validFrom ?? r.effectiveDate} to {r.validUntil ?? "open-ended"}
                {r.record ? ` · marked: ${INCIDENT_RECORD_KIND_LABELS[r.record.kind]}` : ""}
              </p>
              <IncidentRecordForm
                evidence={{ id: r.id, title: r.title }}
                kind={r.record?.kind ?? null}
                scenarios={r.record?.scenarios ?? []}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
