import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { periodCoverage } from "@/lib/periods/coverage";

export const dynamic = "force-dynamic";

// GET /api/v1/periods/{id}/coverage -> per in-scope control: expected, covered, coverage, status, slots.
export const GET = apiRoute("periods:read", { params: z.object({ id: z.uuid() }) }, async ({ params }) => {
  return NextResponse.json(await periodCoverage(params.id));
});
