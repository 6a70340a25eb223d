import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, parseJsonBody } from "@/lib/api/route";
import { linkPackageItem } from "@/lib/vendors/service";
import { packageLinkSchema } from "@/lib/vendors/validation";

export const dynamic = "force-dynamic";

const params = z.object({ vendorId: z.uuid() });

// POST /api/v1/vendors/{vendorId}/package {"kind", "evidence": id}: links existing evidence as a
// package item. (A new file is uploaded with POST /api/v1/evidence and its vendor + vendorItem fields.)
export const POST = apiRoute("vendors:write", { params }, async ({ request, params, caller }) => {
  const link = await parseJsonBody(request, packageLinkSchema);
  return NextResponse.json(await linkPackageItem(params.vendorId, link, caller), { status: 201 });
});
