import Link from "next/link";
import { CHANGE_KINDS, CHANGE_KIND_LABELS, type ChangeListQuery } from "@/lib/validations/change";
import { FeatureOptions, Options } from "@/components/ui/options";
import { EVALUATION_LABELS, EVALUATION_STATES } from "@/lib/coverage/evaluation";

/** "/changes?…" for the current filters with some replaced (a page link, or a cleared filter). */
export function changesHref(query: ChangeListQuery, patch: Partial<ChangeListQuery>): string {
  const merged = { ...query, ...patch };
  const params = new URLSearchParams();
  for (const key of ["covered", "evaluation", "kind", "feature", "from", "to"] as const)
    if (merged[key]) params.set(key, String(merged[key]));
  if (merged.page > 1) params.set("page", String(merged.page));
  const search = params.toString();
  return search ? `/changes?${search}` : "/changes";
}

/** The list's filters, as a plain GET form (works without JavaScript). */
export function ChangesFilter({ query, features }: { query: ChangeListQuery; features: { slug: string; name: string }[] }) {
  return (
    <form method="get" action="/changes" aria-label="Filter changes" className="toolbar">
      <div className="field">
        <label htmlFor="evaluation">Evaluation</label>
        <select id="evaluation" name="evaluation" defaultValue={query.evaluation ?? ""}>
          <option value="">Any</option>
          <Options values={EVALUATION_STATES} labels={EVALUATION_LABELS} />
        </select>
      </div>
      {query.covered && <input type="hidden" name="covered" value={query.covered} />}
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
          <FeatureOptions features={features} />
        </select>
      </div>
      <button type="submit">Filter</button>
      <Link href="/changes">Clear</Link>
    </form>
  );
}
