import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { createPeriod, listPeriods } from "@/lib/periods/service";
import { periodsApi as api } from "@/lib/api/endpoints/periods";

export const dynamic = "force-dynamic";

export const GET = apiRoute(api.listPeriods, async () => NextResponse.json({ items: await listPeriods() }));

// POST /api/v1/periods {"name", "type", "start", "end", "categories", "features", "auditors"}
export const POST = apiRoute(api.createPeriod, async ({ body: input, caller }) => {
  const period = await createPeriod(input, caller);
  return NextResponse.json(period, { status: 201, headers: { Location: `/api/v1/periods/${period.id}` } });
});
