import { test } from "node:test";
import assert from "node:assert/strict";
import { addDays, dateInTimeZone, daysBetween, fromDay, isoWeek, isoWeekday, toDay, toDayRange } from "./dates";

test("a calendar date round-trips through its day number", () => {
  assert.equal(toDay("1970-01-01"), 0);
  for (const date of ["2026-01-31", "2028-02-29", "2027-12-31", "2000-02-29"]) assert.equal(fromDay(toDay(date)), date);
});

test("malformed or impossible dates throw a clear error", () => {
  for (const bad of [
    "2027-02-29",
    "2026-02-30",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-1-01",
    "2026-01-01T00:00:00Z",
    "",
    "yesterday",
  ]) {
    assert.throws(() => toDay(bad, "period start"), /period start must be a calendar date YYYY-MM-DD/, bad);
  }
  assert.throws(() => toDay(null as unknown as string), /must be a calendar date/);
  assert.equal(toDay("2028-02-29"), toDay("2028-02-28") + 1);
});

test("a range whose end is before its start throws", () => {
  assert.throws(
    () => toDayRange({ start: "2026-03-02", end: "2026-03-01" }, "period"),
    /period end 2026-03-01 is before its start 2026-03-02/,
  );
  assert.deepEqual(toDayRange({ start: "2026-03-01", end: "2026-03-01" }, "period"), {
    start: toDay("2026-03-01"),
    end: toDay("2026-03-01"),
  });
});

test("adding days crosses month ends, 30-day months and 29 February", () => {
  assert.equal(addDays("2026-01-31", 1), "2026-02-01");
  assert.equal(addDays("2026-04-30", 1), "2026-05-01");
  assert.equal(addDays("2026-03-01", -1), "2026-02-28");
  assert.equal(addDays("2027-02-28", 1), "2027-03-01");
  assert.equal(addDays("2028-02-28", 1), "2028-02-29");
  assert.equal(addDays("2028-03-01", -1), "2028-02-29");
  assert.equal(addDays("2026-12-31", 1), "2027-01-01");
  assert.equal(daysBetween("2028-01-01", "2028-12-31"), 366);
  assert.equal(daysBetween("2027-01-01", "2027-12-31"), 365);
  assert.equal(daysBetween("2026-03-02", "2026-03-01"), 0);
});

test("ISO weeks: 2027-01-01 is a Friday of week 53 of 2026", () => {
  assert.equal(isoWeekday(toDay("2027-01-01")), 5);
  assert.equal(isoWeekday(toDay("2026-12-28")), 1);
  assert.deepEqual(isoWeek("2026-12-28"), { year: 2026, week: 53 });
  assert.deepEqual(isoWeek("2027-01-03"), { year: 2026, week: 53 });
  assert.deepEqual(isoWeek("2027-01-04"), { year: 2027, week: 1 });
  assert.deepEqual(isoWeek("2025-12-29"), { year: 2026, week: 1 });
});

test("an instant becomes the calendar date of the organisation's time zone", () => {
  const justBeforeMidnightUtc = "2026-03-10T23:30:00Z";
  assert.equal(dateInTimeZone(justBeforeMidnightUtc), "2026-03-10");
  assert.equal(dateInTimeZone(justBeforeMidnightUtc, "Asia/Tokyo"), "2026-03-11");
  assert.equal(dateInTimeZone(justBeforeMidnightUtc, "Pacific/Auckland"), "2026-03-11");
  const justAfterMidnightUtc = "2026-03-11T00:30:00Z";
  assert.equal(dateInTimeZone(justAfterMidnightUtc, "America/Los_Angeles"), "2026-03-10");
  assert.equal(dateInTimeZone("2026-03-11T08:30:00+09:00", "UTC"), "2026-03-10");
});

test("an instant without an offset, or an unknown time zone, throws", () => {
  assert.throws(() => dateInTimeZone("2026-03-10T23:30:00"), /ISO 8601 instant with an offset/);
  assert.throws(() => dateInTimeZone("2026-03-10"), /ISO 8601 instant/);
  assert.throws(() => dateInTimeZone("2026-03-10T23:30:00Z", "Mars/Olympus"), /Unknown time zone "Mars\/Olympus"/);
});

test("the server's own time zone does not leak into date arithmetic", () => {
  const saved = process.env.TZ;
  try {
    for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
      process.env.TZ = zone;
      assert.equal(addDays("2026-03-29", 1), "2026-03-30");
      assert.equal(isoWeekday(toDay("2027-01-01")), 5);
      assert.equal(dateInTimeZone("2026-03-10T23:30:00Z"), "2026-03-10");
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});
