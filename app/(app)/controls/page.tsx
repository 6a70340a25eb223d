import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { listControls } from "@/lib/controls/queries";
import { ControlsTable } from "@/components/controls/controls-table";
import { CATEGORIES, CATEGORY_LABELS, DESIGN_STATUSES, DESIGN_STATUS_LABELS } from "@/lib/validations/control";
import { Options } from "@/components/ui/options";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Controls" };

const filtersSchema = z.object({
  category: z.enum(CATEGORIES).optional().catch(undefined),
  status: z.enum(DESIGN_STATUSES).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
});

export default async function ControlsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePage("controls:read");
  const filters = filtersSchema.parse(await searchParams);
  const rows = await listControls({ category: filters.category, designStatus: filters.status, q: filters.q }, await scopeOf(principal));
  const filtered = Boolean(filters.category || filters.status || filters.q);
  return (
    <>
      <h1>Controls</h1>
      {principal.may("controls:write") && (
        <p>
          <Link className="button" href="/controls/new">
            New control
          </Link>
        </p>
      )}
      <p className="lede">
        The controls matrix: the guide&apos;s AI controls and your own, the criteria each supports, and their design status from the gap
        assessment.
      </p>
      {/* Keyed on the filters: the fields are uncontrolled, so a navigation that changes the URL
          (Clear, back) must remount them, or the selects would keep showing the old filter. */}
      <form key={JSON.stringify(filters)} className="toolbar" method="get" role="search" aria-label="Filter controls">
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Code, title, owner…" />
        </div>
        <div className="field">
          <label htmlFor="category">Category</label>
          <select id="category" name="category" defaultValue={filters.category ?? ""}>
            <option value="">All categories</option>
            <Options values={CATEGORIES} labels={CATEGORY_LABELS} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">Design status</label>
          <select id="status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">All statuses</option>
            <Options values={DESIGN_STATUSES} labels={DESIGN_STATUS_LABELS} />
          </select>
        </div>
        <button type="submit">Apply</button>
        {filtered && (
          <Link className="button secondary" href="/controls">
            Clear
          </Link>
        )}
      </form>
      <p className="muted" aria-live="polite">
        {rows.length} control{rows.length === 1 ? "" : "s"}
        {filtered ? " match" : ""}
      </p>
      <ControlsTable rows={rows} />
    </>
  );
}
