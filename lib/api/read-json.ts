import { AppError } from "@/lib/errors";

// Reading a request body with a ceiling, kept apart from the route wrapper so it is unit-tested
// on plain Requests (no database, no Next).

/** The largest JSON body an API route reads (1 MiB), unless the route says otherwise. */
export const JSON_BODY_LIMIT = 1024 * 1024;

const mebibytes = (bytes: number) => `${+(bytes / 1024 / 1024).toFixed(2)} MiB`;

function bodyTooLarge(limit: number): AppError {
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    `The request body is larger than ${mebibytes(limit)}, the most this endpoint reads. Send less per request (split it into several).`,
  );
}

/**
 * Reads a body's bytes, counting them as they arrive and stopping at `limit`: an oversized body is
 * refused (`tooLarge`, given the declared or counted size) after at most `limit` bytes were held,
 * whatever its Content-Length says (a declared length over the limit is refused before reading; a
 * chunked body has none to check). Shared by JSON bodies and raw uploads (lib/api/read-csv.ts).
 */
export async function readBodyBytes(request: Request, limit: number, tooLarge: (bytes: number) => AppError): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) throw tooLarge(declared);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(size);
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

/** Reads a JSON body of at most `limit` bytes (readBodyBytes); anything but UTF-8 JSON is a 400. */
export async function readJsonBody(request: Request, limit = JSON_BODY_LIMIT): Promise<unknown> {
  const bytes = await readBodyBytes(request, limit, () => bodyTooLarge(limit));
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("VALIDATION", "The request body must be JSON (UTF-8).");
  }
}
