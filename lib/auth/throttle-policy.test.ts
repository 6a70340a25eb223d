import { test } from "node:test";
import assert from "node:assert/strict";
import { blockSeconds } from "@/lib/auth/throttle-policy";

test("blockSeconds: 15 minutes, then doubling, capped at 4 hours", () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 100].map(blockSeconds), [900, 1800, 3600, 7200, 14400, 14400, 14400]);
  assert.equal(blockSeconds(0), 900);
});
