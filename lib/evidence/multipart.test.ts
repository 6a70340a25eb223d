import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { AppError } from "@/lib/errors";
import { parseEvidenceUpload } from "@/lib/evidence/multipart";
import { STALE_STAGED_MS, sweepTemp } from "@/lib/evidence/storage";

// Uploads cut short, at the parser: the staged file and its descriptor go at once on a client's
// abort, and after the idle timeout when the body stops arriving. (e2e/upload-abort.spec.ts does
// the same against the running server, over a real socket.)

let dataDir: string;
before(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "attest-multipart-"));
  process.env.ATTEST_DATA_DIR = dataDir;
});
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const tmp = () => path.join(dataDir, "evidence", "tmp");
const parts = () => (fs.existsSync(tmp()) ? fs.readdirSync(tmp()).filter((n) => n.endsWith(".part")) : []);
const openDescriptorsIntoTmp = () =>
  fs.readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(tmp());
    } catch {
      return false;
    }
  });

const BOUNDARY = "attestboundary";
const head = Buffer.from(
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n` +
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
);

/** A request whose body sends the head and `bytes` of file content, then neither ends nor errors. */
function stalledUpload(bytes: number, signal?: AbortSignal): { request: Request; sent: Promise<void> } {
  let sentResolve = () => {};
  const sent = new Promise<void>((r) => (sentResolve = r));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(head);
      for (let n = 0; n < bytes; n += 64 * 1024) controller.enqueue(new Uint8Array(Math.min(64 * 1024, bytes - n)).fill(7));
      sentResolve();
    },
  });
  const request = new Request("http://localhost/api/v1/evidence", {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
    body,
    duplex: "half",
    signal,
  } as RequestInit);
  return { request, sent };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, String(error));
    return error;
  }
  assert.fail("expected the upload to be refused");
}

async function waitFor(condition: () => boolean, ms = 5000) {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}

test("a body that stops arriving is cut off after the idle timeout (408); no .part file or descriptor remains", async () => {
  const { request } = stalledUpload(1024 * 1024);
  const parsing = parseEvidenceUpload(request, 10 * 1024 * 1024, 0.8);
  await waitFor(() => parts().length > 0);
  assert.equal(parts().length, 1, "the file was being staged");
  const error = await refusal(parsing);
  assert.equal(error.status, 408);
  assert.match(error.message, /no data arrived for 0\.8 seconds \(ATTEST_UPLOAD_IDLE_SECONDS\)/);
  assert.deepEqual(parts(), []);
  assert.deepEqual(openDescriptorsIntoTmp(), []);
});

test("a client abort stops the upload at once, long before the idle timeout", async () => {
  const controller = new AbortController();
  const { request } = stalledUpload(1024 * 1024, controller.signal);
  const parsing = parseEvidenceUpload(request, 10 * 1024 * 1024, 600);
  await waitFor(() => parts().length > 0);
  assert.equal(parts().length, 1);
  const started = Date.now();
  controller.abort();
  const error = await refusal(parsing);
  assert.ok(Date.now() - started < 5000);
  assert.match(error.message, /closed the connection/);
  assert.deepEqual(parts(), []);
  assert.deepEqual(openDescriptorsIntoTmp(), []);
});

test("the periodic sweep removes staged files untouched for an hour, and keeps fresh ones", async () => {
  fs.mkdirSync(tmp(), { recursive: true });
  const stale = path.join(tmp(), "stale.part");
  const fresh = path.join(tmp(), "fresh.part");
  fs.writeFileSync(stale, "x");
  fs.writeFileSync(fresh, "x");
  const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
  fs.utimesSync(stale, twoHoursAgo, twoHoursAgo);
  assert.equal(await sweepTemp(STALE_STAGED_MS), 1);
  assert.deepEqual(parts(), ["fresh.part"]);
  assert.equal(await sweepTemp(), 1, "at start, every staged file goes");
  assert.deepEqual(parts(), []);
});
