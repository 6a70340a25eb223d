import assert from "node:assert/strict";
import { test } from "node:test";
import { nextSlotDue } from "./next-due";
import type { CoverageSlot, SlotState } from "./types";

const slot = (start: string, end: string, state: SlotState): CoverageSlot => ({ start, end, state, evidence: [] });

test("a calendar control: the first uncovered slot not yet due, due on its last day", () => {
  const slots = [
    slot("2026-10-01", "2026-10-31", "MISSING"),
    slot("2026-11-01", "2026-11-30", "COVERED"),
    slot("2026-12-01", "2026-12-31", "COVERED"), // met early: not next
    slot("2027-01-01", "2027-01-31", "NOT_YET_DUE"),
    slot("2027-02-01", "2027-02-28", "NOT_YET_DUE"),
  ];
  assert.deepEqual(nextSlotDue("MONTHLY", slots, "2026-12-07"), { start: "2027-01-01", end: "2027-01-31", due: "2027-01-31" });
});

test("a slot ending today is still due today", () => {
  assert.deepEqual(nextSlotDue("DAILY", [slot("2026-12-07", "2026-12-07", "NOT_YET_DUE")], "2026-12-07")?.due, "2026-12-07");
});

test("a validity control is due from the first day of its not-yet-due run", () => {
  const slots = [slot("2026-01-01", "2026-12-06", "COVERED"), slot("2026-12-07", "2026-12-31", "NOT_YET_DUE")];
  assert.deepEqual(nextSlotDue("VALIDITY", slots, "2026-12-07"), { start: "2026-12-07", end: "2026-12-31", due: "2026-12-07" });
});

test("per-event slots: the earliest open change", () => {
  const slots = [slot("2026-12-09", "2026-12-09", "NOT_YET_DUE"), slot("2026-12-08", "2026-12-08", "NOT_YET_DUE")];
  assert.equal(nextSlotDue("PER_EVENT", slots, "2026-12-07")?.due, "2026-12-08");
});

test("nothing left: an ended period, a frozen slot already past, no slots at all", () => {
  assert.equal(nextSlotDue("MONTHLY", [slot("2026-01-01", "2026-01-31", "MISSING")], "2026-12-07"), null);
  assert.equal(
    nextSlotDue("MONTHLY", [slot("2026-11-01", "2026-11-30", "NOT_YET_DUE")], "2026-12-07"),
    null,
    "a locked snapshot's stale slot",
  );
  assert.equal(nextSlotDue("ANNUAL", [], "2026-12-07"), null);
});

test("a period not started yet: its first slot", () => {
  const slots = [slot("2027-01-01", "2027-03-31", "NOT_YET_DUE"), slot("2027-04-01", "2027-06-30", "NOT_YET_DUE")];
  assert.equal(nextSlotDue("QUARTERLY", slots, "2026-12-07")?.due, "2027-03-31");
});
