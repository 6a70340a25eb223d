import { defaultDir, EVIDENCE_FILTER_KEYS, type EvidenceTableQuery } from "@/lib/validations/evidence-table";

/** The evidence table's URL for a query with some parts changed; defaults are left out of the URL. */
export function evidenceTableHref(query: Partial<EvidenceTableQuery>, changes: Partial<EvidenceTableQuery> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const key of EVIDENCE_FILTER_KEYS) {
    const value = next[key];
    if (value) params.set(key, value);
  }
  const sort = next.sort ?? "uploaded";
  if (sort !== "uploaded") params.set("sort", sort);
  if (next.dir && next.dir !== defaultDir(sort)) params.set("dir", next.dir);
  if (next.page && next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `/evidence?${search}` : "/evidence";
}
