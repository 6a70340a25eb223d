import assert from "node:assert/strict";
import { test } from "node:test";
import { AppError } from "@/lib/errors";
import { decodeUtf8Text, IMPORT_MAX_BYTES, importSizeProblem, lineCount, readUploadedText, withoutBom } from "@/lib/imports/upload";

const notCsv = (name: string) => `${name} is not a CSV file.`;

async function refusal(file: unknown): Promise<AppError> {
  try {
    await readUploadedText(file, notCsv);
  } catch (error) {
    assert.ok(error instanceof AppError);
    return error;
  }
  assert.fail("the upload was accepted");
}

test("the size limit is 5 MB, named with the file", () => {
  assert.equal(importSizeProblem("a.csv", IMPORT_MAX_BYTES), null);
  assert.equal(importSizeProblem("big.csv", IMPORT_MAX_BYTES + 10), "big.csv is 5.0 MB; the limit is 5 MB.");
});

test("a byte-order mark is dropped once; lines count alike with LF, CRLF and CR", () => {
  assert.equal(withoutBom("\uFEFFa,b"), "a,b");
  assert.equal(withoutBom("\uFEFF\uFEFFa"), "\uFEFFa");
  assert.equal(lineCount(""), 0);
  assert.equal(lineCount("a\n1\n"), 2);
  assert.equal(lineCount("a\r\n1\r\n2"), 3);
  assert.equal(lineCount("a\r1\r"), 2);
});

test("only UTF-8 text without NUL decodes", () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  assert.equal(decodeUtf8Text(utf8("\uFEFFslug,name\n")), "slug,name\n");
  assert.equal(decodeUtf8Text(new Uint8Array([0x61, 0xff, 0x62])), null);
  assert.equal(decodeUtf8Text(utf8("a\u0000b")), null);
});

test("an upload is read when present, small enough and text; each refusal names the file field", async () => {
  const ok = await readUploadedText(new File(["\uFEFFslug\r\nx\r\n"], "features.csv", { type: "text/csv" }), notCsv);
  assert.equal(ok.name, "features.csv");
  assert.equal(ok.text, "slug\r\nx\r\n");
  assert.equal(ok.bytes.length, 12);

  const missing = await refusal(undefined);
  assert.equal(missing.code, "VALIDATION");
  assert.deepEqual(missing.fieldErrors, { file: ["Choose a CSV file."] });
  assert.equal((await refusal(new File([], "empty.csv"))).code, "VALIDATION");

  const big = await refusal(new File([new Uint8Array(IMPORT_MAX_BYTES + 1)], "big.csv"));
  assert.equal(big.code, "PAYLOAD_TOO_LARGE");
  assert.equal(big.message, "big.csv is 5.0 MB; the limit is 5 MB.");

  const png = await refusal(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00])], "diagram.png"));
  assert.equal(png.code, "UNSUPPORTED_MEDIA_TYPE");
  assert.equal(png.message, "diagram.png is not a CSV file.");
});
