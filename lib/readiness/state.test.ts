import assert from "node:assert/strict";
import test from "node:test";
import { isReady, readinessBadge, readinessState } from "@/lib/readiness/state";

test("a check with nothing to check is nothing recorded, not a pass, and not ready", () => {
  assert.equal(readinessState({ count: 0, checked: 0 }), "NOTHING_RECORDED");
  assert.equal(readinessBadge({ count: 0, checked: 0 }), "Nothing recorded yet");
  assert.equal(isReady({ count: 0, checked: 0 }), false);
});

test("a check passes only when it checked something and nothing failed", () => {
  assert.equal(readinessState({ count: 0, checked: 3 }), "PASSES");
  assert.equal(readinessBadge({ count: 0, checked: 1 }), "Passes");
  assert.equal(isReady({ count: 0, checked: 1 }), true);
});

test("any failing item makes it fail, whatever was checked", () => {
  assert.equal(readinessState({ count: 2, checked: 5 }), "FAILS");
  assert.equal(readinessState({ count: 1, checked: 0 }), "FAILS");
  assert.equal(readinessBadge({ count: 1, checked: 1 }), "1 finding");
  assert.equal(readinessBadge({ count: 4, checked: 9 }), "4 findings");
  assert.equal(isReady({ count: 1, checked: 1 }), false);
});
