import { db } from "@/lib/db";
import { appendAudit } from "@/lib/audit-log/append";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import type { IncidentRecordInput } from "@/lib/validations/readiness";

// AI-AVL-03 evidence marked as the incident response plan or as a tabletop exercise, with the
// AI-specific scenarios it covers (readiness finding 6, docs/readiness.md). The mark and its
// audit entry share one transaction.

export const INCIDENT_RESPONSE_CONTROL = "AI-AVL-03";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export interface IncidentEvidenceRow {
  id: string;
  title: string;
  status: string;
  effectiveDate: string;
  validFrom: string | null;
  validUntil: string | null;
  record: { kind: "PLAN" | "TABLETOP"; scenarios: ("CUSTOMER_PII_IN_OUTPUT" | "PROVIDER_OUTAGE")[] } | null;
}

/** AI-AVL-03 evidence that is awaiting review or accepted, newest effective date first, with its mark. */
export async function incidentEvidence(): Promise<IncidentEvidenceRow[]> {
  const rows = await db.evidence.findMany({
    where: { control: { code: INCIDENT_RESPONSE_CONTROL }, status: { in: ["SUBMITTED", "ACCEPTED"] } },
    select: {
      id: true,
      title: true,
      status: true,
      effectiveDate: true,
      validFrom: true,
      validUntil: true,
      incidentRecord: { select: { kind: true, scenarios: true } },
    },
    orderBy: [{ effectiveDate: "desc" }, { uploadedAt: "desc" }, { id: "asc" }],
    take: 200,
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    effectiveDate: day(r.effectiveDate)!,
    validFrom: day(r.validFrom),
    validUntil: day(r.validUntil),
    record: r.incidentRecord,
  }));
}

/**
 * Marks (or, with kind NONE, unmarks) one AI-AVL-03 evidence. A plan or a tabletop names at least
 * one AI scenario; evidence of another control, or rejected or withdrawn, cannot be marked.
 */
export function setIncidentRecord(input: IncidentRecordInput, { actor }: Principal) {
  if (input.kind !== "NONE" && input.scenarios.length === 0) {
    throw new AppError("VALIDATION", "Choose the AI incident scenarios it covers: at least one.", { scenarios: ["Choose at least one."] });
  }
  return db.$transaction(async (tx) => {
    const evidence = await tx.evidence.findUnique({
      where: { id: input.evidence },
      select: { id: true, status: true, control: { select: { code: true } }, incidentRecord: { select: { kind: true, scenarios: true } } },
    });
    if (!evidence) throw new AppError("NOT_FOUND", `There is no evidence ${input.evidence}.`);
    if (evidence.control.code !== INCIDENT_RESPONSE_CONTROL) {
      throw new AppError("UNPROCESSABLE", `Only ${INCIDENT_RESPONSE_CONTROL} evidence can be the incident plan or a tabletop exercise.`);
    }
    if (evidence.status !== "SUBMITTED" && evidence.status !== "ACCEPTED") {
      throw new AppError("UNPROCESSABLE", `This evidence is ${evidence.status.toLowerCase()}: mark a current version instead.`);
    }
    const before = evidence.incidentRecord;
    let after: { kind: "PLAN" | "TABLETOP"; scenarios: IncidentRecordInput["scenarios"] } | null = null;
    if (input.kind === "NONE") {
      await tx.incidentRecord.deleteMany({ where: { evidenceId: evidence.id } });
    } else {
      const scenarios = [...new Set(input.scenarios)].sort();
      await tx.incidentRecord.upsert({
        where: { evidenceId: evidence.id },
        create: { evidenceId: evidence.id, kind: input.kind, scenarios },
        update: { kind: input.kind, scenarios },
      });
      after = { kind: input.kind, scenarios };
    }
    await appendAudit(tx, actor, {
      action: after ? "incident-record.set" : "incident-record.removed",
      entityType: "Evidence",
      entityId: evidence.id,
      before,
      after,
    });
    return after;
  });
}
