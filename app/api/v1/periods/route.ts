import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { scopeOf } from "@/lib/auth/scope";
import { createPeriod, listPeriods } from "@/lib/periods/service";
import { periodsApi as api } from "@/lib/api/endpoints/periods";

export const dynamic = "force-dynamic";

export const GET = apiRoute(api.listPeriods, async ({ caller }) => NextResponse.json({ items: await listPeriods(await scopeOf(caller)) }));

// POST /api/v1/periods {"name", "type", "start", "end", "categories", "features", "auditors"}
export const POST = apiRoute(api.createPeriod, async ({ body: input, caller }) => {
  const period = await createPeriod(input, caller);
  return NextResponse.json(period, { status: 201, headers: { Location: `/api/v1/periods/${period.id}` } });
});
