import Papa from "papaparse";
import { safeCell } from "@/lib/csv";
import { slugOf } from "@/lib/format";
import { CREDENTIAL_FLAG_LABELS, type CredentialFlagName } from "@/lib/access-reviews/iam-credentials";

// The access-review record: the CSV generated at sign-off and stored as AI-SEC-05 evidence. Pure,
// so that the bytes (and so the SHA-256) depend only on the access review as it was signed off.

export const DECISION_LABELS = { KEEP: "Keep", REVOKE: "Revoke", MODIFY: "Modify" } as const;
export type DecisionValue = keyof typeof DECISION_LABELS;

export interface RecordReview {
  id: string;
  name: string;
  quarter: string;
  startedAt: Date | null;
  dueDate: string | null;
  signedOffAt: Date;
  signOffName: string;
  signOffEmail: string;
  signOffStatement: string;
  /** The quarter of the sign-off day (organisation time): the slot the record counts for. */
  performedIn: string;
  /** Signed off after the labelled quarter's last day. */
  late: boolean;
}

export interface RecordItem {
  principal: string;
  principalKind: string;
  resource: string;
  resourceKind: string;
  accessLevel: string;
  source: string;
  reviewerEmail: string | null;
  decision: DecisionValue | null;
  comment: string | null;
  selfJustification: string | null;
  decidedAt: Date | null;
  decidedByEmail: string | null;
  /** The flags computed at import from what the source said (CREDENTIAL_FLAG_LABELS), and their reference time. */
  flags: readonly CredentialFlagName[];
  credentialsAsOf: Date | null;
}

type AccessKey = "principal" | "principalKind" | "resource" | "resourceKind" | "accessLevel" | "source";

/** What an item is about, as imported: who holds which access to what, and where that line came from. */
export function itemAccess<T extends Record<AccessKey, string>>(item: T): Pick<T, AccessKey> {
  return {
    principal: item.principal,
    principalKind: item.principalKind,
    resource: item.resource,
    resourceKind: item.resourceKind,
    accessLevel: item.accessLevel,
    source: item.source,
  };
}

export const RECORD_COLUMNS = [
  "Principal",
  "Principal kind",
  "Resource",
  "Resource kind",
  "Access level",
  "Source",
  "Reviewer",
  "Decision",
  "Comment",
  "Self-review justification",
  "Decided at (UTC)",
  "Decided by",
  // What the reviewer saw beside each item: the auditor reads the decision with the same facts.
  "Flags at import",
  "Flags as of (UTC)",
] as const;

const iso = (d: Date | null) => (d ? d.toISOString() : "");

/** The record's rows: access review header lines, a blank line, the item table, a blank line, the sign-off lines. */
export function recordRows(review: RecordReview, items: readonly RecordItem[]): string[][] {
  const decided = items.filter((i) => i.decision).length;
  const header: string[][] = [
    ["Access review record", review.name],
    ["Access review id", review.id],
    ["Quarter", review.quarter],
    ["Performed in", review.performedIn],
    ["Late", review.late ? `Yes: signed off after ${review.quarter} ended; counts for ${review.performedIn}` : "No"],
    ["Control", "AI-SEC-05"],
    ["Started at (UTC)", iso(review.startedAt)],
    ["Due date", review.dueDate ?? ""],
    ["Items", String(items.length)],
    ["Decided", String(decided)],
    ...(["KEEP", "REVOKE", "MODIFY"] as const).map((d) => [DECISION_LABELS[d], String(items.filter((i) => i.decision === d).length)]),
  ];
  const table = [
    [...RECORD_COLUMNS],
    ...items.map((i) => [
      i.principal,
      i.principalKind,
      i.resource,
      i.resourceKind,
      i.accessLevel,
      i.source,
      i.reviewerEmail ?? "",
      i.decision ? DECISION_LABELS[i.decision] : "",
      i.comment ?? "",
      i.selfJustification ?? "",
      iso(i.decidedAt),
      i.decidedByEmail ?? "",
      i.flags.map((f) => CREDENTIAL_FLAG_LABELS[f]).join("; "),
      iso(i.credentialsAsOf),
    ]),
  ];
  const signOff = [
    ["Signed off by", `${review.signOffName} <${review.signOffEmail}>`],
    ["Signed off at (UTC)", iso(review.signedOffAt)],
    ["Sign-off statement", review.signOffStatement],
  ];
  return [...header, [], ...table, [], ...signOff].map((row) => row.map(safeCell));
}

/** The record as RFC 4180 CSV (CRLF line ends, fields quoted when they need it), ending with a line break. */
export function buildRecordCsv(review: RecordReview, items: readonly RecordItem[]): string {
  return `${Papa.unparse(recordRows(review, items), { newline: "\r\n", skipEmptyLines: false })}\r\n`;
}

/** "access-review-2026-Q3-ai-platform-keys.csv": quarter and a slug of the name, nothing a file system or header dislikes. */
export function recordFileName(quarter: string, name: string): string {
  const slug = slugOf(name, 60) || "access-review";
  return `access-review-${quarter.replace(/[^0-9A-Za-z-]/g, "")}-${slug}.csv`;
}
