import { AppError } from "@/lib/errors";

// The one reader of every import's upload (inventory, access reviews, changes): one size limit,
// one decoding, one byte-order-mark and line rule. Pure and client-safe: the forms check the size
// before sending and the actions check everything again.

/** The most one import takes, in bytes; the same for every CSV or JSON import. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_LABEL = "5 MB";

/** "big.csv is 5.0 MB; the limit is 5 MB." or null when the size is allowed. */
export function importSizeProblem(name: string, bytes: number): string | null {
  return bytes > IMPORT_MAX_BYTES ? `${name} is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${IMPORT_MAX_LABEL}.` : null;
}

/** The text without a leading byte-order mark (spreadsheets save UTF-8 CSV with one). */
export function withoutBom(text: string): string {
  return text.replace(/^\uFEFF/, "");
}

/** How many lines the text holds (a final line end does not start another); CRLF and LF alike. */
export function lineCount(text: string): number {
  if (text === "") return 0;
  return text.split(/\r\n|\n|\r/).length - (/(\r\n|\n|\r)$/.test(text) ? 1 : 0);
}

/** UTF-8 text without NUL characters, or null when the bytes are not that (a binary or another encoding). */
export function decodeUtf8Text(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return text.includes("\u0000") ? null : withoutBom(text);
}

export interface UploadedText {
  name: string;
  text: string;
  /** The bytes as sent: what an audit entry's SHA-256 is taken of. */
  bytes: Uint8Array;
}

/**
 * Reads an uploaded file: present and not empty, within the limit, UTF-8 text. Each failure is an
 * AppError on the field `file`; `notText` words the refusal of a file that is not text.
 */
export async function readUploadedText(file: unknown, notText: (name: string) => string): Promise<UploadedText> {
  if (!(file instanceof Blob) || file.size === 0) throw new AppError("VALIDATION", "Choose a CSV file.", { file: ["Choose a CSV file."] });
  const name = file instanceof File && file.name ? file.name : "The file";
  const tooLarge = importSizeProblem(name, file.size);
  if (tooLarge) throw new AppError("PAYLOAD_TOO_LARGE", tooLarge, { file: [`The file is larger than ${IMPORT_MAX_LABEL}.`] });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = decodeUtf8Text(bytes);
  if (text === null) throw new AppError("UNSUPPORTED_MEDIA_TYPE", notText(name), { file: ["Not a CSV file."] });
  return { name, text, bytes };
}
