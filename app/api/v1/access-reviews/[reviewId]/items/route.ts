import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { apiRoute, readJsonBody } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { addItems } from "@/lib/access-reviews/campaigns";
import { itemsSchema } from "@/lib/access-reviews/validation";

export const dynamic = "force-dynamic";

const params = z.object({ reviewId: z.uuid() });

// Up to 20,000 items per request (the CSV import's maximum); a typical item is about 200 bytes.
const ITEMS_BODY_LIMIT = 8 * 1024 * 1024;

/** The body as items; a bad one is a 400 naming the item (by index) and the field. */
async function parseItems(request: NextRequest) {
  const body = await readJsonBody(request, ITEMS_BODY_LIMIT);
  const parsed = itemsSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [index, field] = issue.path;
    const where = typeof index === "number" ? `item ${index}${field ? ` (${String(field)})` : ""}: ` : "";
    throw new AppError("VALIDATION", `Nothing was added: ${where}${issue.message}`);
  }
  return parsed.data;
}

// POST /api/v1/access-reviews/{reviewId}/items [{"principal", "principalKind", "resource", "resourceKind", "accessLevel", "source"?, "reviewer"?}]
// All or nothing; only while the campaign is a draft (409 once started).
export const POST = apiRoute("access-reviews:write", { params }, async ({ request, params, caller }) => {
  const items = await parseItems(request);
  const result = await addItems(params.reviewId, items, caller, "api");
  return NextResponse.json(result, { status: 201 });
});
