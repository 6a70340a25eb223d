import { scopeOf } from "@/lib/auth/scope";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { createCustomControl } from "@/lib/controls/custom";
import { controlToJson, listControlDetails } from "@/lib/controls/queries";
import { controlsApi as api } from "@/lib/api/endpoints/controls";

export const dynamic = "force-dynamic";

export const GET = apiRoute(api.listControls, async ({ caller }) => {
  const controls = await listControlDetails(await scopeOf(caller));
  return NextResponse.json({ items: controls.map(controlToJson) });
});

/** A custom control: 201 with the control, 409 when the code is taken, 400 on unknown criteria. */
export const POST = apiRoute(api.createControl, async ({ body: input, caller }) => {
  const created = await createCustomControl(input, caller);
  return NextResponse.json(created, { status: 201, headers: { Location: `/api/v1/controls/${encodeURIComponent(created.code)}` } });
});
