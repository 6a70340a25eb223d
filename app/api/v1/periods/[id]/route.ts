import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { assertPeriodVisible } from "@/lib/auth/scope";
import { getPeriod } from "@/lib/periods/queries";
import { periodToJson, updatePeriod } from "@/lib/periods/service";
import { periodsApi as api } from "@/lib/api/endpoints/periods";

export const dynamic = "force-dynamic";

export const GET = apiRoute(api.getPeriod, async ({ params, caller }) => {
  await assertPeriodVisible(caller, params.id);
  const period = await getPeriod(params.id);
  if (!period) throw new AppError("NOT_FOUND", `There is no audit period ${params.id}.`);
  return NextResponse.json(periodToJson(period));
});

// PUT /api/v1/periods/{id}: the whole period again (name, type, dates, categories, features, auditors).
export const PUT = apiRoute(api.replacePeriod, async ({ body: input, params, caller }) => {
  return NextResponse.json(await updatePeriod(params.id, input, caller));
});
