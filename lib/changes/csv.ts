import Papa from "papaparse";
import { withoutBom } from "@/lib/imports/upload";
import { kindByRule, type KindRule } from "@/lib/changes/kind-rules";
import { changeSchema, IMPORT_MAX_ROWS, issueMessages, type ChangeInput } from "@/lib/validations/change";

// Reading a list of changes to import: a CSV with a header row, or the JSON that
// `gh pr list --state merged --json number,title,mergedAt,mergeCommit,url` prints. Pure: no I/O.
// Rows are numbered as a person finds them: CSV by line (the header is row 1), JSON from 1.

export const CSV_COLUMNS = ["title", "pullRequest", "commitSha", "mergedAt", "approvedBy", "ticket", "kind", "feature"] as const;

export interface ChangeRow {
  row: number;
  input: ChangeInput;
}
export interface RowError {
  row: number;
  messages: string[];
}
export interface ParsedChanges {
  format: "csv" | "gh-json" | "json";
  rows: ChangeRow[];
  errors: RowError[];
}

/** The kind and feature chosen for all rows, and the title rules that give a row its kind (lib/changes/kind-rules.ts). */
export interface RowDefaults {
  kind?: string;
  feature?: string;
  kindRules?: readonly KindRule[];
}

/** Validates raw rows; `defaults` fill what a row leaves out: its kind from its own, a title rule, or the kind for all. */
export function validateChangeRows(
  raw: readonly { row: number; value: unknown }[],
  defaults: RowDefaults = {},
): { rows: ChangeRow[]; errors: RowError[] } {
  const rows: ChangeRow[] = [];
  const errors: RowError[] = [];
  for (const { row, value } of raw) {
    const record = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    if (!record) {
      errors.push({ row, messages: ["Each change must be a JSON object."] });
      continue;
    }
    const kind = record.kind || kindByRule(record.title, defaults.kindRules ?? []) || defaults.kind;
    const filled = { ...record, kind, feature: record.feature || defaults.feature || undefined };
    const parsed = changeSchema.safeParse(filled);
    if (parsed.success) rows.push({ row, input: parsed.data });
    else errors.push({ row, messages: issueMessages(parsed.error) });
  }
  return { rows, errors };
}

/** One `gh pr list --json` item as a change: the URL (or #number) as pull request, the merge commit as SHA, its own `kind` if it has one. */
function fromGh(item: Record<string, unknown>): Record<string, unknown> {
  const commit = item.mergeCommit as { oid?: unknown } | null | undefined;
  return {
    title: item.title,
    pullRequest: typeof item.url === "string" && item.url ? item.url : item.number !== undefined ? `#${item.number}` : undefined,
    commitSha: typeof commit?.oid === "string" ? commit.oid : undefined,
    mergedAt: item.mergedAt,
    ...(item.kind ? { kind: item.kind } : {}),
  };
}

const tooMany = (n: number): RowError => ({
  row: 0,
  messages: [`${n} rows is more than the ${IMPORT_MAX_ROWS} one import takes; split it.`],
});

/** Reads pasted or uploaded text: JSON when it starts with `[` or `{`, CSV otherwise. */
export function parseChangesText(text: string, defaults: RowDefaults = {}): ParsedChanges {
  const trimmed = withoutBom(text).trim();
  if (!trimmed) return { format: "csv", rows: [], errors: [{ row: 0, messages: ["Paste or upload a CSV or the JSON of gh pr list."] }] };
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (error) {
      return { format: "json", rows: [], errors: [{ row: 0, messages: [`This is not valid JSON: ${(error as Error).message}`] }] };
    }
    const list = Array.isArray(data) ? data : (data as { changes?: unknown }).changes;
    if (!Array.isArray(list)) return { format: "json", rows: [], errors: [{ row: 0, messages: ["Expected a JSON array of changes."] }] };
    if (list.length > IMPORT_MAX_ROWS) return { format: "json", rows: [], errors: [tooMany(list.length)] };
    const gh = list.some((item) => typeof item === "object" && item !== null && ("mergeCommit" in item || "number" in item));
    const raw = list.map((value, i) => ({
      row: i + 1,
      value: gh && typeof value === "object" && value !== null ? fromGh(value as Record<string, unknown>) : value,
    }));
    return { format: gh ? "gh-json" : "json", ...validateChangeRows(raw, defaults) };
  }
  const csv = Papa.parse<Record<string, string>>(trimmed, { header: true, skipEmptyLines: "greedy", transformHeader: (h) => h.trim() });
  const header = csv.meta.fields ?? [];
  const missing = ["title", "mergedAt"].filter((c) => !header.includes(c));
  if (missing.length) {
    return {
      format: "csv",
      rows: [],
      errors: [{ row: 1, messages: [`The header row lacks ${missing.join(" and ")}; the columns are ${CSV_COLUMNS.join(",")}.`] }],
    };
  }
  if (csv.data.length > IMPORT_MAX_ROWS) return { format: "csv", rows: [], errors: [tooMany(csv.data.length)] };
  // Papa reports the 0-based data row; a quoted cell with a line break makes row and line differ, which is rare here.
  const structural = new Map<number, string[]>();
  for (const e of csv.errors) if (e.row !== undefined) structural.set(e.row + 2, [...(structural.get(e.row + 2) ?? []), e.message]);
  const raw = csv.data.map((record, i) => ({ row: i + 2, value: record }));
  const validated = validateChangeRows(
    raw.filter((r) => !structural.has(r.row)),
    defaults,
  );
  const errors = [...[...structural].map(([row, messages]) => ({ row, messages })), ...validated.errors].sort((a, b) => a.row - b.row);
  return { format: "csv", rows: validated.rows, errors };
}
