import { evidenceWhere, type Scope } from "@/lib/auth/scope";
import "server-only";
import { db } from "@/lib/db";
import { evidenceInclude, evidenceToJson, tokenNamesFor } from "@/lib/evidence/service";

export const TIMELINE_LIMIT = 20;

/**
 * A control's evidence as a timeline: newest effective date first (then newest upload), every
 * version and state included, since a rejected or withdrawn record is part of the history.
 */
export async function controlEvidenceTimeline(code: string, scope: Scope, limit = TIMELINE_LIMIT) {
  const where = { AND: [{ control: { code } }, evidenceWhere(scope)] };
  const [total, rows] = await Promise.all([
    db.evidence.count({ where }),
    db.evidence.findMany({
      where,
      include: evidenceInclude,
      orderBy: [{ effectiveDate: "desc" }, { uploadedAt: "desc" }, { id: "asc" }],
      take: limit,
    }),
  ]);
  const names = await tokenNamesFor(rows);
  const entries = rows.map((row) => {
    const e = evidenceToJson(row, names);
    return {
      id: e.id,
      title: e.title,
      effectiveDate: e.effectiveDate,
      status: e.status,
      selfReviewed: e.selfReviewed,
      uploadedBy: e.uploadedBy,
      version: e.version,
      superseded: e.supersededBy !== null,
      reason: e.status === "REJECTED" ? e.reviewReason : e.status === "WITHDRAWN" ? e.withdrawnReason : null,
    };
  });
  return { total, entries };
}

export type EvidenceTimelineEntry = Awaited<ReturnType<typeof controlEvidenceTimeline>>["entries"][number];
