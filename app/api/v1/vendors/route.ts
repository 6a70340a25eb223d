import { scopeOf } from "@/lib/auth/scope";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { listVendors } from "@/lib/vendors/queries";
import { createVendor } from "@/lib/vendors/service";
import { vendorsApi as api } from "@/lib/api/endpoints/vendors";

export const dynamic = "force-dynamic";

// GET /api/v1/vendors?filter=incomplete|overdue&page=: each vendor with its package state today.
export const GET = apiRoute(api.listVendors, async ({ query, caller }) => {
  const page = await listVendors(query, await scopeOf(caller));
  return NextResponse.json({ items: page.rows, page: page.page, pageCount: page.pageCount, total: page.total, today: page.today });
});

export const POST = apiRoute(api.createVendor, async ({ body, caller }) => {
  const vendor = await createVendor(body, caller);
  return NextResponse.json(vendor, { status: 201, headers: { Location: `/api/v1/vendors/${vendor.id}` } });
});
