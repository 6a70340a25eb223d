import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { evidenceFilterChoices } from "@/lib/evidence/filter-choices";
import { EVIDENCE_PAGE_SIZE, listEvidencePage } from "@/lib/evidence/queries";
import { hasEvidenceFilters, parseEvidenceTableQuery } from "@/lib/validations/evidence-table";
import { EvidenceFilters } from "@/components/evidence/evidence-filters";
import { EvidenceTable } from "@/components/evidence/evidence-table";
import type { EvidenceTableRow } from "@/components/evidence/evidence-table-columns";
import { evidenceTableHref } from "@/components/evidence/evidence-table-href";
import { PageLinks } from "@/components/ui/page-links";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Evidence" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EvidencePage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await requirePage("evidence:read");
  const { query, filters, errors } = parseEvidenceTableQuery(await searchParams);
  const scope = await scopeOf(principal);
  const choices = await evidenceFilterChoices(scope);
  const filtered = hasEvidenceFilters(query);
  const writable = principal.may("evidence:write");
  const intro = (
    <>
      <h1>Evidence</h1>
      <p className="lede">
        Dated proof that each control operated: files and links tied to a control, reviewed by a compliance lead. Only accepted evidence
        counts toward coverage.
      </p>
      {writable && (
        <div className="toolbar">
          <Link className="button" href="/evidence/upload">
            Upload evidence
          </Link>
        </div>
      )}
    </>
  );

  if (!filters) {
    return (
      <>
        {intro}
        <div role="alert" className="alert error">
          {Object.values(errors ?? {}).flat()[0] ?? "These filters are not valid."} No evidence is shown until the filters are fixed.
        </div>
        <EvidenceFilters query={query} errors={errors} choices={choices} filtered />
      </>
    );
  }

  let page = await listEvidencePage({ ...filters, sort: query.sort, dir: query.dir, page: query.page }, scope);
  if (page.items.length === 0 && query.page > page.pageCount) {
    // A page number beyond the end (the list shrank, or a hand-edited URL): show the last page.
    query.page = page.pageCount;
    page = await listEvidencePage({ ...filters, sort: query.sort, dir: query.dir, page: query.page }, scope);
  }
  const rows: EvidenceTableRow[] = page.items.map((e) => ({
    id: e.id,
    control: e.control,
    title: e.title,
    effectiveDate: e.effectiveDate,
    status: e.status,
    source: e.source,
    uploadedBy: e.uploadedBy,
    uploadedAt: e.uploadedAt,
    fileName: e.fileName,
    size: e.size,
    url: e.url,
    version: e.version,
    supersededBy: e.supersededBy,
    selfReviewed: e.selfReviewed,
  }));
  const first = (query.page - 1) * EVIDENCE_PAGE_SIZE + 1;
  return (
    <>
      {intro}
      <EvidenceFilters query={query} choices={choices} filtered={filtered} />
      <p className="muted" aria-live="polite">
        {summary(page.total, filtered)}
        {rows.length > 0 && `, showing ${first}–${first + rows.length - 1}`}
      </p>
      {page.total === 0 ? (
        <div className="card empty">
          {filtered ? (
            <>
              No evidence matches these filters.{" "}
              <Link href={evidenceTableHref({ sort: query.sort, dir: query.dir })}>Clear the filters</Link> or choose others.
            </>
          ) : (
            <>
              No evidence is recorded yet. Evidence is a file or a link (a CI run, a review record, a signed policy) that shows a control
              operated on a given date.{" "}
              {writable ? (
                <Link href="/evidence/upload">Upload the first piece of evidence.</Link>
              ) : (
                "Engineers and compliance leads upload it, in the browser or from CI."
              )}
            </>
          )}
        </div>
      ) : (
        <>
          <EvidenceTable rows={rows} total={page.total} pageSize={EVIDENCE_PAGE_SIZE} query={query} />
          <PageLinks page={query.page} pageCount={page.pageCount} hrefFor={(p) => evidenceTableHref(query, { page: p })} />
        </>
      )}
    </>
  );
}

/** "1 piece of evidence matches", "30 pieces of evidence": the count the filters leave. */
function summary(total: number, filtered: boolean): string {
  const noun = total === 1 ? "piece of evidence" : "pieces of evidence";
  return `${total} ${noun}${filtered ? (total === 1 ? " matches" : " match") : ""}`;
}
