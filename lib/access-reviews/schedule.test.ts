import { test } from "node:test";
import assert from "node:assert/strict";
import {
  formatDay,
  nextAccessReview,
  nextQuarter,
  parseQuarter,
  previousQuarter,
  quarterOf,
  quarterRange,
  type ScheduledReview,
} from "@/lib/access-reviews/schedule";

const signed = (...quarters: string[]): ScheduledReview[] => quarters.map((quarter) => ({ quarter, status: "SIGNED_OFF" }));

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
  assert.equal(previousQuarter("2027-Q1"), "2026-Q4");
  assert.equal(previousQuarter("2026-Q3"), "2026-Q2");
});

test("the next access review follows the latest signed-off quarter, due by its end", () => {
  assert.deepEqual(nextAccessReview(signed("2026-Q2", "2026-Q4", "2026-Q3"), "2026-11-28"), {
    quarter: "2027-Q1",
    dueBy: "2027-03-31",
    overdue: false,
    missed: null,
    after: "2026-Q4",
  });
  assert.equal(formatDay("2027-03-31"), "31 Mar 2027");
});

test("a quarter is missed only once its last day has passed without a signed-off review", () => {
  assert.equal(nextAccessReview(signed("2026-Q2"), "2026-09-30").overdue, false);
  assert.equal(nextAccessReview(signed("2026-Q2"), "2026-09-30").quarter, "2026-Q3");
  const late = nextAccessReview(signed("2026-Q2"), "2026-10-01");
  assert.deepEqual([late.overdue, late.missed, late.quarter], [true, { from: "2026-Q3", to: "2026-Q3" }, "2026-Q4"]);
});

test("after a gap, the current quarter is proposed, not the quarter after the last sign-off", () => {
  // Before: 2025-Q2, a quarter that ended 18 months ago.
  assert.deepEqual(nextAccessReview(signed("2025-Q1"), "2026-11-28"), {
    quarter: "2026-Q4",
    dueBy: "2026-12-31",
    overdue: true,
    missed: { from: "2025-Q2", to: "2026-Q3" },
    after: "2025-Q1",
  });
});

test("the current quarter is covered by a review signed off in it, or taken by an open review for it", () => {
  // Q3's review signed off late, in Q4: it counts for Q4 (performedIn), so Q1 is next.
  const lateQ3: ScheduledReview = { quarter: "2026-Q3", status: "SIGNED_OFF", performedIn: "2026-Q4" };
  assert.equal(nextAccessReview([lateQ3], "2026-11-28").quarter, "2027-Q1");
  for (const status of ["IN_PROGRESS", "DRAFT"] as const) {
    const next = nextAccessReview([...signed("2026-Q3"), { quarter: "2026-Q4", status }], "2026-11-28");
    assert.equal(next.quarter, "2027-Q1", status);
  }
  // An open review for an older quarter does not take the current one.
  assert.equal(nextAccessReview([...signed("2026-Q2"), { quarter: "2026-Q3", status: "IN_PROGRESS" }], "2026-11-28").quarter, "2026-Q4");
});

test("with nothing signed off, the current quarter is due and nothing is called missed", () => {
  assert.deepEqual(nextAccessReview([], "2026-11-28"), {
    quarter: "2026-Q4",
    dueBy: "2026-12-31",
    overdue: false,
    missed: null,
    after: null,
  });
  assert.equal(nextAccessReview(signed("garbage"), "2026-02-01").quarter, "2026-Q1");
});
