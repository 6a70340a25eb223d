import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { listVendors } from "@/lib/vendors/queries";
import { VENDOR_PAGE_SIZE, vendorListSchema, type VendorListQuery } from "@/lib/validations/vendor";
import { VendorsTable } from "@/components/vendors/vendors-table";
import { PageLinks } from "@/components/ui/page-links";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Vendors" };

const FILTER_LABELS = { "": "All vendors", incomplete: "Incomplete package only", overdue: "Review overdue only" } as const;

const hrefFor = (filter: VendorListQuery["filter"], page = 1) => {
  const params = new URLSearchParams();
  if (filter) params.set("filter", filter);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/vendors?${search}` : "/vendors";
};

export default async function VendorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePage("vendors:read");
  const query = vendorListSchema.parse(await searchParams);
  const page = await listVendors(query, await scopeOf(principal));
  return (
    <>
      <h1>Vendors</h1>
      <p className="lede">
        Model providers and other AI vendors, with the guide&apos;s due-diligence package for each (as of {page.today}): SOC 2 Type II
        report, ISO 27001 certificate if available, DPA, data-handling terms, incident notification commitment and security contact, and the
        annual review.
      </p>
      {principal.may("vendors:write") && (
        <p>
          <Link className="button" href="/vendors/new">
            New vendor
          </Link>
        </p>
      )}
      <form className="toolbar" method="get" role="search" aria-label="Filter vendors">
        <div className="field">
          <label htmlFor="filter">Show</label>
          <select id="filter" name="filter" defaultValue={query.filter ?? ""}>
            {Object.entries(FILTER_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Apply</button>
      </form>
      {page.total === 0 ? (
        <div className="card empty">
          {query.filter
            ? "No vendor matches this filter."
            : "No vendor yet. Vendors are added here or from a feature's form in the inventory."}
        </div>
      ) : (
        <>
          <p className="muted">
            {page.total} {page.total === 1 ? "vendor" : "vendors"}
          </p>
          <VendorsTable rows={page.rows} page={page.page} pageSize={VENDOR_PAGE_SIZE} total={page.total} />
          <PageLinks page={page.page} pageCount={page.pageCount} hrefFor={(p) => hrefFor(query.filter, p)} />
        </>
      )}
    </>
  );
}
