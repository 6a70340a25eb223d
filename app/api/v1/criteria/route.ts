import { scopeOf } from "@/lib/auth/scope";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { criteriaForPeriod } from "@/lib/criteria/queries";
import { controlsApi as api } from "@/lib/api/endpoints/controls";

export const dynamic = "force-dynamic";

// GET /api/v1/criteria?period=&category=: every Trust Services criterion with the controls that
// address it; with a period, only its categories and the controls in its scope.
export const GET = apiRoute(api.listCriteria, async ({ query, caller }) => {
  const { period: periodId, category } = query;
  // A period's scope is period data: a token narrowed to controls:read does not read it.
  if (periodId && !caller.may("periods:read")) throw new AppError("FORBIDDEN", "Reading criteria for an audit period needs periods:read.");
  const view = await criteriaForPeriod(periodId ?? null, await scopeOf(caller));
  const criteria = view.categories.filter((c) => !category || c.category === category).flatMap((c) => c.criteria);
  return NextResponse.json({
    period: view.period,
    items: criteria.map((c) => ({
      id: c.id,
      category: c.category,
      title: c.title,
      addressed: c.addressed,
      controls: c.controls.map((x) => x.code),
    })),
    unaddressed: criteria.filter((c) => !c.addressed).map((c) => c.id),
  });
});
