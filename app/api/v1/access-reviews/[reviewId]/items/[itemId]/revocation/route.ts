import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, parseJsonBody } from "@/lib/api/route";
import { markRevocationDone, revocationInputSchema } from "@/lib/access-reviews/decisions";

export const dynamic = "force-dynamic";

// A revoke or modify decision is done: by a compliance lead or the item's reviewer, with the date.
export const POST = apiRoute(
  "access-reviews:decide",
  { params: z.object({ reviewId: z.uuid(), itemId: z.uuid() }) },
  async ({ request, params, caller }) => {
    const input = await parseJsonBody(request, revocationInputSchema);
    const done = await markRevocationDone(params.reviewId, params.itemId, input, caller);
    return NextResponse.json({ ...done, decision: done.decision?.toLowerCase() ?? null });
  },
);
