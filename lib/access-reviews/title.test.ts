import assert from "node:assert/strict";
import { test } from "node:test";
import { accessReviewTitle, nameMentionsQuarter, quarterBesideName } from "@/lib/access-reviews/title";

test("a name that already says its quarter, in any usual spelling, is not followed by it again", () => {
  for (const name of ["2026-Q3 access review", "Q3 2026 access review", "Access review q3-2026", "Keys 2026 Q3", "Q3/2026"]) {
    assert.equal(nameMentionsQuarter(name, "2026-Q3"), true, name);
    assert.equal(accessReviewTitle(name, "2026-Q3"), name);
    assert.equal(quarterBesideName(name, "2026-Q3"), null);
  }
});

test("a name without its quarter gets it, also when it names another quarter or a longer number", () => {
  assert.equal(accessReviewTitle("Model API keys", "2026-Q3"), "Model API keys (2026-Q3)");
  assert.equal(accessReviewTitle("Q2 2026 carry-over", "2026-Q3"), "Q2 2026 carry-over (2026-Q3)");
  assert.equal(accessReviewTitle("Q31 2026", "2026-Q3"), "Q31 2026 (2026-Q3)");
  assert.equal(quarterBesideName("Keys", "2026-Q3"), "2026-Q3");
});
