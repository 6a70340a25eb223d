import { scopeOf } from "@/lib/auth/scope";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { dateIn, organisationTimeZone } from "@/lib/org-time";
import { furtherReadinessChecks, readinessChecks, type ReadinessCheck } from "@/lib/readiness/checks";
import { readinessScope } from "@/lib/readiness/scope";
import { readinessState } from "@/lib/readiness/state";
import { controlsApi as api } from "@/lib/api/endpoints/controls";

export const dynamic = "force-dynamic";

const toJson = (c: ReadinessCheck) => ({
  id: c.id,
  title: c.title,
  guideText: c.guideText,
  // Passes only when something was checked and nothing failed (docs/readiness.md, "Nothing recorded yet").
  passes: readinessState(c) === "PASSES",
  state: readinessState(c),
  count: c.count,
  checked: c.checked,
  items: c.items,
  remedy: c.remedy,
  fixHref: c.fixHref,
  fixLabel: c.fixLabel,
});

// GET /api/v1/readiness?period=: the guide's findings and the further checks for an audit period
// (default: the current one; docs/readiness.md).
export const GET = apiRoute(api.getReadiness, async ({ query, caller }) => {
  // Which period is meant is period data: a token narrowed to controls:read names none.
  if (query.period && !caller.may("periods:read")) {
    throw new AppError("FORBIDDEN", "Readiness for a chosen audit period needs periods:read.");
  }
  const scope = await readinessScope(query.period, await scopeOf(caller));
  if (!scope) return NextResponse.json({ period: null, today: dateIn(await organisationTimeZone()), checks: [], further: [] });
  const [checks, further] = await Promise.all([readinessChecks(scope), furtherReadinessChecks(scope)]);
  return NextResponse.json({
    period: { id: scope.id, name: scope.name, start: scope.startDate, end: scope.endDate },
    today: scope.today,
    checks: checks.map(toJson),
    further: further.map(toJson),
  });
});
