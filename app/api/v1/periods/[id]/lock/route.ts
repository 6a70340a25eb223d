import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { lockPeriod } from "@/lib/periods/lock";
import { periodsApi as api } from "@/lib/api/endpoints/periods";

export const dynamic = "force-dynamic";

// POST /api/v1/periods/{id}/lock -> freezes the period's coverage and exceptions (docs/periods-lock.md).
export const POST = apiRoute(api.lockPeriod, async ({ params, caller }) => {
  return NextResponse.json(await lockPeriod(params.id, caller));
});
