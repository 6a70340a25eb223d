import { scopeOf } from "@/lib/auth/scope";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { createCustomControl } from "@/lib/controls/custom";
import { controlToJson, listControlDetails } from "@/lib/controls/queries";
import { controlsPeriodStatus, operatingToJson, periodInView } from "@/lib/controls/period-status";
import { AppError } from "@/lib/errors";
import { controlsApi as api } from "@/lib/api/endpoints/controls";

export const dynamic = "force-dynamic";

export const GET = apiRoute(api.listControls, async ({ caller, query }) => {
  const scope = await scopeOf(caller);
  const controls = await listControlDetails(scope);
  if (!query.period) return NextResponse.json({ items: controls.map(controlToJson) });
  // A period's figures are period data: a token narrowed to controls:read does not read them.
  if (!caller.may("periods:read")) throw new AppError("FORBIDDEN", "Reading controls for an audit period needs periods:read.");
  const { period, today } = await periodInView(caller, query.period);
  const { byControl, locked } = await controlsPeriodStatus(period!.id, today, scope);
  return NextResponse.json({
    period: { id: period!.id, name: period!.name, start: period!.start, end: period!.end, locked: locked !== null },
    items: controls.map((c) => ({ ...controlToJson(c), operating: operatingToJson(byControl.get(c.code)) })),
  });
});

/** A custom control: 201 with the control, 409 when the code is taken, 400 on unknown criteria. */
export const POST = apiRoute(api.createControl, async ({ body: input, caller }) => {
  const created = await createCustomControl(input, caller);
  return NextResponse.json(created, { status: 201, headers: { Location: `/api/v1/controls/${encodeURIComponent(created.code)}` } });
});
