import { test } from "node:test";
import assert from "node:assert/strict";
import { AppError } from "@/lib/errors";
import { IMPORT_MAX_BYTES } from "@/lib/imports/upload";
import { readCsvBody } from "@/lib/api/read-csv";

const notText = (name: string) => `${name} is not UTF-8 text.`;
const post = (body: BodyInit | null, contentType?: string, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/v1/changes/import", {
    method: "POST",
    body,
    headers: { ...(contentType ? { "content-type": contentType } : {}), ...headers },
  });
const refused = (code: string, message: RegExp) => (error: unknown) =>
  error instanceof AppError && error.code === code && message.test(error.message);

test("a text/csv body is read as the browser's upload: UTF-8, without its byte-order mark, with its bytes", async () => {
  const bytes = new TextEncoder().encode("\uFEFFtitle,mergedAt\nA,2026-01-01\n");
  const read = await readCsvBody(post(bytes, "text/csv; charset=utf-8"), "changes.csv", notText);
  assert.equal(read.text, "title,mergedAt\nA,2026-01-01\n");
  assert.equal(read.name, "changes.csv");
  assert.deepEqual([...read.bytes], [...bytes], "the bytes as sent (the audit entry's SHA-256 is theirs)");
});

test("another media type or charset is a 415 that says what to send", async () => {
  await assert.rejects(
    readCsvBody(post("a,b\n", "application/json"), "x.csv", notText),
    refused("UNSUPPORTED_MEDIA_TYPE", /text\/csv \(this request says application\/json\)/),
  );
  await assert.rejects(readCsvBody(post("a,b\n"), "x.csv", notText), refused("UNSUPPORTED_MEDIA_TYPE", /Content-Type: text\/csv/));
  await assert.rejects(
    readCsvBody(post("a,b\n", "text/csv; charset=latin1"), "x.csv", notText),
    refused("UNSUPPORTED_MEDIA_TYPE", /UTF-8/),
  );
});

test("bytes that are not UTF-8 text are the domain's 415; an empty body a 400", async () => {
  await assert.rejects(
    readCsvBody(post(new Uint8Array([0x61, 0xff, 0x0a]), "text/csv"), "x.csv", notText),
    refused("UNSUPPORTED_MEDIA_TYPE", /^x\.csv is not UTF-8 text\.$/),
  );
  await assert.rejects(
    readCsvBody(post(new Uint8Array([0x61, 0x00]), "text/csv"), "x.csv", notText),
    refused("UNSUPPORTED_MEDIA_TYPE", /not UTF-8/),
  );
  await assert.rejects(readCsvBody(post("", "text/csv"), "x.csv", notText), refused("VALIDATION", /empty/));
});

test("over 5 MB is a 413 naming the file, by its declared length or as it streams", async () => {
  const big = new Uint8Array(IMPORT_MAX_BYTES + 1).fill(0x61);
  await assert.rejects(
    readCsvBody(post(big, "text/csv"), "big.csv", notText),
    refused("PAYLOAD_TOO_LARGE", /^big\.csv is 5\.0 MB; the limit is 5 MB\.$/),
  );
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < 6; i++) controller.enqueue(new Uint8Array(1024 * 1024).fill(0x61));
      controller.close();
    },
  });
  const chunked = new Request("http://localhost/x", {
    method: "POST",
    body: stream,
    headers: { "content-type": "text/csv" },
    duplex: "half",
  } as RequestInit);
  await assert.rejects(readCsvBody(chunked, "big.csv", notText), refused("PAYLOAD_TOO_LARGE", /big\.csv is .* MB; the limit is 5 MB/));
  const exact = new Uint8Array(IMPORT_MAX_BYTES).fill(0x61);
  assert.equal((await readCsvBody(post(exact, "text/csv"), "ok.csv", notText)).text.length, IMPORT_MAX_BYTES, "exactly 5 MB is allowed");
});
