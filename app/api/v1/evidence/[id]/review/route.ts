import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { reviewEvidence } from "@/lib/evidence/service";
import { evidenceApi as api } from "@/lib/api/endpoints/evidence";

export const dynamic = "force-dynamic";

// POST /api/v1/evidence/{id}/review {"decision": "accept" | "reject", "reason": "..."}
export const POST = apiRoute(api.reviewEvidence, async ({ body, params, caller }) => {
  return NextResponse.json(await reviewEvidence(params.id, body, caller));
});
