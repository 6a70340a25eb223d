import { test } from "node:test";
import assert from "node:assert/strict";
import { controlCoverage } from "./engine";
import { calendarProbes, coverageForPeriod, coverageSummary } from "./period-coverage";
import type { ControlEvidence, CoverageControl, CoverageItem, Frequency } from "./types";

const control = (code: string, frequency: Frequency, extra: Partial<CoverageControl> = {}): CoverageControl => ({
  code,
  frequency,
  designStatus: "IN_PLACE",
  operatesSince: null,
  ...extra,
});
const evidence = (control: string, id: string, effectiveDate: string, extra: Partial<ControlEvidence> = {}): ControlEvidence => ({
  control,
  id,
  effectiveDate,
  validFrom: null,
  validUntil: null,
  commitSha: null,
  pullRequest: null,
  ...extra,
});
const period = { start: "2026-01-01", end: "2026-03-31" };

test("each control gets only its own evidence, in the order the controls are given", () => {
  const controls = [
    control("M", "MONTHLY"),
    control("Q", "QUARTERLY"),
    control("E", "PER_EVENT"),
    control("V", "VALIDITY"),
    control("N", "WEEKLY", { designStatus: "NOT_APPLICABLE" }),
  ];
  const rows = [
    evidence("M", "m1", "2026-01-10"),
    evidence("M", "m2", "2026-02-10"),
    evidence("Q", "q1", "2026-02-10"),
    evidence("E", "e1", "2026-01-01", { pullRequest: "#4" }),
    evidence("M", "m-pr", "2026-03-03", { pullRequest: "#5" }),
    evidence("V", "v1", "2026-01-01", { validUntil: "2026-02-28" }),
    evidence("GHOST", "g1", "2026-01-10"),
  ];
  const changes = [
    { id: "c4", mergedAt: "2026-02-01T10:00:00Z", commitSha: null, pullRequest: "4" },
    { id: "c5", mergedAt: "2026-02-02T10:00:00Z", commitSha: null, pullRequest: "5" },
  ];
  const items = coverageForPeriod({ period, controls, evidence: rows, changes, today: "2026-04-01" });
  assert.deepEqual(
    items.map((i) => [i.control, i.expected, i.covered, i.status]),
    [
      ["M", 3, 3, "OPERATING"],
      ["Q", 1, 1, "OPERATING"],
      ["E", 2, 1, "GAPS"],
      ["V", 90, 59, "GAPS"],
      ["N", 0, 0, "NOT_APPLICABLE"],
    ],
  );
  // Evidence of another control naming PR 5 does not cover the change.
  assert.deepEqual(
    items[2].slots.map((s) => s.evidence),
    [["e1"], []],
  );
  // Same answer as one control at a time.
  const alone = controlCoverage({ period, control: controls[0], evidence: rows.filter((r) => r.control === "M"), today: "2026-04-01" });
  assert.deepEqual(items[0], alone);
});

test("a control listed twice throws", () => {
  assert.throws(
    () => coverageForPeriod({ period, controls: [control("M", "MONTHLY"), control("M", "DAILY")], evidence: [], today: "2026-04-01" }),
    /control M is listed twice/,
  );
});

test("summary: counts by status and the mean of the controls' coverage", () => {
  const item = (status: CoverageItem["status"], coverage: number | null): CoverageItem => ({
    control: status,
    expected: 0,
    covered: 0,
    coverage,
    status,
    slots: [],
  });
  const summary = coverageSummary([
    item("OPERATING", 1),
    item("GAPS", 0.5),
    item("NOT_OPERATING", 0),
    item("NOT_YET_DUE", null),
    item("NOT_APPLICABLE", null),
  ]);
  assert.deepEqual(summary, {
    controls: 5,
    byStatus: { OPERATING: 1, GAPS: 1, NOT_OPERATING: 1, NOT_YET_DUE: 1, NOT_APPLICABLE: 1 },
    coverage: 0.5,
  });
  assert.deepEqual(coverageSummary([]), {
    controls: 0,
    byStatus: { OPERATING: 0, GAPS: 0, NOT_OPERATING: 0, NOT_YET_DUE: 0, NOT_APPLICABLE: 0 },
    coverage: null,
  });
});

// How fast is the bench's to say (scripts/bench/coverage.ts, docs/benchmarks.md), not a timed test's.
test("200 controls x 100,000 evidence rows over a year: one item per control, a daily control expects every day", () => {
  const frequencies: Frequency[] = ["DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL", "VALIDITY", "PER_EVENT"];
  const controls = Array.from({ length: 200 }, (_, i) => control(`C-${i}`, frequencies[i % frequencies.length]));
  const rows: ControlEvidence[] = [];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < 100_000; i++) {
    const date = new Date(start + ((i * 7919) % 365) * 86_400_000).toISOString().slice(0, 10);
    rows.push(
      evidence(`C-${i % 200}`, `ev-${i}`, date, { commitSha: i % 200 >= 192 ? (i * 2654435761).toString(16).padStart(10, "0") : null }),
    );
  }
  const changes = Array.from({ length: 500 }, (_, i) => ({
    id: `ch-${i}`,
    mergedAt: new Date(start + i * 17 * 3_600_000).toISOString(),
    commitSha: (i * 2654435761).toString(16).padStart(10, "0"),
    pullRequest: null,
  }));
  const items = coverageForPeriod({
    period: { start: "2026-01-01", end: "2026-12-31" },
    controls,
    evidence: rows,
    changes,
    today: "2027-01-01",
    timeZone: "Europe/Berlin",
  });
  assert.equal(items.length, 200);
  assert.equal(items.find((i) => i.control === "C-0")!.expected, 365);
  const summary = coverageSummary(items);
  assert.equal(summary.controls, 200);
});

test("numbers only: one evidence per covered probe gives the same states and counts, and no ids", () => {
  // A pseudo-random but fixed mix of frequencies, operating dates and evidence over a year.
  const frequencies: Frequency[] = ["DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL"];
  const year = { start: "2026-01-01", end: "2026-12-31" };
  const controls = frequencies.flatMap((f, i) => [
    control(`${f}-A`, f),
    control(`${f}-B`, f, { operatesSince: `2026-0${1 + i}-1${i}` }),
    control(`${f}-N`, f, { designStatus: "NOT_APPLICABLE" }),
  ]);
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
  const rows = Array.from({ length: 600 }, (_, i) =>
    evidence(controls[Math.floor(random() * controls.length)].code, `id-${i}`, day(Math.floor(random() * 365))),
  );
  const today = "2026-10-15";
  const full = coverageForPeriod({ period: year, controls, evidence: rows, today });

  const probes = calendarProbes(year, controls);
  assert.ok(
    probes.every((p) => !p.control.endsWith("-N")),
    "not-applicable controls are not probed",
  );
  // What the loader's SQL does: for each probe, any one evidence of its control dated in it.
  const toNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  const representatives = probes.flatMap((p) => {
    const hit = rows.find((r) => r.control === p.control && toNumber(r.effectiveDate) >= p.start && toNumber(r.effectiveDate) <= p.end);
    return hit ? [hit] : [];
  });
  assert.ok(representatives.length < rows.length);
  const numbers = coverageForPeriod({ period: year, controls, evidence: representatives, today, listEvidence: false });

  assert.deepEqual(
    numbers,
    full.map((item) => ({ ...item, slots: item.slots.map((slot) => ({ ...slot, evidence: [] })) })),
  );
  assert.ok(
    full.some((item) => item.slots.some((slot) => slot.evidence.length > 1)),
    "the full coverage does list ids",
  );
});

test("the period's vendors in use reach the per-vendor validity controls, and only those", () => {
  const controls = [control("DPA", "VALIDITY", { perVendor: true }), control("POLICY", "VALIDITY")];
  const rows = [evidence("DPA", "dpa-a", "2025-06-01", { vendors: ["A"] }), evidence("POLICY", "policy", "2025-06-01", { vendors: ["A"] })];
  const vendorUse = [
    { vendor: "A", start: null, end: null },
    { vendor: "B", start: "2026-02-01", end: null },
  ];
  const [dpa, policy] = coverageForPeriod({ period, controls, evidence: rows, today: "2026-04-01", vendorUse });
  assert.deepEqual(
    dpa.slots.map((s) => [s.start, s.end, s.state, s.evidence, s.missingVendors]),
    [
      ["2026-01-01", "2026-01-31", "COVERED", ["dpa-a"], undefined],
      ["2026-02-01", "2026-03-31", "MISSING", [], ["B"]],
    ],
  );
  assert.deepEqual([dpa.covered, dpa.expected, dpa.status], [31, 90, "GAPS"]);
  // A control not marked per vendor keeps the plain rule: any valid document covers the day.
  assert.deepEqual([policy.covered, policy.expected, policy.status], [90, 90, "OPERATING"]);
});
