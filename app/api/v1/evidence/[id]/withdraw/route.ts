import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, parseJsonBody } from "@/lib/api/route";
import { withdrawEvidence } from "@/lib/evidence/service";
import { withdrawSchema } from "@/lib/validations/evidence";

export const dynamic = "force-dynamic";

// POST /api/v1/evidence/{id}/withdraw {"reason": "..."}: the uploader, or a caller that may review
// (a token's scopes count: a lead's token narrowed to evidence:write may withdraw only its own).
export const POST = apiRoute("evidence:write", { params: z.object({ id: z.uuid() }) }, async ({ request, params, caller }) => {
  const body = await parseJsonBody(request, withdrawSchema);
  const evidence = await withdrawEvidence(params.id, body.reason, caller);
  return NextResponse.json(evidence);
});
