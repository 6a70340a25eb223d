import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDay, nextAccessReview, nextQuarter, parseQuarter, quarterOf, quarterRange } from "@/lib/access-reviews/schedule";

test("quarters parse only as YYYY-Qn", () => {
  assert.deepEqual(parseQuarter("2026-Q4"), { year: 2026, q: 4 });
  for (const bad of ["2026-Q5", "2026-Q0", "26-Q1", "2026Q1", "2026-q1", "", "Q1-2026"]) assert.equal(parseQuarter(bad), null, bad);
});

test("a quarter's date range, inclusive, with leap years", () => {
  assert.deepEqual(quarterRange("2026-Q4"), { start: "2026-10-01", end: "2026-12-31" });
  assert.deepEqual(quarterRange("2027-Q1"), { start: "2027-01-01", end: "2027-03-31" });
  assert.deepEqual(quarterRange("2026-Q2"), { start: "2026-04-01", end: "2026-06-30" });
  assert.deepEqual(quarterRange("2026-Q3"), { start: "2026-07-01", end: "2026-09-30" });
  assert.throws(() => quarterRange("2026-Q9"));
});

test("dates map to their quarter and quarters roll over the year", () => {
  assert.equal(quarterOf("2026-01-01"), "2026-Q1");
  assert.equal(quarterOf("2026-03-31"), "2026-Q1");
  assert.equal(quarterOf("2026-04-01"), "2026-Q2");
  assert.equal(quarterOf("2026-12-31"), "2026-Q4");
  assert.equal(nextQuarter("2026-Q3"), "2026-Q4");
  assert.equal(nextQuarter("2026-Q4"), "2027-Q1");
});

test("the next access review follows the latest signed-off quarter, due by its end", () => {
  assert.deepEqual(nextAccessReview(["2026-Q2", "2026-Q4", "2026-Q3"], "2026-11-28"), {
    quarter: "2027-Q1",
    dueBy: "2027-03-31",
    overdue: false,
    after: "2026-Q4",
  });
  assert.equal(formatDay("2027-03-31"), "31 Mar 2027");
});

test("an access review is overdue only after the last day of its quarter", () => {
  assert.equal(nextAccessReview(["2026-Q2"], "2026-09-30").overdue, false);
  assert.equal(nextAccessReview(["2026-Q2"], "2026-10-01").overdue, true);
  assert.equal(nextAccessReview(["2026-Q2"], "2026-10-01").quarter, "2026-Q3");
});

test("with nothing signed off, the current quarter is due", () => {
  assert.deepEqual(nextAccessReview([], "2026-11-28"), { quarter: "2026-Q4", dueBy: "2026-12-31", overdue: false, after: null });
  assert.equal(nextAccessReview(["garbage"], "2026-02-01").quarter, "2026-Q1");
});
