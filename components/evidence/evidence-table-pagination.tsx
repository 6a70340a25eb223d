import Link from "next/link";
import type { EvidenceTableQuery } from "@/lib/validations/evidence-table";
import { evidenceTableHref } from "@/components/evidence/evidence-table-href";

/** Page links, as the inventory's: Previous, first, last, a window around the current page, Next. */
export function EvidenceTablePagination({ query, page, pageCount }: { query: EvidenceTableQuery; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])]
    .filter((p) => p >= 1 && p <= pageCount)
    .sort((a, b) => a - b);
  return (
    <nav aria-label="Pages" className="toolbar">
      {page > 1 ? (
        <Link href={evidenceTableHref(query, { page: page - 1 })} rel="prev">
          ← Previous
        </Link>
      ) : null}
      {shown.map((p, i) => (
        <span key={p}>
          {i > 0 && shown[i - 1] !== p - 1 ? <span aria-hidden="true">… </span> : null}
          {p === page ? (
            <strong aria-current="page">{p}</strong>
          ) : (
            <Link href={evidenceTableHref(query, { page: p })} aria-label={`Page ${p}`}>
              {p}
            </Link>
          )}
        </span>
      ))}
      {page < pageCount ? (
        <Link href={evidenceTableHref(query, { page: page + 1 })} rel="next">
          Next →
        </Link>
      ) : null}
    </nav>
  );
}
