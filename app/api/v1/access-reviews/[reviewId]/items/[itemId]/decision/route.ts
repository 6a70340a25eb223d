import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { decideItem } from "@/lib/access-reviews/decisions";
import { accessReviewsApi as api } from "@/lib/api/endpoints/access-reviews";

export const dynamic = "force-dynamic";

// The item's reviewer decides it: keep, revoke or modify, with a comment (and a justification
// when the access is their own). Refused once the access review is signed off (409).
export const POST = apiRoute(api.decideAccessReviewItem, async ({ body: input, params, caller }) => {
  const item = await decideItem(params.reviewId, params.itemId, input, caller);
  return NextResponse.json({ ...item, decision: item.decision?.toLowerCase() ?? null });
});
