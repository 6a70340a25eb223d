import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { reviewQueuePage } from "@/lib/evidence/queries";
import { formatBytes } from "@/lib/format";
import { ReviewForm } from "@/components/evidence/review-form";
import { canReviewEvidence } from "@/lib/evidence/ownership";
import { selfReviewAllowed } from "@/lib/settings/self-review";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review evidence" };

const searchSchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePage("evidence:review");
  const { page } = searchSchema.parse(await searchParams);
  const [{ total, pageCount, items }, allowSelfReview] = await Promise.all([reviewQueuePage(page), selfReviewAllowed()]);
  // The service's own rule (segregation of duties), so the page never offers a review it would refuse.
  const verdicts = new Map(items.map((e) => [e.id, canReviewEvidence(e.uploader, principal, allowSelfReview)]));
  return (
    <>
      <h1>Review evidence</h1>
      <p className="lede">
        Oldest first. Accept what shows the control operated on its effective date; reject with a reason the uploader can act on. Only
        accepted evidence counts toward coverage.
      </p>
      {total === 0 ? (
        <div className="card empty">Nothing waits for review. New uploads from people and from CI appear here.</div>
      ) : (
        <>
          <p className="muted">
            {total} waiting{pageCount > 1 ? ` · page ${page} of ${pageCount}` : ""}
          </p>
          <ul className="review-queue" aria-label="Evidence awaiting review">
            {items.map((e) => (
              <li key={e.id} className="card" data-evidence={e.id}>
                <h2>
                  <Link href={`/evidence/${e.id}`}>{e.title}</Link>
                </h2>
                <p className="muted">
                  <Link href={`/controls/${e.control}`}>{e.control}</Link> · effective {e.effectiveDate}
                  {e.version > 1 ? ` · version ${e.version}` : ""} · by {e.uploadedBy ?? "—"} ·{" "}
                  {e.uploadedAt.replace("T", " ").slice(0, 16)} UTC
                </p>
                {e.description && <p>{e.description}</p>}
                <p>
                  {e.sha256 ? (
                    <a href={`/api/v1/evidence/${e.id}/file`} download>
                      {e.fileName} ({formatBytes(e.size ?? 0)})
                    </a>
                  ) : (
                    <a href={e.url!} rel="noopener noreferrer nofollow" target="_blank">
                      {e.url}
                    </a>
                  )}
                </p>
                {verdicts.get(e.id)?.ok === false ? (
                  <p className="muted" data-testid="own-evidence">
                    You uploaded this evidence, so someone else reviews it (segregation of duties). To take it back, open it and withdraw
                    it.
                  </p>
                ) : (
                  <>
                    {verdicts.get(e.id)?.ok && (verdicts.get(e.id) as { selfReviewed: boolean }).selfReviewed && (
                      <p className="muted" data-testid="own-evidence">
                        You uploaded this evidence: the organisation allows self-review, and your review will be marked self-reviewed.
                      </p>
                    )}
                    <ReviewForm id={e.id} title={e.title} />
                  </>
                )}
              </li>
            ))}
          </ul>
          <nav aria-label="Pages" className="toolbar">
            {page > 1 && <Link href={`/evidence/review?page=${page - 1}`}>Previous</Link>}
            {page < pageCount && <Link href={`/evidence/review?page=${page + 1}`}>Next</Link>}
          </nav>
        </>
      )}
    </>
  );
}
