import Link from "next/link";
import { CHANGE_KINDS, CHANGE_KIND_LABELS, type ChangeListQuery } from "@/lib/validations/change";
import { Options } from "@/components/ui/options";

/** "/changes?…" for the current filters with some replaced (a page link, or a cleared filter). */
export function changesHref(query: ChangeListQuery, patch: Partial<ChangeListQuery>): string {
  const merged = { ...query, ...patch };
  const params = new URLSearchParams();
  for (const key of ["covered", "kind", "feature", "from", "to"] as const) if (merged[key]) params.set(key, String(merged[key]));
  if (merged.page > 1) params.set("page", String(merged.page));
  const search = params.toString();
  return search ? `/changes?${search}` : "/changes";
}

/** The list's filters, as a plain GET form (works without JavaScript). */
export function ChangesFilter({ query, features }: { query: ChangeListQuery; features: { slug: string; name: string }[] }) {
  return (
    <form method="get" action="/changes" aria-label="Filter changes" className="toolbar">
      <div className="field">
        <label htmlFor="covered">Evaluation evidence</label>
        <select id="covered" name="covered" defaultValue={query.covered ?? ""}>
          <option value="">Any</option>
          <option value="true">Covered</option>
          <option value="false">Not covered</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="kind">Kind</label>
        <select id="kind" name="kind" defaultValue={query.kind ?? ""}>
          <option value="">Any</option>
          <Options values={CHANGE_KINDS} labels={CHANGE_KIND_LABELS} />
        </select>
      </div>
      <div className="field">
        <label htmlFor="feature">Feature</label>
        <select id="feature" name="feature" defaultValue={query.feature ?? ""}>
          <option value="">Any</option>
          {features.map((f) => (
            <option key={f.slug} value={f.slug}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Filter</button>
      <Link href="/changes">Clear</Link>
    </form>
  );
}
