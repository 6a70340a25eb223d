import { test } from "node:test";
import assert from "node:assert/strict";
import { fromDay, toDay, toDayRange } from "./dates";
import { calendarSlotOf, calendarSlots, periodSlots } from "./slots";
import type { CalendarFrequency } from "./types";

const range = (start: string, end: string) => toDayRange({ start, end }, "range");
const dates = (slots: { start: number; end: number }[]) => slots.map((s) => `${fromDay(s.start)}..${fromDay(s.end)}`);

test("monthly slots follow month ends: 31, 28 and 30 days", () => {
  assert.deepEqual(dates(calendarSlots(range("2026-01-31", "2026-05-01"), "MONTHLY")), [
    "2026-01-31..2026-01-31",
    "2026-02-01..2026-02-28",
    "2026-03-01..2026-03-31",
    "2026-04-01..2026-04-30",
    "2026-05-01..2026-05-01",
  ]);
});

test("February has 29 days in 2028 and 28 in 2027", () => {
  assert.deepEqual(dates(calendarSlots(range("2028-02-10", "2028-03-05"), "MONTHLY")), [
    "2028-02-10..2028-02-29",
    "2028-03-01..2028-03-05",
  ]);
  assert.deepEqual(dates(calendarSlots(range("2027-02-10", "2027-03-05"), "MONTHLY")), [
    "2027-02-10..2027-02-28",
    "2027-03-01..2027-03-05",
  ]);
  assert.equal(calendarSlots(range("2028-02-01", "2028-02-29"), "DAILY").length, 29);
  assert.equal(calendarSlots(range("2028-01-01", "2028-12-31"), "DAILY").length, 366);
  assert.equal(calendarSlots(range("2027-01-01", "2027-12-31"), "DAILY").length, 365);
});

test("ISO weeks run Monday to Sunday, across the turn of the year", () => {
  assert.deepEqual(dates(calendarSlots(range("2026-12-24", "2027-01-06"), "WEEKLY")), [
    "2026-12-24..2026-12-27",
    "2026-12-28..2027-01-03",
    "2027-01-04..2027-01-06",
  ]);
  assert.deepEqual(dates(calendarSlots(range("2027-01-01", "2027-01-01"), "WEEKLY")), ["2027-01-01..2027-01-01"]);
});

test("quarters are cut by the period's bounds", () => {
  assert.deepEqual(dates(calendarSlots(range("2026-02-15", "2026-11-10"), "QUARTERLY")), [
    "2026-02-15..2026-03-31",
    "2026-04-01..2026-06-30",
    "2026-07-01..2026-09-30",
    "2026-10-01..2026-11-10",
  ]);
});

test("half-years are January-June and July-December; years are calendar years", () => {
  assert.deepEqual(dates(calendarSlots(range("2026-02-15", "2027-08-01"), "SEMI_ANNUAL")), [
    "2026-02-15..2026-06-30",
    "2026-07-01..2026-12-31",
    "2027-01-01..2027-06-30",
    "2027-07-01..2027-08-01",
  ]);
  assert.deepEqual(dates(calendarSlots(range("2026-02-15", "2028-01-10"), "ANNUAL")), [
    "2026-02-15..2026-12-31",
    "2027-01-01..2027-12-31",
    "2028-01-01..2028-01-10",
  ]);
});

test("a Type I period (one day) has one slot of that day whatever the frequency", () => {
  for (const frequency of ["DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL"] as const) {
    assert.deepEqual(dates(calendarSlots(range("2026-06-30", "2026-06-30"), frequency)), ["2026-06-30..2026-06-30"], frequency);
  }
});

test("a slot that straddles operatesSince is split: the days before are not in operation", () => {
  const slots = periodSlots(range("2026-01-01", "2026-03-31"), toDay("2026-02-10"), "MONTHLY");
  assert.deepEqual(
    slots.map((s) => [fromDay(s.start), fromDay(s.end), s.inOperation]),
    [
      ["2026-01-01", "2026-01-31", false],
      ["2026-02-01", "2026-02-09", false],
      ["2026-02-10", "2026-02-28", true],
      ["2026-03-01", "2026-03-31", true],
    ],
  );
  // operatesSince on a slot's first day splits nothing.
  assert.deepEqual(
    periodSlots(range("2026-01-01", "2026-03-31"), toDay("2026-02-01"), "MONTHLY").map((s) => s.inOperation),
    [false, true, true],
  );
  // A window after the period: every slot is before it.
  assert.ok(periodSlots(range("2026-01-01", "2026-03-31"), toDay("2026-05-01"), "MONTHLY").every((s) => !s.inOperation));
});

// Deterministic pseudo-random numbers (mulberry32), so a failure can be reproduced.
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test("property: in-window slots are contiguous, non-overlapping and exactly cover the window", () => {
  const next = random(20260215);
  const frequencies: CalendarFrequency[] = ["DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL"];
  const base = toDay("2024-01-01");
  for (let run = 0; run < 500; run++) {
    const start = base + Math.floor(next() * 2000);
    const period = { start, end: start + Math.floor(next() * 800) };
    const windowStart = period.start + Math.floor(next() * (period.end - period.start + 60));
    const frequency = frequencies[Math.floor(next() * frequencies.length)];
    const slots = periodSlots(period, windowStart, frequency);
    const context = `${frequency} ${fromDay(period.start)}..${fromDay(period.end)} from ${fromDay(windowStart)}`;

    // All slots tile the period, in order.
    assert.equal(slots[0].start, period.start, context);
    assert.equal(slots.at(-1)!.end, period.end, context);
    for (let i = 0; i < slots.length; i++) {
      assert.ok(slots[i].start <= slots[i].end, context);
      assert.ok(calendarSlotOf(slots[i].start, frequency).end >= slots[i].end, `${context}: one calendar window per slot`);
      if (i > 0) assert.equal(slots[i].start, slots[i - 1].end + 1, context);
    }
    // The in-operation ones tile the window exactly (none when the window is empty).
    const inWindow = slots.filter((s) => s.inOperation);
    if (windowStart > period.end) assert.equal(inWindow.length, 0, context);
    else {
      assert.equal(inWindow[0].start, windowStart, context);
      assert.equal(inWindow.at(-1)!.end, period.end, context);
      inWindow.forEach((s, i) => i > 0 && assert.equal(s.start, inWindow[i - 1].end + 1, context));
    }
    assert.ok(
      slots.every((s) => s.inOperation === s.start >= windowStart),
      context,
    );
  }
});
