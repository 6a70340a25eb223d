import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, parseJsonBody } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { getVendor } from "@/lib/vendors/queries";
import { updateVendor } from "@/lib/vendors/service";
import { vendorPatchSchema } from "@/lib/vendors/validation";

export const dynamic = "force-dynamic";

const params = z.object({ vendorId: z.uuid() });

export const GET = apiRoute("vendors:read", { params }, async ({ params }) => {
  const vendor = await getVendor(params.vendorId);
  if (!vendor) throw new AppError("NOT_FOUND", `There is no vendor ${params.vendorId}.`);
  return NextResponse.json(vendor);
});

// PATCH /api/v1/vendors/{vendorId}: the fields given change; null clears one.
export const PATCH = apiRoute("vendors:write", { params }, async ({ request, params, caller }) => {
  const patch = await parseJsonBody(request, vendorPatchSchema);
  return NextResponse.json(await updateVendor(params.vendorId, patch, caller));
});
