import { scopeOf } from "@/lib/auth/scope";
import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { storedFileResponse } from "@/lib/evidence/download";
import { reviewWithRecord } from "@/lib/access-reviews/queries";
import { accessReviewsApi as api } from "@/lib/api/endpoints/access-reviews";

export const dynamic = "force-dynamic";

// The signed-off access review's record: the stored CSV evidence, byte for byte, as an attachment
// with its SHA-256 (the same bytes as GET /api/v1/evidence/{id}/file).
export const GET = apiRoute(api.downloadAccessReviewRecord, async ({ params, caller }) => {
  const review = await reviewWithRecord(params.reviewId, await scopeOf(caller));
  if (!review) throw new AppError("NOT_FOUND", `There is no access review ${params.reviewId}.`);
  const evidence = review.evidence;
  if (review.status !== "SIGNED_OFF" || !evidence?.file || !evidence.fileName) {
    throw new AppError("NOT_FOUND", "This access review is not signed off yet: its record is generated at sign-off.");
  }
  return storedFileResponse(evidence.file, evidence.fileName, `${evidence.file.mediaType}; charset=utf-8`);
});
