import { test } from "node:test";
import assert from "node:assert/strict";
import { BoundedConcurrency, QueueFullError } from "@/lib/auth/bounded-concurrency";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

test("runs at most `limit` at once, queues up to `maxWaiting`, refuses beyond", async () => {
  const queue = new BoundedConcurrency(2, 1);
  const gates = [deferred(), deferred(), deferred()];
  const started: number[] = [];
  const runs = gates.map((g, i) => queue.run(async () => (started.push(i), await g.promise, i)));
  await Promise.resolve();
  assert.deepEqual(started, [0, 1]);
  assert.equal(queue.active, 2);
  assert.equal(queue.queued, 1);
  await assert.rejects(
    queue.run(async () => 99),
    QueueFullError,
  );

  gates[0].resolve();
  assert.equal(await runs[0], 0);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(started, [0, 1, 2]);
  assert.equal(queue.active, 2);
  assert.equal(queue.queued, 0);
  gates[1].resolve();
  gates[2].resolve();
  assert.deepEqual(await Promise.all(runs), [0, 1, 2]);
  assert.equal(queue.active, 0);
});

test("a failing task frees its slot", async () => {
  const queue = new BoundedConcurrency(1, 0);
  await assert.rejects(
    queue.run(async () => Promise.reject(new Error("boom"))),
    /boom/,
  );
  assert.equal(queue.active, 0);
  assert.equal(await queue.run(async () => "next"), "next");
});
