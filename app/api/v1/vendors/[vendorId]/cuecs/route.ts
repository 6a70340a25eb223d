import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { addCuec } from "@/lib/vendors/subservice-service";
import { vendorsApi as api } from "@/lib/api/endpoints/vendors";

export const dynamic = "force-dynamic";

// POST /api/v1/vendors/{vendorId}/cuecs {"text", "control"?}: a CUEC of a carve-out sub-service
// organisation's SOC 2 report, optionally with the control (by code) that addresses it.
export const POST = apiRoute(api.addCuec, async ({ body: cuec, params, caller }) => {
  return NextResponse.json(await addCuec(params.vendorId, cuec, caller), { status: 201 });
});
