import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { addItems } from "@/lib/access-reviews/service";
import { itemsSchema } from "@/lib/validations/access-review";
import { accessReviewsApi as api } from "@/lib/api/endpoints/access-reviews";

export const dynamic = "force-dynamic";

/** The body as items; a bad one is a 400 naming the item (by index) and the field. */
function parseItems(body: unknown) {
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
// All or nothing; only while the access review is a draft (409 once started).
export const POST = apiRoute(api.addAccessReviewItems, async ({ body, params, caller }) => {
  const items = parseItems(body);
  const result = await addItems(params.reviewId, items, caller, "api");
  return NextResponse.json(result, { status: 201 });
});
