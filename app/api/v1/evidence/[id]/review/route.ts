import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, parseJsonBody } from "@/lib/api/route";
import { reviewEvidence } from "@/lib/evidence/service";
import { reviewSchema } from "@/lib/validations/evidence";

export const dynamic = "force-dynamic";

// POST /api/v1/evidence/{id}/review {"decision": "accept" | "reject", "reason": "..."}
export const POST = apiRoute("evidence:review", { params: z.object({ id: z.uuid() }) }, async ({ request, params, caller }) => {
  const body = await parseJsonBody(request, reviewSchema);
  return NextResponse.json(await reviewEvidence(params.id, body, caller));
});
