import type { FeatureListQuery } from "@/lib/validations/feature";

/** The inventory URL for a list query with some parts changed; defaults are left out of the URL. */
export function inventoryHref(query: Partial<FeatureListQuery>, changes: Partial<FeatureListQuery> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const key of ["q", "vendor", "data", "impact", "status", "owner"] as const) {
    const value = next[key];
    if (value) params.set(key, value);
  }
  if (next.sort && next.sort !== "name") params.set("sort", next.sort);
  if (next.dir && next.dir !== "asc") params.set("dir", next.dir);
  if (next.page && next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `/inventory?${search}` : "/inventory";
}
