import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, parseJsonBody } from "@/lib/api/route";
import { controlToJson, getControl } from "@/lib/controls/queries";
import { updateControl } from "@/lib/controls/update";
import { AppError } from "@/lib/errors";
import { controlCodeSchema, controlPatchSchema } from "@/lib/validations/control";

export const dynamic = "force-dynamic";

const params = z.object({ code: controlCodeSchema });

export const GET = apiRoute("controls:read", { params }, async ({ params }) => {
  const control = await getControl(params.code);
  if (!control) throw new AppError("NOT_FOUND", `There is no control ${params.code}.`);
  return NextResponse.json(controlToJson(control));
});

export const PATCH = apiRoute("controls:write", { params }, async ({ request, params, caller }) => {
  const patch = await parseJsonBody(request, controlPatchSchema);
  return NextResponse.json(await updateControl(params.code, patch, caller));
});
