import { scopeOf } from "@/lib/auth/scope";
import { assertFeatureVisible } from "@/lib/features/queries";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { listDatasets, setDatasets } from "@/lib/features/datasets";
import { organisationToday } from "@/lib/org-time";
import { featuresApi as api } from "@/lib/api/endpoints/features";

export const dynamic = "force-dynamic";

// GET /api/v1/features/{slug}/datasets: the feature's dataset manifest (readiness finding 5).
export const GET = apiRoute(api.getDatasets, async ({ params, caller }) => {
  await assertFeatureVisible(params.slug, await scopeOf(caller));
  return NextResponse.json(await listDatasets(params.slug));
});

// PUT /api/v1/features/{slug}/datasets: {"datasets": [...]} replaces the manifest; audited.
export const PUT = apiRoute(api.setDatasets, async ({ body, params, caller }) => {
  return NextResponse.json(await setDatasets(params.slug, body, await organisationToday(), caller));
});
