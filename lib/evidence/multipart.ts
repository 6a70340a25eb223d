import busboy from "busboy";
import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { discardStaged, stageStream, tooLarge, type StagedFile } from "@/lib/evidence/storage";

// Reads a multipart/form-data evidence upload as a stream (busboy): the text fields into memory
// (small, bounded), the one file part straight into a staged temp file. Nothing is buffered
// whole, so a 1 GB upload costs the server a few hundred kilobytes of memory.

export interface ParsedUpload {
  fields: Record<string, string>;
  file?: { name: string; staged: StagedFile };
}

const FIELD_LIMIT = 64 * 1024;
const FIELDS_SLACK = 1024 * 1024;

export async function parseEvidenceUpload(request: Request, maxBytes: number): Promise<ParsedUpload> {
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
  let staging: Promise<void> = Promise.resolve();
  let failure: unknown;
  const fail = (error: unknown) => {
    failure ??= error;
  };

  let finish = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
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
      staging = stageStream(stream, maxBytes).then(
        (staged) => {
          file = { name: info.filename ?? "", staged };
        },
        (error) => {
          fail(error);
          // Answer now (a 413 need not wait for the rest of a huge body); what is left of the
          // request is read and discarded.
          source.unpipe(parser);
          source.resume();
          finish();
        },
      );
    });
    parser.on("filesLimit", () => fail(new AppError("VALIDATION", "Send one file per request.")));
    parser.on("fieldsLimit", () => fail(new AppError("VALIDATION", "Too many fields.")));
    parser.on("partsLimit", () => fail(new AppError("VALIDATION", "Too many parts.")));
    parser.on("error", (error) => {
      fail(new AppError("VALIDATION", `The multipart body could not be read: ${(error as Error).message}`));
      resolve();
    });
    parser.on("close", () => resolve());
    source.on("error", (error) => {
      fail(error);
      resolve();
    });
  });
  source.pipe(parser);
  await done;
  await staging;
  if (failure) {
    await discardStaged(file?.staged);
    source.unpipe(parser);
    source.resume();
    throw failure;
  }
  return { fields, file };
}
