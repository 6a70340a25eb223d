import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { ImportForm } from "@/components/access-reviews/import-form";
import { getReview, importDirectory } from "@/lib/access-reviews/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import access items" };

export default async function ImportAccessItemsPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const principal = await requirePage("access-reviews:write");
  const { reviewId } = await params;
  if (!z.uuid().safeParse(reviewId).success) notFound();
  const [review, directory] = await Promise.all([getReview(reviewId, await scopeOf(principal)), importDirectory()]);
  if (!review) notFound();
  return (
    <>
      <p>
        <Link href={`/access-reviews/${review.id}`}>← {review.name}</Link>
      </p>
      <h1>Import items into {review.name}</h1>
      {review.status !== "DRAFT" ? (
        <div className="alert warn" role="status">
          This access review has started: its items are frozen, so nothing can be imported.
        </div>
      ) : (
        <>
          <p className="lede">
            An access export as CSV (an AWS IAM credential report, or any list of who has which access). Map its columns, check every row in
            the preview, then import: all rows in one step, or none if any row is wrong.
          </p>
          <ImportForm reviewId={review.id} directory={directory} />
        </>
      )}
    </>
  );
}
