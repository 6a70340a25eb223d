import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { startReview } from "@/lib/access-reviews/service";
import { accessReviewsApi as api } from "@/lib/api/endpoints/access-reviews";

export const dynamic = "force-dynamic";

// POST /api/v1/access-reviews/{reviewId}/start: DRAFT -> IN_PROGRESS (every item needs a reviewer); the items freeze.
export const POST = apiRoute(api.startAccessReview, async ({ params, caller }) =>
  NextResponse.json(await startReview(params.reviewId, caller)),
);
