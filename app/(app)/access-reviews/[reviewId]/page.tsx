import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { PageLinks } from "@/components/ui/page-links";
import { ProgressBar } from "@/components/access-reviews/progress-bar";
import { ItemsTable } from "@/components/access-reviews/items-table";
import { ItemForm } from "@/components/access-reviews/item-form";
import { AssignUnassignedForm, StartReviewButton } from "@/components/access-reviews/assign-form";
import { ReviewSection } from "@/components/access-reviews/review-section";
import {
  DECISION_FILTERS,
  featureChoices,
  getReview,
  listItems,
  reviewerChoices,
  reviewersOf,
  startReadiness,
} from "@/lib/access-reviews/queries";
import { formatDay } from "@/lib/access-reviews/schedule";
import { RESOURCE_KIND_LABELS, REVIEW_STATUS_LABELS } from "@/lib/validations/access-review";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Access review" };

const query = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  reviewer: z.string().trim().max(320).optional().catch(undefined),
  decision: z.enum(DECISION_FILTERS).optional().catch(undefined),
  // Set by the import page after a successful import, to say so here.
  imported: z.coerce.number().int().min(0).optional().catch(undefined),
  from: z.string().max(300).optional().catch(undefined),
});

export default async function AccessReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ reviewId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const principal = await requirePage("access-reviews:read");
  const { reviewId } = await params;
  if (!z.uuid().safeParse(reviewId).success) notFound();
  const q = query.parse(await searchParams);
  const review = await getReview(reviewId, await scopeOf(principal));
  if (!review) notFound();
  const canWrite = principal.may("access-reviews:write");
  const draft = review.status === "DRAFT";
  const [items, reviewers, filterReviewers, features, readiness] = await Promise.all([
    listItems(review.id, { page: q.page, reviewer: q.reviewer || undefined, decision: q.decision }),
    canWrite ? reviewerChoices() : Promise.resolve([]),
    reviewersOf(review.id),
    featureChoices(),
    draft && canWrite ? startReadiness(review.id) : Promise.resolve(null),
  ]);
  const featureNames = review.features.map((slug) => features.find((f) => f.slug === slug)?.name ?? slug);
  const hrefFor = (page: number) => {
    const sp = new URLSearchParams();
    if (page > 1) sp.set("page", String(page));
    if (q.reviewer) sp.set("reviewer", q.reviewer);
    if (q.decision) sp.set("decision", q.decision);
    const s = sp.toString();
    return `/access-reviews/${review.id}${s ? `?${s}` : ""}`;
  };
  return (
    <>
      <p>
        <Link href="/access-reviews">← Access reviews</Link>
      </p>
      <h1>{review.name}</h1>
      {q.imported !== undefined && (
        <div role="status" className="alert success">
          Imported {q.imported} item{q.imported === 1 ? "" : "s"}
          {q.from ? ` from ${q.from}` : ""}.
        </div>
      )}
      <dl className="facts">
        <dt>Quarter</dt>
        <dd>{review.quarter}</dd>
        {review.sameQuarterReason && (
          <>
            <dt>Another access review for {review.quarter}</dt>
            <dd data-testid="same-quarter-reason">{review.sameQuarterReason}</dd>
          </>
        )}
        {review.performedIn && (
          <>
            <dt>Performed in</dt>
            <dd data-testid="performed-in">
              {review.performedIn}
              {review.late && (
                <>
                  {" "}
                  <span className="badge LATE">Late</span> for {review.quarter}: signed off after the quarter ended, so the record counts
                  for {review.performedIn}
                </>
              )}
            </dd>
          </>
        )}
        <dt>Status</dt>
        <dd>
          <span className="badge" data-testid="review-status">
            {REVIEW_STATUS_LABELS[review.status]}
          </span>
        </dd>
        <dt>Decisions due</dt>
        <dd>{review.dueDate ? formatDay(review.dueDate) : "—"}</dd>
        <dt>Resources in scope</dt>
        <dd>{review.resources.map((r) => RESOURCE_KIND_LABELS[r]).join(", ") || "—"}</dd>
        <dt>Features in scope</dt>
        <dd>{featureNames.join(", ") || "—"}</dd>
        {review.startedAt && (
          <>
            <dt>Started</dt>
            <dd>{review.startedAt.slice(0, 16).replace("T", " ")} UTC</dd>
          </>
        )}
      </dl>
      <ProgressBar done={review.progress.decided} total={review.progress.total} />
      {draft && canWrite && (
        <section aria-labelledby="prepare-heading" className="card">
          <h2 id="prepare-heading">Prepare the access review</h2>
          <p className="toolbar">
            <Link className="button secondary" href={`/access-reviews/${review.id}/edit`}>
              Edit name, quarter and scope
            </Link>
            <Link className="button" href={`/access-reviews/${review.id}/import`}>
              Import items from CSV
            </Link>
          </p>
          <h3>Add an item by hand</h3>
          <ItemForm reviewId={review.id} reviewers={reviewers} />
          {readiness && readiness.total > 0 && (
            <>
              <h3>Reviewers</h3>
              <AssignUnassignedForm reviewId={review.id} reviewers={reviewers} unassigned={readiness.unassigned} />
            </>
          )}
          <h3>Start</h3>
          <p className="muted">Starting freezes the items: none can be added, imported, edited or removed afterwards.</p>
          <StartReviewButton reviewId={review.id} ready={readiness?.ready ?? false} why={readiness?.why ?? null} />
        </section>
      )}
      <h2>Items</h2>
      <form method="get" className="toolbar" aria-label="Filter items">
        <div className="field">
          <label htmlFor="filter-reviewer">Reviewer</label>
          <select id="filter-reviewer" name="reviewer" defaultValue={q.reviewer ?? ""}>
            <option value="">Any</option>
            <option value="none">Unassigned</option>
            {filterReviewers.map((email) => (
              <option key={email} value={email}>
                {email}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-decision">Decision</label>
          <select id="filter-decision" name="decision" defaultValue={q.decision ?? ""}>
            <option value="">Any</option>
            <option value="undecided">Undecided</option>
            <option value="KEEP">Keep</option>
            <option value="REVOKE">Revoke</option>
            <option value="MODIFY">Modify</option>
          </select>
        </div>
        <button type="submit" className="secondary">
          Filter
        </button>
      </form>
      {items.total === 0 ? (
        <div className="card empty">
          {q.reviewer || q.decision
            ? "No item matches these filters."
            : draft
              ? "No item yet: import a CSV export or add items by hand."
              : "No item."}
        </div>
      ) : (
        <>
          <p className="muted">
            {items.total} item{items.total === 1 ? "" : "s"}
            {items.pageCount > 1 ? `, page ${q.page} of ${items.pageCount}` : ""}
          </p>
          <ItemsTable
            reviewId={review.id}
            rows={items.rows.map(({ raw: _raw, ...r }) => r)}
            editable={draft && canWrite}
            assignable={canWrite && (draft || review.status === "IN_PROGRESS")}
            reviewers={reviewers}
          />
          <PageLinks page={q.page} pageCount={items.pageCount} hrefFor={hrefFor} />
        </>
      )}
      <ReviewSection reviewId={review.id} />
    </>
  );
}
