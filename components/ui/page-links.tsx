import Link from "next/link";

/** Page links for a server-paginated list: Previous, first, last, a window around the current page, Next. */
export function PageLinks({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])]
    .filter((p) => p >= 1 && p <= pageCount)
    .sort((a, b) => a - b);
  return (
    <nav aria-label="Pages" className="toolbar">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : null}
      {shown.map((p, i) => (
        <span key={p}>
          {i > 0 && shown[i - 1] !== p - 1 ? <span aria-hidden="true">… </span> : null}
          {p === page ? (
            <strong aria-current="page">{p}</strong>
          ) : (
            <Link href={hrefFor(p)} aria-label={`Page ${p}`}>
              {p}
            </Link>
          )}
        </span>
      ))}
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next">
          Next →
        </Link>
      ) : null}
    </nav>
  );
}
