import { NextResponse } from "next/server";
import { apiRoute, parseJsonBody } from "@/lib/api/route";
import { createReview } from "@/lib/access-reviews/campaigns";
import { listReviews } from "@/lib/access-reviews/queries";
import { campaignSchema } from "@/lib/access-reviews/validation";

export const dynamic = "force-dynamic";

export const GET = apiRoute("access-reviews:read", {}, async () => NextResponse.json({ items: await listReviews() }));

// POST /api/v1/access-reviews {"name", "quarter": "2026-Q4", "dueDate"?, "features"?: [slug], "resources"?: [ResourceKind]}
export const POST = apiRoute("access-reviews:write", {}, async ({ request, caller }) => {
  const input = await parseJsonBody(request, campaignSchema);
  const review = await createReview(input, caller);
  return NextResponse.json(review, { status: 201, headers: { Location: `/api/v1/access-reviews/${review.id}` } });
});
