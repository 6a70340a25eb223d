import Papa from "papaparse";
import { csvTable, FORMULA_START } from "@/lib/csv";
import { z } from "zod";
import { withoutBom } from "@/lib/imports/upload";
import { FLAGS, featureSchema, slugify, type FeatureFlags, type FeatureInput } from "@/lib/validations/feature";

// The inventory as CSV, both ways. Pure: no I/O, so export and import are unit-tested exactly.
// Lists are joined with ";" and vendors written as "Vendor:model" (the model after the first ":").

/** The wire shape of one feature (lib/features/service.ts featureToJson), as far as CSV needs it. */
export interface FeatureCsvRecord extends FeatureFlags {
  slug: string;
  name: string;
  owner: string;
  status: string;
  purpose: string;
  inputData: readonly string[];
  inputNotes: string | null;
  outputs: string;
  invokers: readonly string[];
  vendors: readonly { vendor: string; model: string | null }[];
  failureImpact: string;
  failureNotes: string | null;
  promptLogRetention: string | null;
}

export const CSV_HEADER = [
  "slug",
  "name",
  "owner",
  "status",
  "purpose",
  "inputData",
  "inputNotes",
  "outputs",
  "invokers",
  "vendors",
  "failureImpact",
  "failureNotes",
  ...FLAGS,
  "promptLogRetention",
] as const;

const REQUIRED_COLUMNS = ["name", "owner", "purpose", "outputs", "invokers", "failureImpact"] as const;

// lib/csv.ts defuses a cell that would start a formula with a leading apostrophe; import removes it again.
const restore = (value: string) => (value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value);

export function featuresToCsv(features: readonly FeatureCsvRecord[]): string {
  const rows = features.map((f) => [
    f.slug,
    f.name,
    f.owner,
    f.status,
    f.purpose,
    f.inputData.join(";"),
    f.inputNotes ?? "",
    f.outputs,
    f.invokers.join(";"),
    f.vendors.map((v) => (v.model ? `${v.vendor}:${v.model}` : v.vendor)).join(";"),
    f.failureImpact,
    f.failureNotes ?? "",
    ...FLAGS.map((flag) => String(f[flag])),
    f.promptLogRetention ?? "",
  ]);
  return csvTable(CSV_HEADER, rows);
}

/** What the import page shows before anything is written. */
export interface ImportPreview {
  /** The file's text, sent back with the confirm step (which parses and checks it again). */
  csv: string;
  fileName: string;
  rows: { row: number; slug: string; name: string; owner: string; change: "create" | "update" }[];
  errors: CsvRowError[];
}

export interface CsvRowError {
  row: number;
  messages: string[];
}

export interface ParsedFeaturesCsv {
  rows: (FeatureInput & { slug: string })[];
  /** The spreadsheet row of each entry of `rows` (the header is row 1). */
  rowNumbers: number[];
  errors: CsvRowError[];
}

const splitList = (value: string) =>
  value
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);

function parseVendors(value: string) {
  return splitList(value).map((entry) => {
    const at = entry.indexOf(":");
    return at === -1 ? { vendor: entry, model: null } : { vendor: entry.slice(0, at).trim(), model: entry.slice(at + 1).trim() || null };
  });
}

const booleanCell = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
  z.enum(["", "true", "false"], { error: "Use true or false." }).transform((v) => v === "true"),
);

/** Field paths from zod ("vendors.0.vendor") read as the CSV column they came from. */
function columnOf(path: PropertyKey[]): string {
  return path.length === 0 ? "row" : String(path[0]);
}

/**
 * Parses and validates every row with the same schema as the form and the API. Row numbers are
 * those a spreadsheet shows (header = row 1). Blank lines are skipped but still counted.
 */
export function parseFeaturesCsv(text: string): ParsedFeaturesCsv {
  const result: ParsedFeaturesCsv = { rows: [], rowNumbers: [], errors: [] };
  const parsed = Papa.parse<string[]>(withoutBom(text), { delimiter: ",", skipEmptyLines: false });
  const records = parsed.data;
  const header = (records[0] ?? []).map((h) => h.trim());
  const headerErrors: string[] = [];
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) headerErrors.push(`Missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}.`);
  const unknown = header.filter((h) => !(CSV_HEADER as readonly string[]).includes(h));
  if (unknown.length) headerErrors.push(`Unknown column${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`);
  const duplicated = header.filter((h, i) => header.indexOf(h) !== i);
  if (duplicated.length) headerErrors.push(`Column given twice: ${duplicated.join(", ")}.`);
  if (headerErrors.length) return { ...result, errors: [{ row: 1, messages: headerErrors }] };

  const seen = new Map<string, number>();
  for (let i = 1; i < records.length; i++) {
    const row = i + 1;
    const cells = records[i];
    if (cells.every((c) => c.trim() === "")) continue;
    const messages: string[] = [];
    for (const e of parsed.errors.filter((e) => e.row === i)) messages.push(e.message);
    if (cells.length !== header.length) {
      messages.push(`Has ${cells.length} cells but the header has ${header.length} columns.`);
      result.errors.push({ row, messages });
      continue;
    }
    const cell = Object.fromEntries(header.map((h, c) => [h, restore(cells[c])])) as Record<string, string>;
    const flags: Record<string, boolean> = {};
    for (const flag of FLAGS) {
      const value = booleanCell.safeParse(cell[flag] ?? "");
      if (value.success) flags[flag] = value.data;
      else messages.push(`${flag}: Use true or false, not "${cell[flag]}".`);
    }
    const candidate = {
      slug: cell.slug?.trim() || undefined,
      name: cell.name,
      owner: cell.owner,
      status: cell.status?.trim() || undefined,
      purpose: cell.purpose,
      inputData: splitList(cell.inputData ?? ""),
      inputNotes: cell.inputNotes,
      outputs: cell.outputs,
      invokers: splitList(cell.invokers ?? ""),
      vendors: parseVendors(cell.vendors ?? ""),
      failureImpact: cell.failureImpact?.trim() || undefined,
      failureNotes: cell.failureNotes,
      ...flags,
      promptLogRetention: cell.promptLogRetention,
    };
    const valid = featureSchema.safeParse(candidate);
    if (!valid.success) {
      for (const issue of valid.error.issues) messages.push(`${columnOf(issue.path)}: ${issue.message}`);
    }
    if (valid.success) {
      const names = valid.data.vendors.map((v) => v.vendor.toLowerCase());
      const twice = valid.data.vendors.find((v, i) => names.indexOf(v.vendor.toLowerCase()) !== i);
      if (twice) messages.push(`vendors: ${twice.vendor} is listed twice; give each vendor once, with its model.`);
    }
    if (valid.success && messages.length === 0) {
      const slug = valid.data.slug ?? slugify(valid.data.name);
      const first = seen.get(slug);
      if (first !== undefined) {
        messages.push(`slug: ${slug} is already used by row ${first}; each feature appears once.`);
      } else {
        seen.set(slug, row);
        result.rows.push({ ...valid.data, slug });
        result.rowNumbers.push(row);
      }
    }
    if (messages.length) result.errors.push({ row, messages });
  }
  return result;
}
