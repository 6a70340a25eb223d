import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { LAYOUT_LABELS } from "@/lib/access-reviews/csv";
import { itemAccess } from "@/lib/access-reviews/record";
import { assertDraft, checkCsvImport, loadReview, userIndex, type CsvImportInput } from "@/lib/access-reviews/service";

// The preview of an access review's CSV import for the API (POST .../items/import?dryRun=true):
// every check importCsvItems makes before writing (the draft, the limits, the mapping, each row,
// the reviewers), and nothing written. The import page previews the same way in the browser.

/** The notice for bytes that are not text, as the import form and the API word it. */
export const notAccessCsv = (name: string) => `${name} is not UTF-8 text: save the export as CSV (UTF-8).`;

export async function previewCsvItems(reviewId: string, input: CsvImportInput) {
  const review = await loadReview(db, reviewId);
  if (!review) throw new AppError("NOT_FOUND", `There is no access review ${reviewId}.`);
  assertDraft(review, "import items");
  const checked = checkCsvImport(input, await userIndex(db));
  return {
    fileName: input.fileName,
    layout: checked.layout,
    layoutLabel: LAYOUT_LABELS[checked.layout],
    mapping: input.mapping,
    items: checked.items.map((item) => ({ row: item.row, ...itemAccess(item), reviewer: item.reviewerEmail })),
    errors: checked.errors,
  };
}
