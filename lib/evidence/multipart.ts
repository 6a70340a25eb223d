import busboy from "busboy";
import { Readable } from "node:stream";
import { uploadIdleSeconds } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { discardStaged, stageStream, tooLarge, type StagedFile } from "@/lib/evidence/storage";

// Reads a multipart/form-data evidence upload as a stream (busboy): the text fields into memory
// (small, bounded), the one file part straight into a staged temp file. Nothing is buffered
// whole, so a 1 GB upload costs the server a few hundred kilobytes of memory. An upload cut short
// (the client disconnects, goes silent, or sends a broken body) leaves nothing behind: no staged
// file and no open descriptor.

export interface ParsedUpload {
  fields: Record<string, string>;
  file?: { name: string; staged: StagedFile };
}

const FIELD_LIMIT = 64 * 1024;
const FIELDS_SLACK = 1024 * 1024;

/** The error an upload gets when its client stops sending for `seconds`. */
export function idleTimeout(seconds: number): AppError {
  return new AppError(
    "REQUEST_TIMEOUT",
    `The upload stopped: no data arrived for ${seconds} seconds (ATTEST_UPLOAD_IDLE_SECONDS). Check the connection and upload the file again.`,
  );
}

export async function parseEvidenceUpload(
  request: Request,
  maxBytes: number,
  idleSeconds: number = uploadIdleSeconds(),
): Promise<ParsedUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the evidence as multipart/form-data, with a `file` (or `url`) and its fields.");
  }
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes + FIELDS_SLACK) throw tooLarge(maxBytes);
  if (!request.body) throw new AppError("VALIDATION", "The request has no body.");

  const source = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>);
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      preservePath: true, // keep the name as sent, so that a name with a path is refused, not silently cut
      defParamCharset: "utf8",
      limits: { files: 1, fields: 30, parts: 32, fieldSize: FIELD_LIMIT, fieldNameSize: 100 },
    });
  } catch {
    throw new AppError("VALIDATION", "The multipart body could not be read: its boundary is missing.");
  }

  const fields: Record<string, string> = {};
  let file: ParsedUpload["file"];
  let fileStream: Readable | undefined;
  let staging: Promise<void> = Promise.resolve();
  let failure: unknown;
  const fail = (error: unknown) => {
    failure ??= error;
  };

  let finish = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  // Stops reading for good: the parser and the file part are destroyed, so the staged file's
  // pipeline fails, closes its descriptor and removes the `.part` file. With `drain`, what is left
  // of the body is read and discarded (the client is still there and gets the answer); without
  // it, the body is destroyed (the client is gone, or has stopped sending).
  const stop = (error: unknown, drain: boolean) => {
    fail(error);
    source.unpipe(parser);
    fileStream?.destroy(error instanceof Error ? error : new Error(String(error)));
    parser.destroy();
    if (drain) source.resume();
    else source.destroy();
    finish();
  };

  // An upload that goes quiet is cut off: without this, a client that stops sending (or whose
  // disconnect is never reported) would hold a descriptor and a staged file until restart.
  const idle = setTimeout(() => stop(idleTimeout(idleSeconds), false), idleSeconds * 1000);
  const onAbort = () => stop(new AppError("VALIDATION", "The client closed the connection before the upload finished."), false);
  if (request.signal.aborted) onAbort();
  else request.signal.addEventListener("abort", onAbort, { once: true });

  parser.on("field", (name, value, info) => {
    if (info.valueTruncated) fail(new AppError("VALIDATION", `The field ${name} is too long.`));
    else if (name in fields) fail(new AppError("VALIDATION", `The field ${name} is given twice.`));
    else fields[name] = value;
  });
  parser.on("file", (name, stream, info) => {
    if (name !== "file") {
      fail(new AppError("VALIDATION", `Unexpected file field "${name}": send the file as "file".`));
      stream.resume();
      return;
    }
    fileStream = stream;
    staging = stageStream(stream, maxBytes).then(
      (staged) => {
        file = { name: info.filename ?? "", staged };
      },
      // Answer now (a 413 need not wait for the rest of a huge body); what is left of the
      // request is read and discarded.
      (error) => stop(error, true),
    );
  });
  parser.on("filesLimit", () => fail(new AppError("VALIDATION", "Send one file per request.")));
  parser.on("fieldsLimit", () => fail(new AppError("VALIDATION", "Too many fields.")));
  parser.on("partsLimit", () => fail(new AppError("VALIDATION", "Too many parts.")));
  parser.on("error", (error) => {
    stop(new AppError("VALIDATION", `The multipart body could not be read: ${(error as Error).message}`), true);
  });
  parser.on("close", () => finish());
  // The body failed (the client disconnected mid-request): nothing more will come.
  source.on("error", (error) => stop(error, false));

  source.pipe(parser);
  source.on("data", () => idle.refresh());
  source.on("end", () => clearTimeout(idle));
  try {
    await done;
    await staging;
  } finally {
    clearTimeout(idle);
    request.signal.removeEventListener("abort", onAbort);
  }
  if (failure) {
    await discardStaged(file?.staged);
    source.unpipe(parser);
    if (!source.destroyed) source.resume();
    throw failure;
  }
  return { fields, file };
}
