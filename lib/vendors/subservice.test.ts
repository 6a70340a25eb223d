import { test } from "node:test";
import assert from "node:assert/strict";
import {
  bridgeLetterNeeded,
  bridgeLetterThrough,
  cuecGap,
  reportCoverage,
  uncovered,
  type BridgeLetterFacts,
  type Soc2ReportFacts,
} from "./subservice";

const audit2026 = { start: "2026-01-01", end: "2026-12-31" };
const typeII = (periodStart: string, periodEnd: string, over: Partial<Soc2ReportFacts> = {}): Soc2ReportFacts => ({
  type: "TYPE_II",
  accepted: true,
  periodStart,
  periodEnd,
  bridgeLetter: null,
  ...over,
});
const letter = (effectiveDate: string, validUntil: string | null = null, accepted = true): BridgeLetterFacts => ({
  accepted,
  effectiveDate,
  validUntil,
});

test("a bridge letter is needed only when the report ends more than three months before the audit end", () => {
  // Exactly three months: no letter; one day more: a letter.
  assert.equal(bridgeLetterNeeded("2026-09-30", "2026-12-31"), false);
  assert.equal(bridgeLetterNeeded("2026-09-29", "2026-12-31"), true);
  assert.equal(bridgeLetterNeeded("2026-03-15", "2026-06-15"), false);
  assert.equal(bridgeLetterNeeded("2026-03-14", "2026-06-15"), true);
  // Month ends clamp: three months before 2026-05-31 is 2026-02-28 (and so for 2026-05-30).
  assert.equal(bridgeLetterNeeded("2026-02-28", "2026-05-31"), false);
  assert.equal(bridgeLetterNeeded("2026-02-27", "2026-05-31"), true);
  assert.equal(bridgeLetterNeeded("2026-02-28", "2026-05-30"), false);
  // A report ending after the audit end never needs one.
  assert.equal(bridgeLetterNeeded("2027-03-31", "2026-12-31"), false);
});

test("a bridge letter covers nothing unless accepted, and no day after it was issued", () => {
  assert.equal(bridgeLetterThrough(null), null);
  assert.equal(bridgeLetterThrough(letter("2027-01-15", "2026-12-31", false)), null);
  // Issued after the day it names: that day.
  assert.equal(bridgeLetterThrough(letter("2027-01-15", "2026-12-31")), "2026-12-31");
  // Names a day after it was issued: only up to its issue.
  assert.equal(bridgeLetterThrough(letter("2026-11-30", "2026-12-31")), "2026-11-30");
  // Names no day: up to its issue.
  assert.equal(bridgeLetterThrough(letter("2026-11-30")), "2026-11-30");
});

test("a report that covers the whole audit period leaves no gap", () => {
  const c = reportCoverage(audit2026, [typeII("2025-10-01", "2026-12-31")]);
  assert.deepEqual(c.gaps, []);
  assert.equal(c.bridgeLetterNeeded, false);
  assert.deepEqual(c.reasons, []);
});

test("a report ending exactly three months before the audit end leaves no gap without a letter; a day earlier it does", () => {
  assert.deepEqual(reportCoverage(audit2026, [typeII("2025-10-01", "2026-09-30")]).gaps, []);
  const short = reportCoverage(audit2026, [typeII("2025-10-01", "2026-09-29")]);
  assert.equal(short.bridgeLetterNeeded, true);
  assert.deepEqual(short.gaps, [{ start: "2026-09-30", end: "2026-12-31" }]);
  assert.deepEqual(short.reasons, [
    "the latest report period ends 2026-09-29, more than 3 months before 2026-12-31: a bridge letter covering 2026-09-30 to 2026-12-31 is needed",
  ]);
});

test("a bridge letter closes the tail only as far as it covers; its own lag is not allowed", () => {
  const report = (bridge: BridgeLetterFacts | null) => typeII("2025-07-01", "2026-06-30", { bridgeLetter: bridge });
  assert.deepEqual(reportCoverage(audit2026, [report(letter("2027-01-20", "2026-12-31"))]).gaps, []);
  assert.deepEqual(reportCoverage(audit2026, [report(letter("2026-12-06", "2026-12-31"))]).gaps, [
    { start: "2026-12-07", end: "2026-12-31" },
  ]);
  assert.deepEqual(reportCoverage(audit2026, [report(letter("2027-01-20", "2026-12-31", false))]).gaps, [
    { start: "2026-07-01", end: "2026-12-31" },
  ]);
  assert.deepEqual(reportCoverage(audit2026, [report(null)]).gaps, [{ start: "2026-07-01", end: "2026-12-31" }]);
});

test("a report starting after the audit start leaves a gap a bridge letter cannot close", () => {
  const c = reportCoverage(audit2026, [typeII("2026-03-01", "2027-02-28", { bridgeLetter: letter("2027-03-10", "2027-03-31") })]);
  assert.deepEqual(c.gaps, [{ start: "2026-01-01", end: "2026-02-28" }]);
  assert.deepEqual(c.reasons, ["no Type II report covers 2026-01-01 to 2026-02-28"]);
});

test("two reports: a hole between them is a gap; back to back they cover", () => {
  assert.deepEqual(reportCoverage(audit2026, [typeII("2025-07-01", "2026-06-30"), typeII("2026-07-01", "2027-06-30")]).gaps, []);
  assert.deepEqual(reportCoverage(audit2026, [typeII("2025-07-01", "2026-05-31"), typeII("2026-07-01", "2027-06-30")]).gaps, [
    { start: "2026-06-01", end: "2026-06-30" },
  ]);
  // The older report's bridge letter closes the hole.
  const bridged = typeII("2025-07-01", "2026-05-31", { bridgeLetter: letter("2026-07-05", "2026-06-30") });
  assert.deepEqual(reportCoverage(audit2026, [bridged, typeII("2026-07-01", "2027-06-30")]).gaps, []);
});

test("a Type I report covers no period of operation, and its bridge letter bridges nothing", () => {
  const typeI: Soc2ReportFacts = {
    type: "TYPE_I",
    accepted: true,
    periodStart: "2026-06-30",
    periodEnd: "2026-06-30",
    bridgeLetter: letter("2027-01-10", "2026-12-31"),
  };
  const c = reportCoverage(audit2026, [typeI]);
  assert.deepEqual(c.gaps, [audit2026]);
  assert.equal(c.latestReportEnd, null);
  assert.deepEqual(c.reasons, [
    "only a Type I report, which covers no period of operation: record an accepted Type II report covering 2026-01-01 to 2026-12-31",
  ]);
  // Not even in a Type I audit period (one as-of day).
  assert.deepEqual(reportCoverage({ start: "2026-06-30", end: "2026-06-30" }, [typeI]).gaps, [{ start: "2026-06-30", end: "2026-06-30" }]);
});

test("reports that are not accepted, have no type or no period cover nothing; no report at all says so", () => {
  const cases: Array<[Soc2ReportFacts, string]> = [
    [typeII("2025-10-01", "2026-12-31", { accepted: false }), "a Type II report that is not accepted evidence"],
    [typeII("2025-10-01", "2026-12-31", { type: null }), "a SOC 2 report whose type (Type I or Type II) is not recorded"],
    [typeII("2025-10-01", "2026-12-31", { periodStart: null }), "a Type II report whose evidence gives no period covered"],
  ];
  for (const [report, why] of cases) {
    const c = reportCoverage(audit2026, [report]);
    assert.deepEqual(c.gaps, [audit2026]);
    assert.ok(c.reasons[0].includes(why), c.reasons[0]);
  }
  assert.deepEqual(reportCoverage(audit2026, []).reasons, ["no SOC 2 Type II report on file: link one covering 2026-01-01 to 2026-12-31"]);
});

test("uncovered clips ranges to the window and merges overlaps", () => {
  const w = { start: "2026-01-01", end: "2026-01-31" };
  assert.deepEqual(uncovered(w, []), [w]);
  assert.deepEqual(
    uncovered(w, [
      { start: "2025-12-01", end: "2026-01-05" },
      { start: "2026-01-03", end: "2026-01-10" },
      { start: "2026-01-20", end: "2026-02-10" },
    ]),
    [{ start: "2026-01-11", end: "2026-01-19" }],
  );
  assert.deepEqual(uncovered(w, [{ start: "2026-01-01", end: "2026-01-30" }]), [{ start: "2026-01-31", end: "2026-01-31" }]);
});

test("a CUEC is addressed by an applicable control in the period's categories", () => {
  const control = { code: "AI-SEC-05", category: "SECURITY", designStatus: "IN_PLACE" };
  assert.equal(cuecGap(null, ["SECURITY"]), "no control addresses it");
  assert.equal(cuecGap(control, ["SECURITY"]), null);
  assert.equal(cuecGap(control, null), null);
  assert.equal(
    cuecGap({ ...control, code: "AI-PRIV-01", category: "PRIVACY" }, ["SECURITY"]),
    "its control AI-PRIV-01 (PRIVACY) is outside the period's categories",
  );
  assert.equal(cuecGap({ ...control, designStatus: "NOT_APPLICABLE" }, ["SECURITY"]), "its control AI-SEC-05 is marked not applicable");
});
