import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, parseJsonBody } from "@/lib/api/route";
import { signOffInputSchema, signOffReview } from "@/lib/access-reviews/sign-off";

export const dynamic = "force-dynamic";

// A compliance lead signs off a campaign whose items are all decided: it locks, and its record
// becomes accepted AI-SEC-05 evidence (returned with its SHA-256).
export const POST = apiRoute("access-reviews:write", { params: z.object({ reviewId: z.uuid() }) }, async ({ request, params, caller }) => {
  const { statement } = await parseJsonBody(request, signOffInputSchema);
  const result = await signOffReview(params.reviewId, statement, caller);
  return NextResponse.json(result);
});
