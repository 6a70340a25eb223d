import { scopeOf } from "@/lib/auth/scope";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { setMappings } from "@/lib/mapping/service";
import { featureMappings } from "@/lib/mapping/queries";
import { featuresApi as api } from "@/lib/api/endpoints/features";

export const dynamic = "force-dynamic";

// PUT /api/v1/features/{slug}/controls/{code}: {"applies": true} or {"applies": false, "justification": "..."}
export const PUT = apiRoute(api.setMapping, async ({ body, params, caller }) => {
  await setMappings([{ slug: params.slug, code: params.code }], body, caller);
  const row = (await featureMappings(params.slug, await scopeOf(caller)))?.find((r) => r.code === params.code);
  return NextResponse.json({
    feature: params.slug,
    control: params.code,
    applies: row?.applies ?? body.applies,
    justification: row?.justification ?? null,
    suggested: row?.suggested ?? false,
    reason: row?.reasons.join(" ") || null,
  });
});
