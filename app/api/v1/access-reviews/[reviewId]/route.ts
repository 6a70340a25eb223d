import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { allItems, getReview } from "@/lib/access-reviews/queries";

export const dynamic = "force-dynamic";

const params = z.object({ reviewId: z.uuid() });

// GET /api/v1/access-reviews/{reviewId}: the campaign, its progress and every item in import order.
export const GET = apiRoute("access-reviews:read", { params }, async ({ params }) => {
  const review = await getReview(params.reviewId);
  if (!review) throw new AppError("NOT_FOUND", `There is no access review ${params.reviewId}.`);
  return NextResponse.json({ ...review, items: await allItems(review.id) });
});
