import { scopeOf } from "@/lib/auth/scope";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { createReview } from "@/lib/access-reviews/service";
import { listReviews } from "@/lib/access-reviews/queries";
import { accessReviewsApi as api } from "@/lib/api/endpoints/access-reviews";

export const dynamic = "force-dynamic";

export const GET = apiRoute(api.listAccessReviews, async ({ caller }) =>
  NextResponse.json({ items: await listReviews(await scopeOf(caller)) }),
);

// POST /api/v1/access-reviews {"name", "quarter": "2026-Q4", "dueDate"?, "features"?: [slug], "resources"?: [ResourceKind]}
export const POST = apiRoute(api.createAccessReview, async ({ body: input, caller }) => {
  const review = await createReview(input, caller);
  return NextResponse.json(review, { status: 201, headers: { Location: `/api/v1/access-reviews/${review.id}` } });
});
