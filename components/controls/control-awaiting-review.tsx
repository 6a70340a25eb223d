import Link from "next/link";

// A control's evidence waiting for a review. "Review" only for whoever may review that piece
// (the page asks canReviewEvidence and mayFollow); everyone else sees the links alone.

export interface AwaitingItem {
  id: string;
  title: string;
  effectiveDate: string;
  uploadedAt: string;
  reviewable: boolean;
}

export function ControlAwaitingReview({ code, items }: { code: string; items: AwaitingItem[] }) {
  return (
    <section aria-labelledby="awaiting-heading">
      <h2 id="awaiting-heading">Awaiting review</h2>
      {items.length === 0 ? (
        <div className="card empty">No evidence for {code} waits for review.</div>
      ) : (
        <ul aria-label={`Evidence for ${code} awaiting review`}>
          {items.map((e) => (
            <li key={e.id} data-evidence={e.id}>
              <Link href={`/evidence/${e.id}`}>{e.title}</Link> · effective {e.effectiveDate} · uploaded{" "}
              {e.uploadedAt.replace("T", " ").slice(0, 16)} UTC
              {e.reviewable && (
                <>
                  {" "}
                  <Link className="button secondary" href={`/evidence/${e.id}#review-heading`}>
                    Review
                  </Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
