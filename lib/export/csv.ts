import { csvTable as table } from "@/lib/csv";
import { changesToCsv } from "@/lib/changes/export-csv";
import { dateIn } from "@/lib/org-time";
import type { PeriodPackage } from "@/lib/export/types";

// The package's tables as CSV files, from the loaded package. Pure. Every cell goes through
// safeCell (a spreadsheet never runs a cell as a formula), rows end in CRLF as in every other CSV
// export of Attest. Changes reuse the change list's own export (lib/changes/export-csv.ts).

const ratio = (r: number | null) => (r === null ? "" : r.toFixed(4));

export function controlsCsv(p: PeriodPackage): string {
  return table(
    ["control", "title", "category", "frequency", "design_status", "expected", "covered", "coverage", "status"],
    p.controls.map((c) => [c.code, c.title, c.category, c.frequency, c.designStatus, c.expected, c.covered, ratio(c.coverage), c.status]),
  );
}

export function evidenceCsv(p: PeriodPackage): string {
  return table(
    [
      "id",
      "control",
      "title",
      "status",
      "effective_date",
      "valid_from",
      "valid_until",
      "source",
      "url",
      "file_name",
      "package_path",
      "sha256",
      "size",
      "uploaded_at",
      "uploaded_by",
      "reviewed_by",
      "reviewed_at",
      "self_reviewed",
      "review_reason",
      "withdrawn_at",
      "withdrawn_reason",
      "lineage",
      "version",
    ],
    p.evidence.map((e) => [
      e.id,
      e.control,
      e.title,
      e.status,
      e.effectiveDate,
      e.validFrom,
      e.validUntil,
      e.source,
      e.url,
      e.fileName,
      e.packagePath,
      e.fileSha256,
      e.fileSize,
      e.uploadedAt,
      e.uploadedBy,
      e.reviewedBy,
      e.reviewedAt,
      e.selfReviewed ? "self-reviewed" : "",
      e.reviewReason,
      e.withdrawnAt,
      e.withdrawnReason,
      e.lineageId,
      e.version,
    ]),
  );
}

export function changesCsv(p: PeriodPackage): string {
  return changesToCsv(p.changes, (mergedAt) => dateIn(p.timeZone, new Date(mergedAt)));
}

export function exceptionsCsv(p: PeriodPackage): string {
  return table(
    ["id", "kind", "control", "start", "end", "description", "management_response"],
    p.exceptions.map((e) => [e.id, e.kind, e.control, e.start, e.end, e.description, e.response]),
  );
}

export function readinessCsv(p: PeriodPackage): string {
  return table(
    ["check", "title", "failing", "passes", "remedy", "items"],
    p.readiness.map((c) => [c.id, c.title, c.count, c.count === 0 ? "yes" : "no", c.remedy, c.items.join("; ")]),
  );
}

export function auditLogCsv(p: PeriodPackage): string {
  return table(
    ["seq", "at", "actor_email", "actor_role", "actor_kind", "action", "entity_type", "entity_id", "scheme", "prev_hash", "hash"],
    p.auditEntries.map((e) => [
      e.seq,
      e.at,
      e.actorEmail,
      e.actorRole,
      e.actorKind,
      e.action,
      e.entityType,
      e.entityId,
      e.scheme,
      e.prevHash,
      e.hash,
    ]),
  );
}

export function accessReviewsCsv(p: PeriodPackage): string {
  return table(
    [
      "id",
      "name",
      "quarter",
      "status",
      "due_date",
      "started_at",
      "signed_off_at",
      "signed_off_by",
      "performed_in",
      "late",
      "decided",
      "items",
      "record_evidence",
    ],
    p.accessReviews.map(({ review: r }) => [
      r.id,
      r.name,
      r.quarter,
      r.status,
      r.dueDate,
      r.startedAt,
      r.signedOffAt,
      r.signedOffBy,
      r.performedIn,
      r.late ? "late" : "",
      r.progress.decided,
      r.progress.total,
      r.evidenceId,
    ]),
  );
}

export function accessReviewItemsCsv(p: PeriodPackage): string {
  return table(
    [
      "access_review",
      "principal",
      "principal_kind",
      "resource",
      "resource_kind",
      "access_level",
      "source",
      "reviewer",
      "decision",
      "comment",
      "self_review_justification",
      "decided_at",
      "decided_by",
    ],
    p.accessReviews.flatMap(({ review, items }) =>
      items.map((i) => [
        review.id,
        i.principal,
        i.principalKind,
        i.resource,
        i.resourceKind,
        i.accessLevel,
        i.source,
        i.reviewer,
        i.decision,
        i.comment,
        i.selfJustification,
        i.decidedAt,
        i.decidedBy,
      ]),
    ),
  );
}

/** One row per vendor and package item (a vendor with no item: one row with empty item columns). */
export function vendorsCsv(p: PeriodPackage): string {
  return table(
    [
      "vendor",
      "relationship",
      "subservice_method",
      "package_complete",
      "next_review_due",
      "item_kind",
      "item_evidence",
      "item_evidence_status",
      "valid_from",
      "valid_until",
      "report_type",
    ],
    p.vendors.flatMap((v) => {
      const vendor = [v.name, v.relationship, v.subserviceMethod, v.package.complete ? "yes" : "no", v.nextReviewDue];
      if (v.packageItems.length === 0) return [[...vendor, null, null, null, null, null, null]];
      return v.packageItems.map((i) => [
        ...vendor,
        i.kind,
        i.evidence?.id ?? null,
        i.evidence?.status ?? null,
        i.evidence?.validFrom ?? null,
        i.evidence?.validUntil ?? null,
        i.reportType,
      ]);
    }),
  );
}

export function cuecsCsv(p: PeriodPackage): string {
  return table(
    ["vendor", "cuec", "text", "control"],
    p.vendors.flatMap((v) => v.cuecs.map((c) => [v.name, c.id, c.text, c.control])),
  );
}

/** The CSV files of the package by path. */
export function packageCsvFiles(p: PeriodPackage): [string, string][] {
  return [
    ["csv/controls.csv", controlsCsv(p)],
    ["csv/evidence.csv", evidenceCsv(p)],
    ["csv/changes.csv", changesCsv(p)],
    ["csv/exceptions.csv", exceptionsCsv(p)],
    ["csv/access-reviews.csv", accessReviewsCsv(p)],
    ["csv/access-review-items.csv", accessReviewItemsCsv(p)],
    ["csv/vendors.csv", vendorsCsv(p)],
    ["csv/cuecs.csv", cuecsCsv(p)],
    ["csv/readiness-checks.csv", readinessCsv(p)],
    ["csv/audit-log.csv", auditLogCsv(p)],
  ];
}
