import { csvTable } from "@/lib/csv";
import { EVALUATION_LABELS } from "@/lib/coverage/evaluation";
import type { ChangeJson } from "@/lib/changes/queries";

// The audit-day cross-reference as a file (the guide: "pull the list of model changes and their
// evaluation results"): one row per change with its evaluation state and the evidence behind it.
// Pure: no I/O. Cells that a spreadsheet would run as formulas are defused.

export const EXPORT_COLUMNS = [
  "id",
  "merged_at",
  "merge_day",
  "kind",
  "feature",
  "title",
  "pull_request",
  "commit_sha",
  "approved_by",
  "ticket",
  "evaluation",
  "evaluation_label",
  "evaluation_evidence",
] as const;

/** `mergeDay` gives the organisation's calendar day of a change's merge (the day the rule compares with). */
export function changesToCsv(changes: readonly ChangeJson[], mergeDay: (mergedAt: string) => string): string {
  const data = changes.map((c) => [
    c.id,
    c.mergedAt,
    mergeDay(c.mergedAt),
    c.kind,
    c.feature ?? "",
    c.title,
    c.pullRequest ?? "",
    c.commitSha ?? "",
    c.approvedBy ?? "",
    c.ticket ?? "",
    c.evaluation,
    EVALUATION_LABELS[c.evaluation],
    c.evidence.join(" "),
  ]);
  return csvTable(EXPORT_COLUMNS, data);
}
