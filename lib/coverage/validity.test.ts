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

// Vendor documents: a vendor's document covers that vendor only (docs/coverage.md, "Vendor documents").
const perVendor: CoverageControl = { ...dpa, perVendor: true };
const vendorDoc = (id: string, vendors: string[], validFrom: string | null, validUntil: string | null): CoverageEvidence => ({
  ...doc(id, validFrom, validUntil),
  vendors,
});
const runVendors = (
  docs: CoverageEvidence[],
  vendorUse: { vendor: string; start: string | null; end: string | null }[],
  today = "2027-01-01",
  control = perVendor,
) => controlCoverage({ period, control, evidence: docs, today, vendorUse });
const vendorStates = (slots: { start: string; end: string; state: string; evidence: string[]; missingVendors?: string[] }[]) =>
  slots.map((s) => `${s.start}..${s.end} ${s.state} ${s.evidence.join()}${s.missingVendors ? ` [${s.missingVendors.join()}]` : ""}`.trim());
const always = (vendor: string) => ({ vendor, start: null, end: null });

test("two vendors in use, a gap in one DPA: the missing days name that vendor", () => {
  const item = runVendors(
    [
      vendorDoc("anthropic-dpa", ["Anthropic"], "2025-06-01", null),
      vendorDoc("openai-dpa-1", ["OpenAI"], "2025-01-01", "2026-03-31"),
      vendorDoc("openai-dpa-2", ["OpenAI"], "2026-05-01", null),
    ],
    [always("Anthropic"), always("OpenAI")],
  );
  assert.deepEqual(vendorStates(item.slots), [
    "2026-01-01..2026-03-31 COVERED anthropic-dpa,openai-dpa-1",
    "2026-04-01..2026-04-30 MISSING  [OpenAI]",
    "2026-05-01..2026-12-31 COVERED anthropic-dpa,openai-dpa-2",
  ]);
  assert.deepEqual([item.expected, item.covered, item.status], [365, 365 - 30, "GAPS"]);
});

test("the old false green: one vendor's DPA does not cover another vendor", () => {
  const docs = [vendorDoc("anthropic-dpa", ["Anthropic"], "2025-06-01", null)];
  const item = runVendors(docs, [always("Anthropic"), always("OpenAI")]);
  assert.deepEqual(vendorStates(item.slots), ["2026-01-01..2026-12-31 MISSING  [OpenAI]"]);
  assert.deepEqual([item.covered, item.status], [0, "NOT_OPERATING"]);
  // The same document under the plain rule covered every day.
  assert.equal(runVendors(docs, [always("Anthropic"), always("OpenAI")], "2027-01-01", dpa).covered, 365);
});

test("several vendors missing at once are all named, and runs split when the set changes", () => {
  const item = runVendors(
    [vendorDoc("a", ["A"], "2026-03-01", null), vendorDoc("b", ["B"], "2026-02-01", null)],
    [always("A"), always("B"), always("C")],
    "2026-04-01",
  );
  assert.deepEqual(vendorStates(item.slots), [
    "2026-01-01..2026-01-31 MISSING  [A,B,C]",
    "2026-02-01..2026-02-28 MISSING  [A,C]",
    "2026-03-01..2026-03-31 MISSING  [C]",
    "2026-04-01..2026-12-31 NOT_YET_DUE",
  ]);
  assert.equal(item.covered, 0);
});

test("a vendor in use for part of the period needs its document only on those days", () => {
  // OpenAI is used by a feature retired on 2026-03-31 (in use through that day), and by no other.
  const item = runVendors(
    [vendorDoc("anthropic-dpa", ["Anthropic"], "2025-06-01", null), vendorDoc("openai-dpa", ["OpenAI"], "2026-02-01", null)],
    [always("Anthropic"), { vendor: "OpenAI", start: null, end: "2026-03-31" }],
  );
  assert.deepEqual(vendorStates(item.slots), [
    "2026-01-01..2026-01-31 MISSING  [OpenAI]",
    "2026-02-01..2026-12-31 COVERED anthropic-dpa,openai-dpa",
  ]);
  assert.equal(item.covered, 365 - 31);
  // A vendor first in use in May: its missing DPA counts from May on, and its DPA only lists where it was in use.
  const later = runVendors(
    [vendorDoc("anthropic-dpa", ["Anthropic"], "2025-06-01", null), vendorDoc("mistral-dpa", ["Mistral"], "2026-06-01", "2026-06-30")],
    [always("Anthropic"), { vendor: "Mistral", start: "2026-05-01", end: null }],
  );
  assert.deepEqual(vendorStates(later.slots), [
    "2026-01-01..2026-04-30 COVERED anthropic-dpa",
    "2026-05-01..2026-05-31 MISSING  [Mistral]",
    "2026-06-01..2026-06-30 COVERED anthropic-dpa,mistral-dpa",
    "2026-07-01..2026-12-31 MISSING  [Mistral]",
  ]);
  // Two features using one vendor over overlapping stretches: in use on the union of both.
  const union = runVendors(
    [vendorDoc("x", ["X"], "2026-01-01", "2026-06-30")],
    [
      { vendor: "X", start: null, end: "2026-04-30" },
      { vendor: "X", start: null, end: "2026-08-31" },
    ],
  );
  assert.deepEqual(vendorStates(union.slots), [
    "2026-01-01..2026-06-30 COVERED x",
    "2026-07-01..2026-08-31 MISSING  [X]",
    "2026-09-01..2026-12-31 MISSING  []",
  ]);
});

test("no vendor in use: the plain rule applies, so the control still needs a document on file", () => {
  const none = runVendors([], []);
  assert.deepEqual(vendorStates(none.slots), ["2026-01-01..2026-12-31 MISSING  []"]);
  assert.equal(none.status, "NOT_OPERATING");
  const general = runVendors([doc("general", "2025-01-01", "2026-06-30"), vendorDoc("v-dpa", ["V"], "2026-09-01", null)], []);
  assert.deepEqual(vendorStates(general.slots), [
    "2026-01-01..2026-06-30 COVERED general",
    "2026-07-01..2026-08-31 MISSING  []",
    "2026-09-01..2026-12-31 COVERED v-dpa",
  ]);
  // Vendors whose use ended before the period: none in use during it.
  const ended = runVendors([doc("general", null, null)], [{ vendor: "Old", start: null, end: "2025-12-31" }]);
  assert.deepEqual(vendorStates(ended.slots), ["2026-01-01..2026-12-31 COVERED general"]);
});

test("a document of another vendor, or of no vendor, does not count while a vendor is in use", () => {
  const item = runVendors(
    [
      vendorDoc("other-dpa", ["Other"], "2025-01-01", null),
      doc("unlinked", "2025-01-01", null),
      vendorDoc("shared-dpa", ["V", "W"], "2026-07-01", null),
    ],
    [always("V")],
  );
  assert.deepEqual(vendorStates(item.slots), ["2026-01-01..2026-06-30 MISSING  [V]", "2026-07-01..2026-12-31 COVERED shared-dpa"]);
});

test("per vendor: not in operation before operatesSince, today and later not yet due", () => {
  const item = runVendors([vendorDoc("a", ["A"], "2025-01-01", null)], [always("A"), always("B")], "2026-04-01", {
    ...perVendor,
    operatesSince: "2026-03-15",
  });
  assert.deepEqual(vendorStates(item.slots), [
    "2026-01-01..2026-03-14 NOT_IN_OPERATION",
    "2026-03-15..2026-03-31 MISSING  [B]",
    "2026-04-01..2026-12-31 NOT_YET_DUE",
  ]);
  assert.deepEqual([item.expected, item.covered], [17, 0]);
  const empty = runVendors([], [always("A")], "2027-06-01", { ...perVendor, operatesSince: "2027-01-01" });
  assert.deepEqual([vendorStates(empty.slots), empty.status], [["2026-01-01..2026-12-31 NOT_IN_OPERATION"], "NOT_OPERATING"]);
});
