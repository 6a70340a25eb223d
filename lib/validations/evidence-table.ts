import { z } from "zod";
import { evidenceListSchema, type EvidenceListFilters } from "@/lib/validations/evidence";

// The evidence table's URL: the API's filters (the same schema and messages as GET
// /api/v1/evidence) plus the sort and the page number. A hand-edited sort or page falls back to
// the default; a bad filter is reported beside its field instead of being silently dropped.

export const EVIDENCE_FILTER_KEYS = ["control", "feature", "status", "source", "uploader", "from", "to"] as const;
export type EvidenceFilterKey = (typeof EVIDENCE_FILTER_KEYS)[number];
export type EvidenceFilterValues = Partial<Record<EvidenceFilterKey, string>>;
export type EvidenceTableQuery = EvidenceFilterValues & { sort: EvidenceSort; dir: "asc" | "desc"; page: number };

/** The table's sorts and page size (here, not in lib/evidence/queries.ts, so that client components can import them). */
export const EVIDENCE_TABLE_SORTS = ["uploaded", "effective", "control", "title", "status"] as const;
export type EvidenceSort = (typeof EVIDENCE_TABLE_SORTS)[number];
export const EVIDENCE_PAGE_SIZE = 25;

/** Dates newest first, text A to Z: what a first click on a header asks for. */
export const defaultDir = (sort: EvidenceSort): "asc" | "desc" => (sort === "uploaded" || sort === "effective" ? "desc" : "asc");

const sortSchema = z.enum(EVIDENCE_TABLE_SORTS).catch("uploaded");
const dirSchema = z.enum(["asc", "desc"]).optional().catch(undefined);
const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

/** URL values -> the query, with either the validated filters or their field errors. */
export function parseEvidenceTableQuery(raw: Record<string, string | string[] | undefined>): {
  query: EvidenceTableQuery;
  filters: Omit<EvidenceListFilters, "cursor" | "limit"> | null;
  errors: Partial<Record<EvidenceFilterKey, string[]>> | null;
} {
  const first = (key: string) => (Array.isArray(raw[key]) ? raw[key][0] : raw[key]);
  const sort = sortSchema.parse(first("sort"));
  const query: EvidenceTableQuery = {
    sort,
    dir: dirSchema.parse(first("dir")) ?? defaultDir(sort),
    page: pageSchema.parse(first("page") ?? 1),
  };
  for (const key of EVIDENCE_FILTER_KEYS) {
    const value = first(key)?.trim();
    if (value) query[key] = value;
  }
  const values: EvidenceFilterValues = Object.fromEntries(EVIDENCE_FILTER_KEYS.filter((k) => query[k]).map((k) => [k, query[k]]));
  const parsed = evidenceListSchema.safeParse(values);
  if (!parsed.success) {
    return { query, filters: null, errors: z.flattenError(parsed.error).fieldErrors as Partial<Record<EvidenceFilterKey, string[]>> };
  }
  const { cursor: _cursor, limit: _limit, ...filters } = parsed.data;
  return { query, filters, errors: null };
}

export const hasEvidenceFilters = (values: EvidenceFilterValues) => EVIDENCE_FILTER_KEYS.some((k) => Boolean(values[k]));
