import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { assertPeriodVisible } from "@/lib/auth/scope";
import { periodCoverage } from "@/lib/periods/coverage";
import { shownCoverage } from "@/lib/periods/lock";
import { periodsApi as api } from "@/lib/api/endpoints/periods";

export const dynamic = "force-dynamic";

// GET /api/v1/periods/{id}/coverage -> per in-scope control: expected, covered, coverage, status, slots;
// a locked period's figures are its snapshot's (`locked` says when and by whom).
export const GET = apiRoute(api.getPeriodCoverage, async ({ params, caller }) => {
  await assertPeriodVisible(caller, params.id);
  return NextResponse.json(await shownCoverage(params.id, () => periodCoverage(params.id)));
});
