import { test } from "node:test";
import assert from "node:assert/strict";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "./read-json";

const MiB = 1024 * 1024;

/** A POST whose body arrives in chunks; counts how many chunks the reader pulled. */
function streamed(chunks: Uint8Array[], headers: Record<string, string> = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks.length) return controller.close();
      controller.enqueue(chunks[pulled++]);
    },
  });
  const request = new Request("http://app.test/api", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

const rejectsWith = async (promise: Promise<unknown>, code: string, message: RegExp) => {
  await assert.rejects(promise, (e: unknown) => e instanceof AppError && e.code === code && message.test(e.message));
};

test("a JSON body within the limit is parsed", async () => {
  const { request } = streamed([new TextEncoder().encode('{"a":'), new TextEncoder().encode("[1,2]}")]);
  assert.deepEqual(await readJsonBody(request, 100), { a: [1, 2] });
});

test("a body exactly at the limit is read; one byte more is a 413 naming the limit", async () => {
  const json = (size: number) => new TextEncoder().encode(`"${"x".repeat(size - 2)}"`);
  assert.equal(((await readJsonBody(streamed([json(MiB)]).request)) as string).length, MiB - 2);
  await rejectsWith(readJsonBody(streamed([json(MiB + 1)]).request), "PAYLOAD_TOO_LARGE", /larger than 1 MiB/);
});

test("reading stops at the limit: the rest of a long body is never pulled", async () => {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const { request, pulled } = streamed(Array(1000).fill(chunk)); // 64 MB on offer
  await rejectsWith(readJsonBody(request, MiB), "PAYLOAD_TOO_LARGE", /1 MiB/);
  assert.ok(pulled() <= MiB / chunk.length + 2, `pulled ${pulled()} chunks`);
});

test("a declared Content-Length over the limit is refused before reading anything", async () => {
  const { request } = streamed([new TextEncoder().encode("{}")], { "content-length": String(2 * MiB) });
  await rejectsWith(readJsonBody(request, MiB), "PAYLOAD_TOO_LARGE", /1 MiB/);
  assert.equal(request.bodyUsed, false);
});

test("a route's own limit is named in its message", async () => {
  await rejectsWith(readJsonBody(streamed([new Uint8Array(9 * MiB).fill(0x20)]).request, 8 * MiB), "PAYLOAD_TOO_LARGE", /8 MiB/);
});

test("empty, malformed or non-UTF-8 bodies are a 400 saying the body must be JSON", async () => {
  for (const bytes of [new Uint8Array(0), new TextEncoder().encode("{nope"), new Uint8Array([0x22, 0xff, 0x22])]) {
    await rejectsWith(readJsonBody(streamed([bytes]).request), "VALIDATION", /must be JSON/);
  }
});
