import assert from "node:assert/strict";
import { test } from "node:test";
import { checkFileName, looksLikeText, sniffMediaType } from "@/lib/evidence/file-check";
import { AppError } from "@/lib/errors";

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
const PDF = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "latin1");
const ELF = Buffer.concat([Buffer.from("7f454c46020101", "hex"), Buffer.alloc(64)]);

async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    assert.ok(error instanceof AppError);
    return error;
  }
  assert.fail("expected a refusal");
}

test("file names: normalised to NFC and trimmed; paths, control characters, bidi overrides and long names refused", async () => {
  assert.equal(checkFileName("  Re\u0301sume\u0301.pdf "), "Résumé.pdf");
  for (const [name, message] of [
    ["../etc/passwd", /path/],
    ["a\\b.txt", /path/],
    ["..", /path/],
    ["report\u0000.pdf", /control characters/],
    ["line\nbreak.txt", /control characters/],
    ["invoice\u202Efdp.exe", /right-to-left/],
    [`${"x".repeat(256)}`, /256 characters long; the limit is 255/],
    ["   ", /no name/],
    ["report\u2028.pdf", /line or paragraph separator \(U\+2028\)/],
    ["report.pdf\u2029", /line or paragraph separator \(U\+2029\)/],
    ["\ufeffreport.pdf", /invisible character \(U\+FEFF, a byte-order mark\)/],
    ["pay\u200broll.csv", /invisible character \(U\+200B\)/],
    ["in\u00advoice.pdf", /invisible character \(U\+00AD\)/],
    ["report.pdf\u2060.txt", /invisible character \(U\+2060\)/],
    ["tab\there.txt", /control characters/],
    ["trailing.txt\n", /control characters/],
  ] as const) {
    const error = await refusal(() => checkFileName(name));
    assert.equal(error.code, "VALIDATION");
    assert.match(error.message, message, name);
  }
  assert.equal(checkFileName("x".repeat(255)).length, 255);
});

test("media types come from the bytes; a known extension must agree with them", async () => {
  assert.equal(await sniffMediaType("shot.png", PNG, PNG.length), "image/png");
  assert.equal(await sniffMediaType("policy.PDF", PDF, PDF.length), "application/pdf");
  assert.equal(await sniffMediaType("export.csv", Buffer.from("a,b\n1,2\n"), 8), "text/csv");
  assert.equal(await sniffMediaType("report.json", Buffer.from(' {"ok": true}'), 13), "application/json");
  assert.equal(await sniffMediaType("notes", Buffer.from("plain words\n"), 12), "text/plain");
  assert.equal(await sniffMediaType("blob.bin", Buffer.from([0, 1, 2, 255]), 4), "application/octet-stream");
  // An unknown extension keeps what the bytes say.
  assert.equal(await sniffMediaType("diagram.xyz", PNG, PNG.length), "image/png");

  for (const [name, head, message] of [
    ["report.pdf", PNG, /named \.pdf but it is not a PDF: it contains image\/png bytes/],
    ["chart.png", Buffer.from("<html><script>x</script></html>"), /named \.png but it is not a PNG image: it contains text/],
    ["data.json", Buffer.from("name,value\n"), /does not start like JSON/],
    ["notes.txt", PNG, /named \.txt but it is not text/],
    ["tool", ELF, /Executables/],
    ["setup.exe", Buffer.from("MZ\x90\x00"), /Executables/],
    ["run.sh", Buffer.from("echo hi\n"), /Executables/],
    ["script.txt", Buffer.from("#!/bin/sh\nrm -rf /\n"), /Executables/],
  ] as const) {
    const error = await refusal(sniffMediaType(name, head, head.length));
    assert.equal(error.code, "UNSUPPORTED_MEDIA_TYPE", name);
    assert.match(error.message, message, name);
  }
});

test("text detection tolerates a multi-byte character cut at the end of the sniffed head", () => {
  const text = Buffer.from("é".repeat(10));
  assert.equal(looksLikeText(text.subarray(0, 19), true), true);
  assert.equal(looksLikeText(text.subarray(0, 19), false), false);
  assert.equal(looksLikeText(Buffer.from([0x61, 0x00, 0x62]), false), false);
  assert.equal(looksLikeText(Buffer.from([0xff, 0xfe, 0x41]), false), false);
});
