import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { removeCuec, updateCuec } from "@/lib/vendors/subservice-service";
import { vendorsApi as api } from "@/lib/api/endpoints/vendors";

export const dynamic = "force-dynamic";

// PATCH /api/v1/vendors/{vendorId}/cuecs/{cuecId} {"text"?, "control"?}: rewords a CUEC or links
// it to a control (null unlinks).
export const PATCH = apiRoute(api.updateCuec, async ({ body: patch, params, caller }) => {
  return NextResponse.json(await updateCuec(params.vendorId, params.cuecId, patch, caller));
});

// DELETE /api/v1/vendors/{vendorId}/cuecs/{cuecId}: removes a CUEC recorded by mistake (audited).
export const DELETE = apiRoute(api.removeCuec, async ({ params, caller }) =>
  NextResponse.json(await removeCuec(params.vendorId, params.cuecId, caller)),
);
