import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, parseJsonBody } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { getPeriod } from "@/lib/periods/queries";
import { periodToJson, updatePeriod } from "@/lib/periods/service";
import { periodSchema } from "@/lib/validations/period";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.uuid() });

export const GET = apiRoute("periods:read", { params }, async ({ params }) => {
  const period = await getPeriod(params.id);
  if (!period) throw new AppError("NOT_FOUND", `There is no audit period ${params.id}.`);
  return NextResponse.json(periodToJson(period));
});

// PUT /api/v1/periods/{id}: the whole period again (name, type, dates, categories, features, auditors).
export const PUT = apiRoute("periods:write", { params }, async ({ request, params, caller }) => {
  const input = await parseJsonBody(request, periodSchema);
  return NextResponse.json(await updatePeriod(params.id, input, caller));
});
