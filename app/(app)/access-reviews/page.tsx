import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { ProgressBar } from "@/components/access-reviews/progress-bar";
import { AccessReviewLinks } from "@/components/access-reviews/review-section";
import { accessReviewSchedule, listReviews } from "@/lib/access-reviews/queries";
import { formatDay } from "@/lib/access-reviews/schedule";
import { REVIEW_STATUS_LABELS } from "@/lib/validations/access-review";
import { TableScroll } from "@/components/ui/table-scroll";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Access reviews" };

export default async function AccessReviewsPage() {
  const principal = await requirePage("access-reviews:read");
  const [reviews, next] = await Promise.all([listReviews(await scopeOf(principal)), accessReviewSchedule()]);
  const canEdit = principal.may("access-reviews:write");
  return (
    <>
      <h1>Access reviews</h1>
      <p className="lede">
        Quarterly access reviews (AI-SEC-05): who can reach model API keys, prompt logs, training data and tool servers, decided item by
        item and signed off.
      </p>
      <p className={next.overdue ? "alert error" : "alert warn"} data-testid="next-access-review">
        Next access review: {next.quarter}, due by {formatDay(next.dueBy)}
        {next.after ? ` (the last signed-off access review was ${next.after})` : " (no access review signed off yet)"}.
        {next.missed &&
          ` No access review was signed off for ${next.missed.from === next.missed.to ? next.missed.from : `${next.missed.from} to ${next.missed.to}`}.`}
      </p>
      <AccessReviewLinks />
      {canEdit && (
        <p>
          <Link className="button" href="/access-reviews/new">
            New access review
          </Link>
        </p>
      )}
      {reviews.length === 0 ? (
        <div className="card empty">
          No access review yet.{canEdit ? " Create an access review for this quarter and import its access list." : ""}
        </div>
      ) : (
        <TableScroll label="Access reviews">
          <table className="data" aria-label="Access reviews">
            <thead>
              <tr>
                <th scope="col">Access review</th>
                <th scope="col">Quarter</th>
                <th scope="col">Status</th>
                <th scope="col">Due</th>
                <th scope="col">Progress</th>
              </tr>
            </thead>
            <tbody>
              {reviews.map((r) => (
                <tr key={r.id} data-review={r.id}>
                  <td>
                    <Link href={`/access-reviews/${r.id}`}>{r.name}</Link>
                  </td>
                  <td>
                    {r.quarter}
                    {r.late && (
                      <>
                        {" "}
                        <span className="badge LATE" title={`Signed off after ${r.quarter} ended: counts for ${r.performedIn}`}>
                          Late, counts for {r.performedIn}
                        </span>
                      </>
                    )}
                  </td>
                  <td>
                    <span className="badge">{REVIEW_STATUS_LABELS[r.status]}</span>
                  </td>
                  <td>{r.dueDate ? formatDay(r.dueDate) : "—"}</td>
                  <td>
                    <ProgressBar done={r.progress.decided} total={r.progress.total} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
