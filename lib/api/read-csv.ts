import { AppError } from "@/lib/errors";
import { IMPORT_MAX_BYTES, IMPORT_MAX_LABEL, importSizeProblem, readUploadedText, type UploadedText } from "@/lib/imports/upload";
import { readBodyBytes } from "@/lib/api/read-json";

// A CSV file sent to the API as the request body itself (Content-Type: text/csv), read by the
// browser import's reader (lib/imports/upload.ts): the same 5 MB limit, UTF-8 decoding, byte-order
// mark and refusals. Only the envelope differs: a body instead of a form's file part.

export const CSV_MEDIA_TYPE = "text/csv";

/** The media type and charset of a Content-Type header, lower case ("" when absent). */
function mediaType(header: string | null): { type: string; charset: string | null } {
  const [type, ...parameters] = (header ?? "").split(";").map((p) => p.trim().toLowerCase());
  const charset =
    parameters
      .find((p) => p.startsWith("charset="))
      ?.slice("charset=".length)
      .replace(/^"|"$/g, "") ?? null;
  return { type, charset };
}

/**
 * The CSV body as the browser import's upload: 415 unless it is `text/csv` (UTF-8), 413 over the
 * limit (counted as it streams), 400 when empty; `notText` words the refusal of bytes that are not
 * UTF-8 text, as the domain's form does. `fileName` names the file in messages and audit entries.
 */
export async function readCsvBody(request: Request, fileName: string, notText: (name: string) => string): Promise<UploadedText> {
  const { type, charset } = mediaType(request.headers.get("content-type"));
  if (type !== CSV_MEDIA_TYPE) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `Send the CSV file itself as the request body with Content-Type: ${CSV_MEDIA_TYPE}${type ? ` (this request says ${type})` : ""}.`,
    );
  }
  if (charset && charset !== "utf-8" && charset !== "utf8") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `The CSV must be UTF-8 (this request says charset=${charset}): save it as CSV (UTF-8).`);
  }
  const bytes = await readBodyBytes(
    request,
    IMPORT_MAX_BYTES,
    (size) =>
      new AppError("PAYLOAD_TOO_LARGE", importSizeProblem(fileName, size) ?? `${fileName} is larger than ${IMPORT_MAX_LABEL}.`, {
        file: [`The file is larger than ${IMPORT_MAX_LABEL}.`],
      }),
  );
  if (bytes.byteLength === 0) {
    throw new AppError("VALIDATION", "The request body is empty: send the CSV file as the body.", { file: ["The file is empty."] });
  }
  return readUploadedText(new File([new Uint8Array(bytes)], fileName, { type: CSV_MEDIA_TYPE }), notText);
}
