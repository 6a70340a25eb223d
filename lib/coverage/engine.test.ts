import { test } from "node:test";
import assert from "node:assert/strict";
import { controlCoverage, coverageStatus } from "./engine";
import type { CoverageControl, CoverageEvidence, Frequency } from "./types";

const control = (frequency: Frequency, extra: Partial<CoverageControl> = {}): CoverageControl => ({
  code: "AI-TEST-01",
  frequency,
  designStatus: "IN_PLACE",
  operatesSince: null,
  ...extra,
});
const evidence = (id: string, effectiveDate: string): CoverageEvidence => ({
  id,
  effectiveDate,
  validFrom: null,
  validUntil: null,
  commitSha: null,
  pullRequest: null,
});
const states = (slots: { start: string; end: string; state: string }[]) => slots.map((s) => `${s.start}..${s.end} ${s.state}`);

test("evidence on a slot's first and last day covers it; a slot without evidence is missing", () => {
  const item = controlCoverage({
    period: { start: "2026-01-01", end: "2026-03-31" },
    control: control("MONTHLY"),
    evidence: [evidence("e-b", "2026-01-01"), evidence("e-a", "2026-01-31"), evidence("e-c", "2026-03-31")],
    today: "2026-06-01",
  });
  assert.deepEqual(states(item.slots), [
    "2026-01-01..2026-01-31 COVERED",
    "2026-02-01..2026-02-28 MISSING",
    "2026-03-01..2026-03-31 COVERED",
  ]);
  assert.deepEqual(item.slots[0].evidence, ["e-a", "e-b"], "ids sorted");
  assert.deepEqual(item.slots[1].evidence, []);
  assert.deepEqual([item.expected, item.covered, item.coverage, item.status], [3, 2, 2 / 3, "GAPS"]);
});

test("evidence outside the period or dated the day after a slot does not cover it", () => {
  const item = controlCoverage({
    period: { start: "2026-02-15", end: "2026-11-10" },
    control: control("QUARTERLY"),
    evidence: [evidence("before", "2026-02-14"), evidence("q2-next-day", "2026-07-01"), evidence("after", "2026-11-11")],
    today: "2027-01-01",
  });
  assert.deepEqual(states(item.slots), [
    "2026-02-15..2026-03-31 MISSING",
    "2026-04-01..2026-06-30 MISSING",
    "2026-07-01..2026-09-30 COVERED",
    "2026-10-01..2026-11-10 MISSING",
  ]);
  assert.equal(item.status, "GAPS");
});

test("the open slot is not yet due, also on its last day; due the day after", () => {
  const input = { period: { start: "2026-01-01", end: "2026-12-31" }, control: control("QUARTERLY"), evidence: [] };
  const onLastDay = controlCoverage({ ...input, today: "2026-03-31" });
  assert.deepEqual(
    onLastDay.slots.map((s) => s.state),
    ["NOT_YET_DUE", "NOT_YET_DUE", "NOT_YET_DUE", "NOT_YET_DUE"],
  );
  assert.deepEqual([onLastDay.expected, onLastDay.coverage, onLastDay.status], [0, null, "NOT_YET_DUE"]);
  const dayAfter = controlCoverage({ ...input, today: "2026-04-01" });
  assert.deepEqual(
    dayAfter.slots.map((s) => s.state),
    ["MISSING", "NOT_YET_DUE", "NOT_YET_DUE", "NOT_YET_DUE"],
  );
  assert.deepEqual([dayAfter.expected, dayAfter.covered, dayAfter.status], [1, 0, "NOT_OPERATING"]);
});

test("an open slot with evidence already counts as covered", () => {
  const item = controlCoverage({
    period: { start: "2026-01-01", end: "2026-12-31" },
    control: control("ANNUAL"),
    evidence: [evidence("e1", "2026-05-04")],
    today: "2026-06-01",
  });
  assert.deepEqual([item.slots[0].state, item.expected, item.covered, item.coverage, item.status], ["COVERED", 1, 1, 1, "OPERATING"]);
});

test("a control that starts operating mid-slot: earlier days are not in operation, evidence before it does not count", () => {
  const item = controlCoverage({
    period: { start: "2026-12-21", end: "2027-01-10" },
    control: control("WEEKLY", { operatesSince: "2026-12-31" }),
    evidence: [evidence("too-early", "2026-12-29"), evidence("w53", "2027-01-03")],
    today: "2027-02-01",
  });
  assert.deepEqual(states(item.slots), [
    "2026-12-21..2026-12-27 NOT_IN_OPERATION",
    "2026-12-28..2026-12-30 NOT_IN_OPERATION",
    "2026-12-31..2027-01-03 COVERED",
    "2027-01-04..2027-01-10 MISSING",
  ]);
  assert.deepEqual(item.slots[1].evidence, []);
  assert.deepEqual(item.slots[2].evidence, ["w53"]);
  assert.deepEqual([item.expected, item.covered, item.status], [2, 1, "GAPS"]);
});

test("daily slots across 29 February 2028", () => {
  const item = controlCoverage({
    period: { start: "2028-02-28", end: "2028-03-01" },
    control: control("DAILY"),
    evidence: ["2028-02-28", "2028-02-29", "2028-03-01"].map((d) => evidence(d, d)),
    today: "2028-03-02",
  });
  assert.deepEqual(states(item.slots), [
    "2028-02-28..2028-02-28 COVERED",
    "2028-02-29..2028-02-29 COVERED",
    "2028-03-01..2028-03-01 COVERED",
  ]);
  assert.equal(item.status, "OPERATING");
});

test("Type I: one slot, the period's day", () => {
  const input = { period: { start: "2026-06-30", end: "2026-06-30" }, control: control("MONTHLY"), today: "2026-07-15" };
  const covered = controlCoverage({ ...input, evidence: [evidence("e1", "2026-06-30")] });
  assert.deepEqual(states(covered.slots), ["2026-06-30..2026-06-30 COVERED"]);
  assert.equal(covered.status, "OPERATING");
  const earlierInMonth = controlCoverage({ ...input, evidence: [evidence("e1", "2026-06-01")] });
  assert.deepEqual([earlierInMonth.slots[0].state, earlierInMonth.status], ["MISSING", "NOT_OPERATING"]);
});

test("empty window: operatesSince after the period's end", () => {
  const item = controlCoverage({
    period: { start: "2026-01-01", end: "2026-03-31" },
    control: control("MONTHLY", { operatesSince: "2026-04-01" }),
    evidence: [evidence("e1", "2026-02-10")],
    today: "2026-06-01",
  });
  assert.ok(item.slots.length === 3 && item.slots.every((s) => s.state === "NOT_IN_OPERATION" && s.evidence.length === 0));
  assert.deepEqual([item.expected, item.covered, item.coverage, item.status], [0, 0, null, "NOT_OPERATING"]);
});

test("NOT_APPLICABLE lists no slots and counts nothing", () => {
  const item = controlCoverage({
    period: { start: "2026-01-01", end: "2026-03-31" },
    control: control("MONTHLY", { designStatus: "NOT_APPLICABLE" }),
    evidence: [evidence("e1", "2026-02-10")],
    today: "2026-06-01",
  });
  assert.deepEqual(item, { control: "AI-TEST-01", expected: 0, covered: 0, coverage: null, status: "NOT_APPLICABLE", slots: [] });
});

test("status rules", () => {
  assert.equal(coverageStatus("NOT_APPLICABLE", true, 0, 0), "NOT_APPLICABLE");
  assert.equal(coverageStatus("PARTIAL", true, 0, 0), "NOT_OPERATING");
  assert.equal(coverageStatus("MISSING", false, 0, 0), "NOT_YET_DUE");
  assert.equal(coverageStatus("IN_PLACE", false, 4, 0), "NOT_OPERATING");
  assert.equal(coverageStatus("IN_PLACE", false, 4, 4), "OPERATING");
  assert.equal(coverageStatus("IN_PLACE", false, 4, 3), "GAPS");
});

test("malformed input throws a clear error", () => {
  const base = { period: { start: "2026-01-01", end: "2026-03-31" }, control: control("MONTHLY"), evidence: [], today: "2026-06-01" };
  assert.throws(
    () => controlCoverage({ ...base, period: { start: "2026-03-31", end: "2026-01-01" } }),
    /period end 2026-01-01 is before its start/,
  );
  assert.throws(() => controlCoverage({ ...base, today: "2026-6-1" }), /today must be a calendar date/);
  assert.throws(
    () => controlCoverage({ ...base, control: control("MONTHLY", { operatesSince: "2026-02-30" }) }),
    /AI-TEST-01 operatesSince/,
  );
  assert.throws(() => controlCoverage({ ...base, evidence: [evidence("e9", "31/01/2026")] }), /evidence e9 effectiveDate/);
  assert.throws(() => controlCoverage({ ...base, control: control("HOURLY" as Frequency) }), /unknown frequency "HOURLY"/);
});
