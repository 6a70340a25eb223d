import { test } from "node:test";
import assert from "node:assert/strict";
import { elapsedDays, monthsBefore, startOfDayIn, tabletopWindow, uncoveredDays, withinTabletopWindow } from "./period";

const period = { startDate: "2026-01-01", endDate: "2026-12-31" };
const doc = (validFrom: string | null, validUntil: string | null, effectiveDate = "2025-06-01") => ({
  effectiveDate,
  validFrom,
  validUntil,
});

test("the elapsed days run from the period's first day through today, or through its end once it has ended", () => {
  assert.deepEqual(elapsedDays(period, "2026-03-04"), { start: "2026-01-01", end: "2026-03-04" });
  assert.deepEqual(elapsedDays(period, "2026-12-31"), { start: "2026-01-01", end: "2026-12-31" });
  assert.deepEqual(elapsedDays(period, "2027-05-01"), { start: "2026-01-01", end: "2026-12-31" });
  // Not begun yet: its first day.
  assert.deepEqual(elapsedDays(period, "2025-11-30"), { start: "2026-01-01", end: "2026-01-01" });
});

test("a document valid over every elapsed day leaves no gap; one valid on some day only does", () => {
  const range = { start: "2026-01-01", end: "2026-03-04" };
  assert.deepEqual(uncoveredDays(range, [doc("2025-01-01", null)]), []);
  assert.deepEqual(uncoveredDays(range, [doc(null, "2026-12-31", "2026-01-01")]), []);
  // Valid on some days of the period only: the strict reading is a finding, with the days it misses.
  assert.deepEqual(uncoveredDays(range, [doc("2026-02-01", null)]), [{ start: "2026-01-01", end: "2026-01-31" }]);
  assert.deepEqual(uncoveredDays(range, [doc("2025-01-01", "2026-03-03")]), [{ start: "2026-03-04", end: "2026-03-04" }]);
  // Without validFrom, validity starts on the effective date.
  assert.deepEqual(uncoveredDays(range, [doc(null, null, "2026-01-02")]), [{ start: "2026-01-01", end: "2026-01-01" }]);
  assert.deepEqual(uncoveredDays(range, []), [range]);
  // Outside the range: no help.
  assert.deepEqual(uncoveredDays(range, [doc("2024-01-01", "2025-12-31")]), [range]);
});

test("a renewal that touches the old document covers the whole range; a one-day gap is named", () => {
  const range = { start: "2026-01-01", end: "2026-12-31" };
  assert.deepEqual(uncoveredDays(range, [doc("2025-07-01", "2026-06-30"), doc("2026-07-01", "2027-06-30")]), []);
  assert.deepEqual(uncoveredDays(range, [doc("2026-07-02", "2027-06-30"), doc("2025-07-01", "2026-06-30")]), [
    { start: "2026-07-01", end: "2026-07-01" },
  ]);
  assert.deepEqual(uncoveredDays(range, [doc("2026-02-01", "2026-02-28"), doc("2026-02-10", "2026-03-31"), doc("2026-06-01", null)]), [
    { start: "2026-01-01", end: "2026-01-31" },
    { start: "2026-04-01", end: "2026-05-31" },
  ]);
});

test("the tabletop window is the twelve months ending on the period's last day", () => {
  assert.deepEqual(tabletopWindow("2026-12-31"), { start: "2026-01-01", end: "2026-12-31" });
  assert.deepEqual(tabletopWindow("2026-06-30"), { start: "2025-07-01", end: "2026-06-30" });
  // Exactly twelve months before the last day is one day too old; the next day counts.
  assert.equal(withinTabletopWindow("2025-06-30", "2026-06-30"), false);
  assert.equal(withinTabletopWindow("2025-07-01", "2026-06-30"), true);
  assert.equal(withinTabletopWindow("2026-06-30", "2026-06-30"), true);
  // After the period's end: not in it.
  assert.equal(withinTabletopWindow("2026-07-01", "2026-06-30"), false);
});

test("twelve months before a leap day is the last day of February; the window starts the day after", () => {
  assert.equal(monthsBefore("2028-02-29", 12), "2027-02-28");
  assert.deepEqual(tabletopWindow("2028-02-29"), { start: "2027-03-01", end: "2028-02-29" });
  assert.equal(monthsBefore("2026-03-31", 1), "2026-02-28");
  assert.equal(monthsBefore("2026-01-15", 12), "2025-01-15");
  assert.deepEqual(tabletopWindow("2027-02-28"), { start: "2026-03-01", end: "2027-02-28" });
  assert.equal(withinTabletopWindow("2026-02-28", "2027-02-28"), false);
});

test("a day begins at midnight in the organisation's time zone", () => {
  assert.equal(startOfDayIn("UTC", "2026-03-01").toISOString(), "2026-03-01T00:00:00.000Z");
  assert.equal(startOfDayIn("Europe/Berlin", "2026-01-15").toISOString(), "2026-01-14T23:00:00.000Z");
  assert.equal(startOfDayIn("Europe/Berlin", "2026-07-15").toISOString(), "2026-07-14T22:00:00.000Z");
  assert.equal(startOfDayIn("America/New_York", "2026-03-08").toISOString(), "2026-03-08T05:00:00.000Z");
  assert.equal(startOfDayIn("America/New_York", "2026-03-09").toISOString(), "2026-03-09T04:00:00.000Z");
  assert.equal(startOfDayIn("Pacific/Auckland", "2026-12-25").toISOString(), "2026-12-24T11:00:00.000Z");
});
