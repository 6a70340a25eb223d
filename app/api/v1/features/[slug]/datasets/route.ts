import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, parseJsonBody } from "@/lib/api/route";
import { listDatasets, setDatasets } from "@/lib/features/datasets";
import { organisationToday } from "@/lib/org-time";
import { datasetsSchema } from "@/lib/validations/dataset";
import { slugSchema } from "@/lib/validations/feature";

export const dynamic = "force-dynamic";

const params = z.object({ slug: slugSchema });

// GET /api/v1/features/{slug}/datasets: the feature's dataset manifest (readiness finding 5).
export const GET = apiRoute("features:read", { params }, async ({ params }) => NextResponse.json(await listDatasets(params.slug)));

// PUT /api/v1/features/{slug}/datasets: {"datasets": [...]} replaces the manifest; audited.
export const PUT = apiRoute("features:write", { params }, async ({ request, params, caller }) => {
  const body = await parseJsonBody(request, datasetsSchema);
  return NextResponse.json(await setDatasets(params.slug, body, await organisationToday(), caller));
});
