import { scopeOf } from "@/lib/auth/scope";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { controlToJson, getControl } from "@/lib/controls/queries";
import { updateControl } from "@/lib/controls/update";
import { AppError } from "@/lib/errors";
import { controlsApi as api } from "@/lib/api/endpoints/controls";

export const dynamic = "force-dynamic";

export const GET = apiRoute(api.getControl, async ({ params, caller }) => {
  const control = await getControl(params.code, await scopeOf(caller));
  if (!control) throw new AppError("NOT_FOUND", `There is no control ${params.code}.`);
  return NextResponse.json(controlToJson(control));
});

export const PATCH = apiRoute(api.updateControl, async ({ body: patch, params, caller }) => {
  return NextResponse.json(await updateControl(params.code, patch, caller));
});
