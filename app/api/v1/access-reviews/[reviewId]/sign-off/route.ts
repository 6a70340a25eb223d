import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { signOffReview } from "@/lib/access-reviews/sign-off";
import { accessReviewsApi as api } from "@/lib/api/endpoints/access-reviews";

export const dynamic = "force-dynamic";

// A compliance lead signs off an access review whose items are all decided: it locks, and its record
// becomes accepted AI-SEC-05 evidence (returned with its SHA-256).
export const POST = apiRoute(api.signOffAccessReview, async ({ body: { statement }, params, caller }) => {
  const result = await signOffReview(params.reviewId, statement, caller);
  return NextResponse.json(result);
});
