import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, parseJsonBody } from "@/lib/api/route";
import { setMappings } from "@/lib/mapping/service";
import { featureMappings } from "@/lib/mapping/queries";
import { controlCodeSchema } from "@/lib/validations/control";
import { mappingSchema, slugSchema } from "@/lib/validations/feature";

export const dynamic = "force-dynamic";

const params = z.object({ slug: slugSchema, code: controlCodeSchema });

// PUT /api/v1/features/{slug}/controls/{code}: {"applies": true} or {"applies": false, "justification": "..."}
export const PUT = apiRoute("features:write", { params }, async ({ request, params, caller }) => {
  const body = await parseJsonBody(request, mappingSchema);
  await setMappings([{ slug: params.slug, code: params.code }], body, caller);
  const row = (await featureMappings(params.slug))?.find((r) => r.code === params.code);
  return NextResponse.json({
    feature: params.slug,
    control: params.code,
    applies: row?.applies ?? body.applies,
    justification: row?.justification ?? null,
    suggested: row?.suggested ?? false,
    reason: row?.reasons.join(" ") || null,
  });
});
