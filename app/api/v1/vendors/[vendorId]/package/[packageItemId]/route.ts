import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { recordSoc2Report } from "@/lib/vendors/subservice-service";
import { vendorsApi as api } from "@/lib/api/endpoints/vendors";

export const dynamic = "force-dynamic";

// PATCH /api/v1/vendors/{vendorId}/package/{packageItemId} {"reportType"?, "bridgeLetter"?}: a SOC 2
// report item's type and the bridge letter (an evidence id) that carries it forward; null clears.
export const PATCH = apiRoute(api.recordSoc2Report, async ({ body: patch, params, caller }) => {
  return NextResponse.json(await recordSoc2Report(params.vendorId, params.packageItemId, patch, caller));
});
