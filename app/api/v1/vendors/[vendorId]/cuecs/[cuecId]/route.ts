import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, parseJsonBody } from "@/lib/api/route";
import { removeCuec, updateCuec } from "@/lib/vendors/subservice-service";
import { cuecPatchSchema } from "@/lib/vendors/validation";

export const dynamic = "force-dynamic";

const params = z.object({ vendorId: z.uuid(), cuecId: z.uuid() });

// PATCH /api/v1/vendors/{vendorId}/cuecs/{cuecId} {"text"?, "control"?}: rewords a CUEC or links
// it to a control (null unlinks).
export const PATCH = apiRoute("vendors:write", { params }, async ({ request, params, caller }) => {
  const patch = await parseJsonBody(request, cuecPatchSchema);
  return NextResponse.json(await updateCuec(params.vendorId, params.cuecId, patch, caller));
});

// DELETE /api/v1/vendors/{vendorId}/cuecs/{cuecId}: removes a CUEC recorded by mistake (audited).
export const DELETE = apiRoute("vendors:write", { params }, async ({ params, caller }) =>
  NextResponse.json(await removeCuec(params.vendorId, params.cuecId, caller)),
);
