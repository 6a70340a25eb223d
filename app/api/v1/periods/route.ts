import { NextResponse } from "next/server";
import { apiRoute, parseJsonBody } from "@/lib/api/route";
import { createPeriod, listPeriods } from "@/lib/periods/service";
import { periodSchema } from "@/lib/validations/period";

export const dynamic = "force-dynamic";

export const GET = apiRoute("periods:read", {}, async () => NextResponse.json({ items: await listPeriods() }));

// POST /api/v1/periods {"name", "type", "start", "end", "categories", "features", "auditors"}
export const POST = apiRoute("periods:write", {}, async ({ request, caller }) => {
  const input = await parseJsonBody(request, periodSchema);
  const period = await createPeriod(input, caller);
  return NextResponse.json(period, { status: 201, headers: { Location: `/api/v1/periods/${period.id}` } });
});
