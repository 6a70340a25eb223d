import { NextResponse } from "next/server";
import { apiRoute, parseJsonBody } from "@/lib/api/route";
import { createCustomControl } from "@/lib/controls/custom";
import { controlToJson, listControlDetails } from "@/lib/controls/queries";
import { customControlCreateSchema } from "@/lib/validations/control";

export const dynamic = "force-dynamic";

export const GET = apiRoute("controls:read", {}, async () => {
  const controls = await listControlDetails();
  return NextResponse.json({ items: controls.map(controlToJson) });
});

/** A custom control: 201 with the control, 409 when the code is taken, 400 on unknown criteria. */
export const POST = apiRoute("controls:write", {}, async ({ request, caller }) => {
  const input = await parseJsonBody(request, customControlCreateSchema);
  const created = await createCustomControl(input, caller);
  return NextResponse.json(created, { status: 201, headers: { Location: `/api/v1/controls/${encodeURIComponent(created.code)}` } });
});
