import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { withdrawEvidence } from "@/lib/evidence/service";
import { evidenceApi as api } from "@/lib/api/endpoints/evidence";

export const dynamic = "force-dynamic";

// POST /api/v1/evidence/{id}/withdraw {"reason": "..."}: the uploader, or a caller that may review
// (a token's scopes count: a lead's token narrowed to evidence:write may withdraw only its own).
export const POST = apiRoute(api.withdrawEvidence, async ({ body, params, caller }) => {
  const evidence = await withdrawEvidence(params.id, body.reason, caller);
  return NextResponse.json(evidence);
});
