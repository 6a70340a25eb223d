import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { assertPeriodVisible } from "@/lib/auth/scope";
import { periodCoverage } from "@/lib/periods/coverage";
import { periodsApi as api } from "@/lib/api/endpoints/periods";

export const dynamic = "force-dynamic";

// GET /api/v1/periods/{id}/coverage -> per in-scope control: expected, covered, coverage, status, slots.
export const GET = apiRoute(api.getPeriodCoverage, async ({ params, caller }) => {
  await assertPeriodVisible(caller, params.id);
  return NextResponse.json(await periodCoverage(params.id));
});
