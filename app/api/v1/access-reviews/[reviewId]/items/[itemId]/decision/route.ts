import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, parseJsonBody } from "@/lib/api/route";
import { decideItem, decisionInputSchema } from "@/lib/access-reviews/decisions";

export const dynamic = "force-dynamic";

// The item's reviewer decides it: keep, revoke or modify, with a comment (and a justification
// when the access is their own). Refused once the campaign is signed off (409).
export const POST = apiRoute(
  "access-reviews:decide",
  { params: z.object({ reviewId: z.uuid(), itemId: z.uuid() }) },
  async ({ request, params, caller }) => {
    const input = await parseJsonBody(request, decisionInputSchema);
    const item = await decideItem(params.reviewId, params.itemId, input, caller);
    return NextResponse.json({ ...item, decision: item.decision?.toLowerCase() ?? null });
  },
);
