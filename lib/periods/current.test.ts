import assert from "node:assert/strict";
import { test } from "node:test";
import { currentPeriod, type PeriodChoice } from "./current";

const p = (id: string, type: PeriodChoice["type"], start: string, end: string): PeriodChoice => ({ id, type, start, end });

test("the Type II period holding today wins over a Type I as of today and over later starts", () => {
  const periods = [
    p("a", "TYPE_I", "2026-12-07", "2026-12-07"),
    p("b", "TYPE_II", "2026-01-01", "2026-12-31"),
    p("c", "TYPE_II", "2026-06-01", "2027-05-31"),
    p("d", "TYPE_II", "2025-01-01", "2025-12-31"),
  ];
  assert.equal(currentPeriod(periods, "2026-12-07")?.id, "c", "latest start among the open Type II periods");
  assert.equal(currentPeriod(periods.slice(0, 1), "2026-12-07")?.id, "a", "a Type I as of today when no Type II is open");
  assert.equal(currentPeriod(periods, "2026-12-31")?.id, "c");
  assert.equal(currentPeriod([periods[1]], "2026-12-31")?.id, "b", "the last day is inside the period");
});

test("none open: the one that ended last; none ended either: the one that starts first", () => {
  const ended = [p("x", "TYPE_II", "2024-01-01", "2024-12-31"), p("y", "TYPE_II", "2025-01-01", "2025-06-30")];
  const ahead = [p("z", "TYPE_II", "2027-03-01", "2027-12-31"), p("w", "TYPE_II", "2027-01-01", "2027-12-31")];
  assert.equal(currentPeriod([...ended, ...ahead], "2026-12-07")?.id, "y", "an ended period before one not started");
  assert.equal(currentPeriod(ahead, "2026-12-07")?.id, "w");
  assert.equal(currentPeriod([], "2026-12-07"), null);
  assert.equal(
    currentPeriod([p("b", "TYPE_II", "2026-01-01", "2026-12-31"), p("a", "TYPE_II", "2026-01-01", "2026-12-31")], "2026-12-07")?.id,
    "a",
  );
});
