import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { inventoryChoices, listFeatures } from "@/lib/features/queries";
import {
  DATA_CATEGORIES,
  DATA_CATEGORY_LABELS,
  FEATURE_STATUSES,
  IMPACTS,
  IMPACT_LABELS,
  parseFeatureListLenient,
} from "@/lib/validations/feature";
import { FeaturesTable } from "@/components/inventory/features-table";
import { STATUS_LABELS } from "@/components/inventory/features-table-columns";
import { inventoryHref } from "@/components/inventory/inventory-href";
import { PageLinks } from "@/components/ui/page-links";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Inventory" };

export default async function InventoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePage("features:read");
  const scope = await scopeOf(principal);
  const query = parseFeatureListLenient(await searchParams);
  const [page, choices] = await Promise.all([listFeatures(query, scope), inventoryChoices(scope)]);
  const filtered = Boolean(query.q || query.vendor || query.data || query.impact || query.status || query.owner);
  const writable = principal.may("features:write");
  const first = (page.page - 1) * page.pageSize + 1;
  return (
    <>
      <h1>Inventory</h1>
      <p className="lede">Every AI feature the company runs, with the guide&apos;s six answers that decide which controls apply.</p>
      <div className="toolbar">
        {writable && (
          <Link className="button" href="/inventory/new">
            New feature
          </Link>
        )}
        {writable && (
          <Link className="button secondary" href="/inventory/import">
            Import CSV
          </Link>
        )}
        <a
          className="button secondary"
          href={`/api/v1/features?${new URLSearchParams({ ...filterParams(query), format: "csv" })}`}
          download
        >
          Export CSV
        </a>
      </div>
      <form key={JSON.stringify(query)} className="toolbar" method="get" role="search" aria-label="Filter features">
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="Name, purpose, owner…" />
        </div>
        <Select id="vendor" label="Vendor" value={query.vendor} all="All vendors" options={choices.vendors.map((v) => [v, v])} />
        <Select
          id="data"
          label="Data category"
          value={query.data}
          all="All data"
          options={DATA_CATEGORIES.map((c) => [c, DATA_CATEGORY_LABELS[c]])}
        />
        <Select id="impact" label="Impact" value={query.impact} all="All impacts" options={IMPACTS.map((i) => [i, IMPACT_LABELS[i]])} />
        <Select
          id="status"
          label="Status"
          value={query.status}
          all="All statuses"
          options={FEATURE_STATUSES.map((s) => [s, STATUS_LABELS[s]])}
        />
        <Select id="owner" label="Owner" value={query.owner} all="All owners" options={choices.owners.map((o) => [o, o])} />
        {query.sort !== "name" && <input type="hidden" name="sort" value={query.sort} />}
        {query.dir !== "asc" && <input type="hidden" name="dir" value={query.dir} />}
        <button type="submit">Apply</button>
        {filtered && (
          <Link className="button secondary" href={inventoryHref({ sort: query.sort, dir: query.dir })}>
            Clear
          </Link>
        )}
      </form>
      <p className="muted" aria-live="polite">
        {page.total === 0
          ? filtered
            ? "0 features match"
            : "0 features"
          : `${page.total} feature${page.total === 1 ? "" : "s"}${filtered ? " match" : ""}, showing ${first}–${first + page.rows.length - 1}`}
      </p>
      {page.total === 0 ? (
        <div className="card empty">
          {filtered
            ? "No feature matches these filters. Clear the search or choose other filters."
            : writable
              ? "No AI feature is recorded yet. Add the first one with New feature, or import a CSV."
              : "No AI feature is recorded yet. A compliance lead adds them."}
        </div>
      ) : (
        <>
          <FeaturesTable page={page} query={query} />
          <PageLinks page={page.page} pageCount={page.pageCount} hrefFor={(p) => inventoryHref(query, { page: p })} />
        </>
      )}
    </>
  );
}

function filterParams(query: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ["q", "vendor", "data", "impact", "status", "owner"])
    if (typeof query[key] === "string") out[key] = query[key] as string;
  return out;
}

function Select({
  id,
  label,
  value,
  all,
  options,
}: {
  id: string;
  label: string;
  value?: string;
  all: string;
  options: [string, string][];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={id} defaultValue={value ?? ""}>
        <option value="">{all}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
