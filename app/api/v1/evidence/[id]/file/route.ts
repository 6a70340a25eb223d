import { create as contentDisposition } from "content-disposition";
import { Readable } from "node:stream";
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { openStored } from "@/lib/evidence/storage";

export const dynamic = "force-dynamic";

// The bytes of one piece of evidence, always as an attachment: the browser never renders them
// (an uploaded HTML page or SVG cannot run in the app's origin), and the SHA-256 travels along so
// that the receiver can check what arrived.
export const GET = apiRoute("evidence:read", { params: z.object({ id: z.uuid() }) }, async ({ params }) => {
  const evidence = await db.evidence.findUnique({ where: { id: params.id }, include: { file: true } });
  if (!evidence) throw new AppError("NOT_FOUND", `There is no evidence ${params.id}.`);
  if (!evidence.file || !evidence.fileName) throw new AppError("NOT_FOUND", "This evidence is a link, not a file: open its URL instead.");
  const stream = openStored(evidence.file.sha256);
  await new Promise<void>((resolve, reject) => {
    stream.once("open", () => resolve());
    stream.once("error", (error) => reject(error));
  }).catch((error) => {
    console.error(`[evidence] stored file ${evidence.file!.sha256} cannot be read`, error);
    throw new AppError("NOT_FOUND", "The stored file for this evidence is missing. Run `npm run audit:verify` and tell an admin.");
  });
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "Content-Type": evidence.file.mediaType,
      "Content-Length": String(evidence.file.size),
      "Content-Disposition": contentDisposition(evidence.fileName, { type: "attachment" }),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "X-Attest-SHA256": evidence.file.sha256,
      "Repr-Digest": `sha-256=:${Buffer.from(evidence.file.sha256, "hex").toString("base64")}:`,
    },
  });
});
