import { test } from "node:test";
import assert from "node:assert/strict";
import {
  addDays,
  doneOnProblem,
  isRevocationOverdue,
  needsFollowUp,
  REVOCATION_OVERDUE_DAYS,
  revocationDueOn,
} from "@/lib/access-reviews/revocations";

test("revoke and modify need follow-up; keep does not", () => {
  assert.equal(needsFollowUp("REVOKE"), true);
  assert.equal(needsFollowUp("MODIFY"), true);
  assert.equal(needsFollowUp("KEEP"), false);
  assert.equal(needsFollowUp(null), false);
});

test("calendar arithmetic crosses months and leap days", () => {
  assert.equal(addDays("2026-01-25", 14), "2026-02-08");
  assert.equal(addDays("2028-02-20", 14), "2028-03-05");
  assert.equal(addDays("2026-12-25", 14), "2027-01-08");
});

test("an open revocation is overdue only more than 14 days after sign-off", () => {
  assert.equal(REVOCATION_OVERDUE_DAYS, 14);
  const open = { decision: "REVOKE", doneOn: null, signedOffOn: "2026-03-01" };
  assert.equal(revocationDueOn("2026-03-01"), "2026-03-15");
  assert.equal(isRevocationOverdue(open, "2026-03-01"), false);
  assert.equal(isRevocationOverdue(open, "2026-03-15"), false, "day 14 is still on time");
  assert.equal(isRevocationOverdue(open, "2026-03-16"), true);
  assert.equal(isRevocationOverdue({ ...open, decision: "MODIFY" }, "2026-04-01"), true);
});

test("done, kept, or not yet signed off is never overdue", () => {
  assert.equal(isRevocationOverdue({ decision: "REVOKE", doneOn: "2026-03-20", signedOffOn: "2026-03-01" }, "2026-05-01"), false);
  assert.equal(isRevocationOverdue({ decision: "KEEP", doneOn: null, signedOffOn: "2026-03-01" }, "2026-05-01"), false);
  assert.equal(isRevocationOverdue({ decision: "REVOKE", doneOn: null, signedOffOn: null }, "2026-05-01"), false);
  assert.equal(revocationDueOn(null), null);
});

test("a done date lies between the decision and today", () => {
  assert.equal(doneOnProblem("2026-03-05", "2026-03-01", "2026-03-10"), null);
  assert.equal(doneOnProblem("2026-03-01", "2026-03-01", "2026-03-01"), null);
  assert.match(doneOnProblem("2026-03-11", "2026-03-01", "2026-03-10") ?? "", /future/);
  assert.match(doneOnProblem("2026-02-28", "2026-03-01", "2026-03-10") ?? "", /before the decision/);
});
