import type { ChainContent } from "@/lib/audit-log/chain";
import type { ItemJson } from "@/lib/access-reviews/queries";
import type { ReviewJson } from "@/lib/access-reviews/service";
import type { ChangeJson } from "@/lib/changes/queries";
import type { VendorJson } from "@/lib/vendors/service";
import type { CoverageSlot, CoverageStatus } from "@/lib/coverage/types";
import type { LockState, PackageManifest } from "@/lib/export/manifest";

// What a package is made of, loaded once (lib/export/period-data.ts) and turned into files by pure
// functions (CSV, OSCAL, index.html), so that each is unit-tested on a fixture.

export interface ExportControl {
  code: string;
  title: string;
  category: string;
  frequency: string;
  designStatus: string;
  expected: number;
  covered: number;
  coverage: number | null;
  status: CoverageStatus;
  slots: CoverageSlot[];
}

export interface ExportEvidence {
  id: string;
  lineageId: string;
  version: number;
  control: string;
  title: string;
  status: string;
  effectiveDate: string;
  validFrom: string | null;
  validUntil: string | null;
  source: string;
  url: string | null;
  fileName: string | null;
  fileSha256: string | null;
  fileSize: number | null;
  mediaType: string | null;
  uploadedAt: string;
  uploadedBy: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewReason: string | null;
  selfReviewed: boolean;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  /** Where its file sits in the package (null for link evidence). */
  packagePath: string | null;
}

export interface ExportReadinessCheck {
  id: string;
  title: string;
  count: number;
  /** How many records the check examined; 0 with count 0 is "nothing recorded yet" (lib/readiness/state.ts). */
  checked: number;
  remedy: string;
  items: string[];
}

/** An audit-log entry as the package lists it: the chain's own fields (less the user id and the payloads), and its hashes. */
export interface ExportAuditEntry extends Omit<ChainContent, "actorId" | "before" | "after"> {
  scheme: string;
  prevHash: string;
  hash: string;
}

export const EXCEPTION_KINDS = ["MISSING_SLOT", "EVIDENCE_REJECTED", "EVIDENCE_WITHDRAWN", "READINESS_CHECK"] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

/** An exception of the period (issue 13 item 3): what the auditor will ask management about. */
export interface PeriodException {
  /** Stable across exports of the same state: `kind:control:start` or `kind:evidence-id`. */
  id: string;
  kind: ExceptionKind;
  control: string | null;
  start: string;
  end: string;
  description: string;
  /** Management's response; "" until a compliance lead writes one. */
  response: string;
}

export interface PeriodPackage {
  period: PackageManifest["period"];
  lock: LockState;
  exportedAt: string;
  exportedBy: string;
  timeZone: string;
  /** The day coverage was computed for (organisation's calendar). */
  today: string;
  controls: ExportControl[];
  evidence: ExportEvidence[];
  changes: ChangeJson[];
  /** The access reviews whose quarter, or quarter of sign-off, overlaps the window, with their items. */
  accessReviews: { review: ReviewJson; items: ItemJson[] }[];
  vendors: VendorJson[];
  readiness: ExportReadinessCheck[];
  exceptions: PeriodException[];
  auditEntries: ExportAuditEntry[];
  auditLogHead: PackageManifest["auditLogHead"];
}
