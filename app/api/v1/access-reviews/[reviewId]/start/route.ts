import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { startReview } from "@/lib/access-reviews/campaigns";

export const dynamic = "force-dynamic";

const params = z.object({ reviewId: z.uuid() });

// POST /api/v1/access-reviews/{reviewId}/start: DRAFT -> IN_PROGRESS (every item needs a reviewer); the items freeze.
export const POST = apiRoute("access-reviews:write", { params }, async ({ params, caller }) =>
  NextResponse.json(await startReview(params.reviewId, caller)),
);
