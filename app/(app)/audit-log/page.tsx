import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { changedKeys } from "@/lib/audit-log/diff";
import { auditLogFilterOptions, auditLogPage } from "@/lib/audit-log/queries";
import { auditLogFiltersSchema, hasFilters, searchParamsToObject, type AuditLogFilters } from "@/lib/validations/audit-log";
import { AuditLogFilters as FilterForm, type AuditLogFilterValues } from "@/components/audit-log/audit-log-filters";
import { AuditLogTable } from "@/components/audit-log/audit-log-table";
import { VerifyChainButton } from "@/components/audit-log/verify-chain-button";
import styles from "@/components/audit-log/audit-log.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function pageHref(filters: AuditLogFilters, cursor: string) {
  const params = new URLSearchParams();
  for (const key of ["actor", "entityType", "entityId", "action", "from", "to"] as const) {
    if (filters[key]) params.set(key, filters[key]);
  }
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `/audit-log?${query}` : "/audit-log";
}

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await requirePage("audit-log:read");
  const raw = searchParamsToObject(await searchParams);
  const parsed = auditLogFiltersSchema.safeParse(raw);
  const options = await auditLogFilterOptions(await scopeOf(principal));
  const intro = (
    <>
      <h1>Audit log</h1>
      <p className="lede">
        Every change: who, when, what, before and after. Entries are append-only and hash-chained: each carries the SHA-256 of the one
        before, so any edit or removal breaks the chain.
      </p>
      <VerifyChainButton />
    </>
  );

  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    return (
      <>
        {intro}
        <div role="alert" className="alert error">
          {Object.values(flat.fieldErrors).flat()[0] ?? flat.formErrors[0] ?? "These filters are not valid."} No entries are shown until the
          filters are fixed.
        </div>
        <FilterForm values={raw as AuditLogFilterValues} errors={flat.fieldErrors} options={options} filtered />
      </>
    );
  }

  const filters = parsed.data;
  const filtered = hasFilters(filters);
  const page = await auditLogPage(filters, await scopeOf(principal));
  const rows = page.rows.map((r) => ({ ...r, changes: changedKeys(r.before, r.after) }));
  const first = page.newerCount + 1;
  return (
    <>
      {intro}
      <FilterForm values={filters} options={options} filtered={filtered} />
      <p className="muted" aria-live="polite">
        {rows.length === 0
          ? `0 of ${page.total} entries`
          : `Entries ${first}–${page.newerCount + rows.length} of ${page.total}${filtered ? " matching" : ""}, newest first`}
      </p>
      {rows.length === 0 ? (
        <div className="card empty">
          {filtered || filters.cursor
            ? "No entry matches these filters. Widen the date range or clear a filter."
            : "The audit log is empty. Changes to controls, features, users and tokens will appear here as they happen."}
        </div>
      ) : (
        <AuditLogTable rows={rows} />
      )}
      {(page.newerCursor !== null || page.olderCursor) && (
        <nav className={styles.pager} aria-label="Audit log pages">
          {page.newerCursor !== null && <Link href={pageHref(filters, page.newerCursor)}>← Newer</Link>}
          {page.olderCursor && <Link href={pageHref(filters, page.olderCursor)}>Older →</Link>}
        </nav>
      )}
    </>
  );
}
