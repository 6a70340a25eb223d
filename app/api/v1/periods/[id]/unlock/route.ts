import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { unlockPeriod } from "@/lib/periods/lock";
import { periodsApi as api } from "@/lib/api/endpoints/periods";

export const dynamic = "force-dynamic";

// POST /api/v1/periods/{id}/unlock {"reason": "..."} -> drops the snapshot; audited with the reason.
export const POST = apiRoute(api.unlockPeriod, async ({ params, body, caller }) => {
  return NextResponse.json(await unlockPeriod(params.id, body.reason, caller));
});
