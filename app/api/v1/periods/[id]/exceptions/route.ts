import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { periodExceptions } from "@/lib/exceptions/service";
import { periodsApi as api } from "@/lib/api/endpoints/periods";

export const dynamic = "force-dynamic";

// GET /api/v1/periods/{id}/exceptions -> the period's exceptions with management's responses (a locked period's: its snapshot).
export const GET = apiRoute(api.listPeriodExceptions, async ({ params, caller }) => {
  return NextResponse.json(await periodExceptions(caller, params.id));
});
