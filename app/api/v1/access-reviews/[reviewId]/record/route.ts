import { create as contentDisposition } from "content-disposition";
import { Readable } from "node:stream";
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { openStored } from "@/lib/evidence/storage";

export const dynamic = "force-dynamic";

// The signed-off campaign's record: the stored CSV evidence, byte for byte, as an attachment
// with its SHA-256 (the same bytes as GET /api/v1/evidence/{id}/file).
export const GET = apiRoute("access-reviews:read", { params: z.object({ reviewId: z.uuid() }) }, async ({ params }) => {
  const review = await db.accessReview.findUnique({ where: { id: params.reviewId }, include: { evidence: { include: { file: true } } } });
  if (!review) throw new AppError("NOT_FOUND", `There is no access review ${params.reviewId}.`);
  const evidence = review.evidence;
  if (review.status !== "SIGNED_OFF" || !evidence?.file || !evidence.fileName) {
    throw new AppError("NOT_FOUND", "This campaign is not signed off yet: its record is generated at sign-off.");
  }
  const file = evidence.file;
  const stream = openStored(file.sha256);
  await new Promise<void>((resolve, reject) => {
    stream.once("open", () => resolve());
    stream.once("error", (error) => reject(error));
  }).catch((error) => {
    console.error(`[access-review] stored record ${file.sha256} cannot be read`, error);
    throw new AppError("NOT_FOUND", "The stored record file is missing. Run `npm run audit:verify` and tell an admin.");
  });
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "Content-Type": `${file.mediaType}; charset=utf-8`,
      "Content-Length": String(file.size),
      "Content-Disposition": contentDisposition(evidence.fileName, { type: "attachment" }),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "X-Attest-SHA256": file.sha256,
      "Repr-Digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`,
    },
  });
});
