import { scopeOf } from "@/lib/auth/scope";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { getVendor } from "@/lib/vendors/queries";
import { updateVendor } from "@/lib/vendors/service";
import { vendorsApi as api } from "@/lib/api/endpoints/vendors";

export const dynamic = "force-dynamic";

export const GET = apiRoute(api.getVendor, async ({ params, caller }) => {
  const vendor = await getVendor(params.vendorId, await scopeOf(caller));
  if (!vendor) throw new AppError("NOT_FOUND", `There is no vendor ${params.vendorId}.`);
  return NextResponse.json(vendor);
});

// PATCH /api/v1/vendors/{vendorId}: the fields given change; null clears one.
export const PATCH = apiRoute(api.updateVendor, async ({ body: patch, params, caller }) => {
  return NextResponse.json(await updateVendor(params.vendorId, patch, caller));
});
