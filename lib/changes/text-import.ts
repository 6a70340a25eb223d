import type { Principal } from "@/lib/auth/principal";
import { parseChangesText, type ParsedChanges, type RowError } from "@/lib/changes/csv";
import { parseKindRules } from "@/lib/changes/kind-rules";
import { checkChangeRows, importChanges, rowsRefused, type SkippedRow } from "@/lib/changes/service";

// The changes import in two steps, shared by the import page's action and the API
// (POST /api/v1/changes/import): the preview writes nothing and shows every row's problems; the
// import re-reads the text and records every row in one transaction, or none. Rows already
// recorded (same pull request or commit) are skipped, in both, and counted.

/** The notice for bytes that are not text (the page reads the file in the browser, which shows its own). */
export const notChangesCsv = (name: string) => `${name} is not UTF-8 text: save the file as CSV (UTF-8).`;

/** The kind and feature chosen for all rows (what a row leaves out), and title rules for the kind (`prefix => KIND` a line). */
export interface ChangeDefaults {
  kind?: string;
  feature?: string;
  kindRules?: string;
}

/** The text's rows with each row's kind from its own, a title rule, or the kind for all; bad rules are a problem of the whole (row 0). */
function parseWith(text: string, { kindRules, ...defaults }: ChangeDefaults): ParsedChanges {
  const rules = parseKindRules(kindRules);
  const parsed = parseChangesText(text, { ...defaults, kindRules: rules.rules });
  return rules.errors.length ? { ...parsed, errors: [{ row: 0, messages: rules.errors }, ...parsed.errors] } : parsed;
}

export interface ChangeImportPreview {
  text: string;
  format: string;
  rows: {
    row: number;
    title: string;
    pullRequest: string | null;
    commitSha: string | null;
    mergedAt: string;
    kind: string;
    feature: string | null;
  }[];
  errors: RowError[];
  /** Rows already recorded: the import skips them (they are not in `rows`). */
  skipped: SkippedRow[];
}

/** Every row as it would be recorded, and every row's problems (the database's too); writes nothing. */
export async function previewChangesText(text: string, defaults: ChangeDefaults): Promise<ChangeImportPreview> {
  const parsed = parseWith(text, defaults);
  const checked = parsed.rows.length ? await checkChangeRows(parsed.rows) : { errors: [], skipped: [] };
  const errors = [...parsed.errors, ...checked.errors].sort((a, b) => a.row - b.row);
  const skip = new Set(checked.skipped.map((s) => s.row));
  return {
    text,
    format: parsed.format,
    skipped: checked.skipped,
    rows: parsed.rows
      .filter(({ row }) => !skip.has(row))
      .map(({ row, input }) => ({
        row,
        title: input.title,
        pullRequest: input.pullRequest ?? null,
        commitSha: input.commitSha ?? null,
        mergedAt: input.mergedAt.toISOString(),
        kind: input.kind,
        feature: input.feature ?? null,
      })),
    errors,
  };
}

/** Parses the text and records every change not already recorded, or none: any refused row throws `rowsRefused` naming it. */
export async function importChangesText(text: string, defaults: ChangeDefaults, principal: Principal) {
  const parsed = parseWith(text, defaults);
  if (parsed.errors.length) throw rowsRefused(parsed.errors);
  return importChanges(parsed.rows, principal);
}
