import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { markRevocationDone } from "@/lib/access-reviews/decisions";
import { accessReviewsApi as api } from "@/lib/api/endpoints/access-reviews";

export const dynamic = "force-dynamic";

// A revoke or modify decision is done: by a compliance lead or the item's reviewer, with the date.
export const POST = apiRoute(api.markAccessRevocationDone, async ({ body: input, params, caller }) => {
  const done = await markRevocationDone(params.reviewId, params.itemId, input, caller);
  return NextResponse.json({ ...done, decision: done.decision?.toLowerCase() ?? null });
});
