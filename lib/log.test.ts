import { test } from "node:test";
import assert from "node:assert/strict";
import { logEvent } from "./log";

function captured(fn: () => void): string {
  const write = process.stdout.write;
  let out = "";
  process.stdout.write = ((chunk: string) => {
    out += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    fn();
  } finally {
    process.stdout.write = write;
  }
  return out;
}

test("logEvent writes one JSON line with the time, the event and the fields", () => {
  const out = captured(() => logEvent("auth.refused", { status: 403, path: "/api/v1/periods", note: "two\nlines" }));
  assert.equal(out.split("\n").length, 2);
  assert.ok(out.endsWith("\n"));
  const line = JSON.parse(out) as Record<string, unknown>;
  assert.equal(line.event, "auth.refused");
  assert.equal(line.status, 403);
  assert.equal(line.note, "two\nlines");
  assert.match(String(line.time), /^\d{4}-\d\d-\d\dT/);
});

test("logEvent never throws, even on fields JSON cannot hold", () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  const out = captured(() => logEvent("x", { cyclic, big: 1n }));
  assert.deepEqual({ ...JSON.parse(out), time: undefined }, { time: undefined, event: "x", unserializable: true });
});
