import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { parseFeaturesCsv, type CsvRowError, type ImportPreview } from "@/lib/features/csv";
import { existingSlugs } from "@/lib/features/queries";
import { importFeatures, type ImportOutcome } from "@/lib/features/service";

// The inventory's CSV import in two steps, shared by the import page's action and the API
// (POST /api/v1/features/import): the preview writes nothing, the import re-reads the text (never
// trusting a preview) and writes every row in one transaction, or none.

/** The notice for bytes that are not a CSV file, as the form and the API word it. */
export const notFeaturesCsv = (name: string) =>
  `${name} is not a CSV file: export one from the inventory or save your sheet as CSV (UTF-8).`;

/** What would be created or updated, row by row, and what is wrong; writes nothing. */
export async function previewFeaturesCsv(text: string, fileName: string): Promise<ImportPreview> {
  const parsed = parseFeaturesCsv(text);
  const existing = await existingSlugs(parsed.rows.map((r) => r.slug));
  return {
    csv: text,
    fileName,
    rows: parsed.rows.map((r, i) => ({
      row: parsed.rowNumbers[i],
      slug: r.slug,
      name: r.name,
      owner: r.owner,
      change: existing.has(r.slug) ? "update" : "create",
    })),
    errors: parsed.errors,
  };
}

/** A refusal naming the first bad row in its message and every bad row in `fieldErrors` ("row 3": [...]). */
function rowsRefused(errors: readonly CsvRowError[]): AppError {
  const first = errors[0];
  return new AppError(
    "VALIDATION",
    `Nothing was imported: row ${first.row}: ${first.messages.join(" ")}`,
    Object.fromEntries(errors.map((e) => [`row ${e.row}`, e.messages])),
  );
}

/** Parses the CSV and imports every row, or nothing when any row is bad (a VALIDATION error naming it). */
export async function importFeaturesCsv(text: string, principal: Principal): Promise<ImportOutcome & { imported: number }> {
  const parsed = parseFeaturesCsv(text);
  if (parsed.errors.length) throw rowsRefused(parsed.errors);
  if (parsed.rows.length === 0) throw new AppError("VALIDATION", "The file has no feature rows: nothing to import.");
  const outcome = await importFeatures(
    parsed.rows.map((input, i) => ({ row: parsed.rowNumbers[i], input })),
    principal,
  );
  return { ...outcome, imported: parsed.rows.length };
}
