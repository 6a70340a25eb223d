import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, parseJsonBody } from "@/lib/api/route";
import { addCuec } from "@/lib/vendors/subservice-service";
import { cuecCreateSchema } from "@/lib/vendors/validation";

export const dynamic = "force-dynamic";

const params = z.object({ vendorId: z.uuid() });

// POST /api/v1/vendors/{vendorId}/cuecs {"text", "control"?}: a CUEC of a carve-out sub-service
// organisation's SOC 2 report, optionally with the control (by code) that addresses it.
export const POST = apiRoute("vendors:write", { params }, async ({ request, params, caller }) => {
  const cuec = await parseJsonBody(request, cuecCreateSchema);
  return NextResponse.json(await addCuec(params.vendorId, cuec, caller), { status: 201 });
});
