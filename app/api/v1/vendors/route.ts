import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, parseJsonBody } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { listVendors } from "@/lib/vendors/queries";
import { createVendor } from "@/lib/vendors/service";
import { vendorApiListSchema, vendorCreateSchema } from "@/lib/vendors/validation";

export const dynamic = "force-dynamic";

// GET /api/v1/vendors?filter=incomplete|overdue&page=: each vendor with its package state today.
export const GET = apiRoute("vendors:read", {}, async ({ request }) => {
  const parsed = vendorApiListSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    const [name, messages] = Object.entries(fields)[0] ?? ["query", ["Invalid query."]];
    throw new AppError("VALIDATION", `${name}: ${messages[0]}`, fields);
  }
  const page = await listVendors(parsed.data);
  return NextResponse.json({ items: page.rows, page: page.page, pageCount: page.pageCount, total: page.total, today: page.today });
});

export const POST = apiRoute("vendors:write", {}, async ({ request, caller }) => {
  const vendor = await createVendor(await parseJsonBody(request, vendorCreateSchema), caller);
  return NextResponse.json(vendor, { status: 201, headers: { Location: `/api/v1/vendors/${vendor.id}` } });
});
