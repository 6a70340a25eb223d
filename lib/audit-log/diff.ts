import { canonicalJson } from "@/lib/audit-log/chain";

// Pure: which top-level keys of an entry's before and after differ (for the log's compact diff).
export interface ChangedKey {
  key: string;
  before: unknown;
  after: unknown;
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The keys whose values differ (a key missing on one side counts as undefined), in key order. */
export function changedKeys(before: unknown, after: unknown): ChangedKey[] {
  const b = asRecord(before);
  const a = asRecord(after);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .sort()
    .filter((key) => canonicalJson(b[key]) !== canonicalJson(a[key]) || !(key in b) !== !(key in a))
    .map((key) => ({ key, before: b[key], after: a[key] }));
}
