import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { linkPackageItem } from "@/lib/vendors/service";
import { vendorsApi as api } from "@/lib/api/endpoints/vendors";

export const dynamic = "force-dynamic";

// POST /api/v1/vendors/{vendorId}/package {"kind", "evidence": id}: links existing evidence as a
// package item. (A new file is uploaded with POST /api/v1/evidence and its vendor + vendorItem fields.)
export const POST = apiRoute(api.linkVendorPackageItem, async ({ body: link, params, caller }) => {
  return NextResponse.json(await linkPackageItem(params.vendorId, link, caller), { status: 201 });
});
