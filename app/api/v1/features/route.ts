import { scopeOf } from "@/lib/auth/scope";
import { NextResponse } from "next/server";
import { csvAttachment } from "@/lib/http/csv-attachment";
import { apiRoute } from "@/lib/api/route";
import { featuresToCsv } from "@/lib/features/csv";
import { allFeaturesJson, listFeaturesJson } from "@/lib/features/queries";
import { createFeature } from "@/lib/features/service";
import { featuresApi as api } from "@/lib/api/endpoints/features";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/features?q=&vendor=&data=&impact=&status=&owner=&sort=&dir=&page=
 * Page-numbered (not a cursor): {items, total, page, pageCount, pageSize}, 25 items a page,
 * ordered like the inventory table. With format=csv: every matching feature as a CSV attachment
 * (the import format of /inventory/import).
 */
export const GET = apiRoute(api.listFeatures, async ({ query: { format, ...query }, caller }) => {
  const scope = await scopeOf(caller);
  if (format === "csv") {
    const csv = featuresToCsv(await allFeaturesJson(query, scope));
    return csvAttachment(csv, `attest-inventory-${new Date().toISOString().slice(0, 10)}.csv`);
  }
  return NextResponse.json(await listFeaturesJson(query, scope));
});

/** POST /api/v1/features: the wire names of docs/product.md; 201 with the created feature. */
export const POST = apiRoute(api.createFeature, async ({ body: input, caller }) => {
  return NextResponse.json(await createFeature(input, caller), { status: 201 });
});
