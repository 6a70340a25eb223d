import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { AccessReviewForm } from "@/components/access-reviews/access-review-form";
import { featureChoices, getReview } from "@/lib/access-reviews/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit access review" };

export default async function EditAccessReviewPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const principal = await requirePage("access-reviews:write");
  const { reviewId } = await params;
  if (!z.uuid().safeParse(reviewId).success) notFound();
  const [review, features] = await Promise.all([getReview(reviewId, await scopeOf(principal)), featureChoices()]);
  if (!review) notFound();
  return (
    <>
      <p>
        <Link href={`/access-reviews/${review.id}`}>← {review.name}</Link>
      </p>
      <h1>Edit {review.name}</h1>
      {review.status !== "DRAFT" ? (
        <div className="alert warn" role="status">
          This access review has started: its name, quarter and scope are fixed.
        </div>
      ) : (
        <AccessReviewForm
          initial={{
            id: review.id,
            name: review.name,
            quarter: review.quarter,
            dueDate: review.dueDate ?? "",
            features: review.features,
            resources: review.resources,
            sameQuarterReason: review.sameQuarterReason ?? "",
          }}
          features={features}
        />
      )}
    </>
  );
}
