import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, parseJsonBody } from "@/lib/api/route";
import { recordSoc2Report } from "@/lib/vendors/subservice-service";
import { soc2ReportPatchSchema } from "@/lib/vendors/validation";

export const dynamic = "force-dynamic";

const params = z.object({ vendorId: z.uuid(), packageItemId: z.uuid() });

// PATCH /api/v1/vendors/{vendorId}/package/{packageItemId} {"reportType"?, "bridgeLetter"?}: a SOC 2
// report item's type and the bridge letter (an evidence id) that carries it forward; null clears.
export const PATCH = apiRoute("vendors:write", { params }, async ({ request, params, caller }) => {
  const patch = await parseJsonBody(request, soc2ReportPatchSchema);
  return NextResponse.json(await recordSoc2Report(params.vendorId, params.packageItemId, patch, caller));
});
