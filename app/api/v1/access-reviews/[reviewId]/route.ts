import { scopeOf } from "@/lib/auth/scope";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { allItems, getReview } from "@/lib/access-reviews/queries";
import { accessReviewsApi as api } from "@/lib/api/endpoints/access-reviews";

export const dynamic = "force-dynamic";

// GET /api/v1/access-reviews/{reviewId}: the access review, its progress and every item in import order.
export const GET = apiRoute(api.getAccessReview, async ({ params, caller }) => {
  const review = await getReview(params.reviewId, await scopeOf(caller));
  if (!review) throw new AppError("NOT_FOUND", `There is no access review ${params.reviewId}.`);
  return NextResponse.json({ ...review, items: await allItems(review.id) });
});
