import { test } from "node:test";
import assert from "node:assert/strict";
import { dayIn, futureQuarterProblem, performedPhrase, sameQuarterProblem, signOffTiming } from "@/lib/access-reviews/quarter-rules";

test("a quarter is refused only when it starts after today", () => {
  assert.equal(futureQuarterProblem("2026-Q4", "2026-12-05"), null); // the current quarter
  assert.equal(futureQuarterProblem("2022-Q3", "2026-12-05"), null); // an earlier one
  assert.match(
    futureQuarterProblem("2027-Q3", "2026-12-05")!,
    /2027-Q3 has not started yet \(it starts on 2027-07-01; today is 2026-12-05\)/,
  );
  // Last day of a quarter: the next one is still in the future; first day of the next: it is current.
  assert.match(futureQuarterProblem("2027-Q1", "2026-12-31")!, /choose 2026-Q4 or an earlier quarter/);
  assert.equal(futureQuarterProblem("2027-Q1", "2027-01-01"), null);
  assert.match(futureQuarterProblem("2026-Q5", "2026-12-05")!, /YYYY-Qn/);
});

test("a second access review for a quarter needs a non-blank reason", () => {
  assert.equal(sameQuarterProblem("2026-Q4", [], null), null);
  assert.match(
    sameQuarterProblem("2026-Q4", [{ name: "Keys" }], null)!,
    /2026-Q4 already has an access review \(“Keys”\): give the reason/,
  );
  assert.match(sameQuarterProblem("2026-Q4", [{ name: "Keys" }], "   ")!, /give the reason/);
  assert.equal(sameQuarterProblem("2026-Q4", [{ name: "Keys" }], "Re-run after the October leavers."), null);
  const many = [{ name: "a" }, { name: "b" }, { name: "c" }, { name: "d" }, { name: "e" }];
  assert.match(sameQuarterProblem("2026-Q4", many, undefined)!, /“a”, “b”, “c” and 2 more/);
});

test("a sign-off on the quarter's last day is on time; on the next day it is late and counts for the next quarter", () => {
  assert.deepEqual(signOffTiming("2026-Q4", "2026-12-31"), { performedIn: "2026-Q4", late: false });
  assert.deepEqual(signOffTiming("2026-Q4", "2027-01-01"), { performedIn: "2027-Q1", late: true });
  assert.deepEqual(signOffTiming("2026-Q1", "2026-03-31"), { performedIn: "2026-Q1", late: false });
  assert.deepEqual(signOffTiming("2026-Q1", "2026-04-01"), { performedIn: "2026-Q2", late: true });
  // Years late still names the quarter it was performed in.
  assert.deepEqual(signOffTiming("2022-Q3", "2026-12-05"), { performedIn: "2026-Q4", late: true });
  // A legacy access review signed off before its quarter started counts for the quarter of the sign-off.
  assert.deepEqual(signOffTiming("2027-Q3", "2026-12-05"), { performedIn: "2026-Q4", late: false });
});

test("the sign-off day is the organisation's calendar day, near midnight too", () => {
  // 23:30 UTC on 31 December is already 1 January in Berlin: late there, on time in UTC.
  const instant = new Date("2026-12-31T23:30:00Z");
  assert.equal(dayIn("UTC", instant), "2026-12-31");
  assert.equal(dayIn("Europe/Berlin", instant), "2027-01-01");
  assert.deepEqual(signOffTiming("2026-Q4", dayIn("UTC", instant)), { performedIn: "2026-Q4", late: false });
  assert.deepEqual(signOffTiming("2026-Q4", dayIn("Europe/Berlin", instant)), { performedIn: "2027-Q1", late: true });
  // 00:30 UTC on 1 April is still 31 March in New York: on time for Q1 there.
  const april = new Date("2026-04-01T00:30:00Z");
  assert.deepEqual(signOffTiming("2026-Q1", dayIn("America/New_York", april)), { performedIn: "2026-Q1", late: false });
  assert.deepEqual(signOffTiming("2026-Q1", dayIn("UTC", april)), { performedIn: "2026-Q2", late: true });
  // "Today" for the future rule, same edge: a 2027-Q1 access review is allowed in Berlin, refused in UTC.
  assert.equal(futureQuarterProblem("2027-Q1", dayIn("Europe/Berlin", instant)), null);
  assert.notEqual(futureQuarterProblem("2027-Q1", dayIn("UTC", instant)), null);
});

test("the record's phrase says where it counts and what it was late for", () => {
  assert.equal(performedPhrase("2026-Q4", { performedIn: "2027-Q1", late: true }), "performed in 2027-Q1, late for 2026-Q4");
  assert.equal(performedPhrase("2026-Q4", { performedIn: "2026-Q4", late: false }), "performed in 2026-Q4");
});
