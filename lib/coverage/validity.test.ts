import { test } from "node:test";
import assert from "node:assert/strict";
import { controlCoverage } from "./engine";
import type { CoverageControl, CoverageEvidence } from "./types";

const dpa: CoverageControl = { code: "AI-CONF-02", frequency: "VALIDITY", designStatus: "IN_PLACE", operatesSince: null };
const period = { start: "2026-01-01", end: "2026-12-31" };
const doc = (id: string, validFrom: string | null, validUntil: string | null, effectiveDate = "2025-06-01"): CoverageEvidence => ({
  id,
  effectiveDate,
  validFrom,
  validUntil,
  commitSha: null,
  pullRequest: null,
});
const run = (docs: CoverageEvidence[], today: string, control = dpa) => controlCoverage({ period, control, evidence: docs, today });
const states = (slots: { start: string; end: string; state: string; evidence: string[] }[]) =>
  slots.map((s) => `${s.start}..${s.end} ${s.state} ${s.evidence.join()}`.trim());

test("overlapping and touching documents merge into one covered run; a gap is missing", () => {
  const item = run(
    [
      doc("a", "2025-01-01", "2026-03-31"),
      doc("b", "2026-03-01", "2026-04-30"),
      doc("c", "2026-05-01", "2026-05-31"),
      doc("d", "2026-07-01", "2026-08-15"),
    ],
    "2027-01-01",
  );
  assert.deepEqual(states(item.slots), [
    "2026-01-01..2026-05-31 COVERED a,b,c",
    "2026-06-01..2026-06-30 MISSING",
    "2026-07-01..2026-08-15 COVERED d",
    "2026-08-16..2026-12-31 MISSING",
  ]);
  assert.deepEqual([item.expected, item.covered, item.status], [365, 151 + 46, "GAPS"]);
});

test("days are due up to yesterday: today and later are not yet due", () => {
  const item = run([doc("a", "2026-01-01", "2026-12-31")], "2026-03-01");
  assert.deepEqual(states(item.slots), ["2026-01-01..2026-02-28 COVERED a", "2026-03-01..2026-12-31 NOT_YET_DUE"]);
  assert.deepEqual([item.expected, item.covered, item.coverage, item.status], [59, 59, 1, "OPERATING"]);
  const firstDay = run([doc("a", "2026-01-01", "2026-12-31")], "2026-01-01");
  assert.deepEqual(
    [firstDay.expected, firstDay.status, states(firstDay.slots)],
    [0, "NOT_YET_DUE", ["2026-01-01..2026-12-31 NOT_YET_DUE"]],
  );
});

test("a document expiring on its last day: coverage stops the day after", () => {
  const item = run([doc("a", "2025-01-01", "2026-02-28")], "2026-03-03");
  assert.deepEqual(states(item.slots), [
    "2026-01-01..2026-02-28 COVERED a",
    "2026-03-01..2026-03-02 MISSING",
    "2026-03-03..2026-12-31 NOT_YET_DUE",
  ]);
  assert.deepEqual([item.expected, item.covered], [61, 59]);
});

test("no validFrom: valid from the effective date; no validUntil: valid through the window's end", () => {
  const item = run([doc("open", null, null, "2026-02-01")], "2026-12-31");
  assert.deepEqual(states(item.slots), [
    "2026-01-01..2026-01-31 MISSING",
    "2026-02-01..2026-12-30 COVERED open",
    "2026-12-31..2026-12-31 NOT_YET_DUE",
  ]);
  assert.deepEqual([item.expected, item.covered], [364, 333]);
});

test("leap year: 29 February 2028 is a day to cover", () => {
  const item = controlCoverage({
    period: { start: "2028-02-01", end: "2028-03-31" },
    control: dpa,
    evidence: [doc("a", "2028-02-01", "2028-02-28"), doc("b", "2028-03-01", null)],
    today: "2028-04-01",
  });
  assert.deepEqual(states(item.slots), [
    "2028-02-01..2028-02-28 COVERED a",
    "2028-02-29..2028-02-29 MISSING",
    "2028-03-01..2028-03-31 COVERED b",
  ]);
  assert.deepEqual([item.expected, item.covered], [60, 59]);
});

test("operating from mid-period: earlier days are not in operation and not counted", () => {
  const item = run([doc("a", "2025-01-01", null)], "2026-04-01", { ...dpa, operatesSince: "2026-03-15" });
  assert.deepEqual(states(item.slots), [
    "2026-01-01..2026-03-14 NOT_IN_OPERATION",
    "2026-03-15..2026-03-31 COVERED a",
    "2026-04-01..2026-12-31 NOT_YET_DUE",
  ]);
  assert.deepEqual([item.expected, item.covered, item.status], [17, 17, "OPERATING"]);
});

test("documents outside the window, no documents, an empty window", () => {
  const outside = run([doc("old", "2024-01-01", "2025-12-31"), doc("next", "2027-01-01", "2027-12-31")], "2026-02-01");
  assert.deepEqual([states(outside.slots)[0], outside.covered, outside.status], ["2026-01-01..2026-01-31 MISSING", 0, "NOT_OPERATING"]);
  const empty = run([doc("a", null, null)], "2027-06-01", { ...dpa, operatesSince: "2027-01-01" });
  assert.deepEqual(
    [states(empty.slots), empty.expected, empty.coverage, empty.status],
    [["2026-01-01..2026-12-31 NOT_IN_OPERATION"], 0, null, "NOT_OPERATING"],
  );
});

test("Type I: the single day is covered when a document is valid on it and it has passed", () => {
  const typeOne = (today: string) =>
    controlCoverage({
      period: { start: "2026-06-30", end: "2026-06-30" },
      control: dpa,
      evidence: [doc("a", "2026-01-01", "2026-06-30")],
      today,
    });
  assert.deepEqual([typeOne("2026-07-01").expected, typeOne("2026-07-01").status], [1, "OPERATING"]);
  assert.equal(typeOne("2026-06-30").status, "NOT_YET_DUE");
});

test("a document that ends before it starts, or a malformed date, throws", () => {
  assert.throws(
    () => run([doc("bad", "2026-05-01", "2026-04-30")], "2026-06-01"),
    /evidence bad validUntil 2026-04-30 is before its validity start/,
  );
  assert.throws(() => run([doc("bad", "2026-02-30", null)], "2026-06-01"), /evidence bad validFrom must be a calendar date/);
});
