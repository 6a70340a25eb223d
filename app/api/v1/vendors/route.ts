import { NextResponse } from "next/server";
import { apiRoute, parseJsonBody, parseQuery } from "@/lib/api/route";
import { listVendors } from "@/lib/vendors/queries";
import { createVendor } from "@/lib/vendors/service";
import { vendorApiListSchema, vendorCreateSchema } from "@/lib/vendors/validation";

export const dynamic = "force-dynamic";

// GET /api/v1/vendors?filter=incomplete|overdue&page=: each vendor with its package state today.
export const GET = apiRoute("vendors:read", {}, async ({ request }) => {
  const query = parseQuery(Object.fromEntries(request.nextUrl.searchParams), vendorApiListSchema);
  const page = await listVendors(query);
  return NextResponse.json({ items: page.rows, page: page.page, pageCount: page.pageCount, total: page.total, today: page.today });
});

export const POST = apiRoute("vendors:write", {}, async ({ request, caller }) => {
  const vendor = await createVendor(await parseJsonBody(request, vendorCreateSchema), caller.actor);
  return NextResponse.json(vendor, { status: 201, headers: { Location: `/api/v1/vendors/${vendor.id}` } });
});
