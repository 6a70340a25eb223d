import "server-only";
import { create as contentDisposition } from "content-disposition";
import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { openStored } from "@/lib/evidence/storage";

/**
 * A stored file's bytes, always as an attachment: the browser never renders them (an uploaded
 * HTML page or SVG cannot run in the app's origin), and the SHA-256 travels along so that the
 * receiver can check what arrived. A stored file that cannot be read is a 404 that says what to do.
 */
export async function storedFileResponse(
  file: { sha256: string; size: number | bigint; mediaType: string },
  fileName: string,
  contentType = file.mediaType,
): Promise<Response> {
  const stream = openStored(file.sha256);
  await new Promise<void>((resolve, reject) => {
    stream.once("open", () => resolve());
    stream.once("error", (error) => reject(error));
  }).catch((error) => {
    console.error(`[evidence] stored file ${file.sha256} cannot be read`, error);
    throw new AppError("NOT_FOUND", "The stored file is missing. Run `npm run audit:verify` and tell an admin.");
  });
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(file.size),
      "Content-Disposition": contentDisposition(fileName, { type: "attachment" }),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "X-Attest-SHA256": file.sha256,
      "Repr-Digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`,
    },
  });
}
