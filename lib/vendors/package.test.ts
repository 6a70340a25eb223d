import { test } from "node:test";
import assert from "node:assert/strict";
import {
  addMonths,
  controlForKind,
  itemState,
  kindCountsFor,
  PACKAGE_KINDS,
  packageState,
  reviewLabel,
  reviewState,
  VENDOR_DOCUMENT_CONTROLS,
  type PackageEvidence,
  type VendorTerms,
} from "./package";

const dpa = (over: Partial<PackageEvidence> = {}): PackageEvidence => ({
  kind: "DPA",
  status: "ACCEPTED",
  validFrom: "2025-01-01",
  validUntil: null,
  ...over,
});

test("an accepted item whose validity covers today is present; valid until today still counts, as expiring", () => {
  assert.equal(itemState([dpa()], "2026-01-31"), "PRESENT");
  assert.equal(itemState([dpa({ validUntil: "2026-01-31" })], "2026-01-31"), "EXPIRING");
  assert.equal(itemState([dpa({ validUntil: "2026-01-30" })], "2026-01-31"), "EXPIRED");
});

test("expiring means valid until within 30 days, counted across month ends", () => {
  // 2026-01-31 + 30 days = 2026-03-02 (February has 28 days).
  assert.equal(itemState([dpa({ validUntil: "2026-03-02" })], "2026-01-31"), "EXPIRING");
  assert.equal(itemState([dpa({ validUntil: "2026-03-03" })], "2026-01-31"), "PRESENT");
  // In a leap year: 2028-01-31 + 30 days = 2028-03-01.
  assert.equal(itemState([dpa({ validUntil: "2028-03-01" })], "2028-01-31"), "EXPIRING");
  assert.equal(itemState([dpa({ validUntil: "2028-03-02" })], "2028-01-31"), "PRESENT");
});

test("one current item is enough: an expiring one beside an open-ended one is present", () => {
  assert.equal(itemState([dpa({ validUntil: "2026-02-10" }), dpa({ validUntil: null })], "2026-02-01"), "PRESENT");
});

test("submitted, rejected, withdrawn and not-yet-valid items", () => {
  assert.equal(itemState([dpa({ status: "SUBMITTED" })], "2026-01-31"), "SUBMITTED");
  assert.equal(itemState([dpa({ validUntil: "2025-12-31" }), dpa({ status: "SUBMITTED" })], "2026-01-31"), "SUBMITTED");
  assert.equal(itemState([dpa({ status: "REJECTED" }), dpa({ status: "WITHDRAWN" })], "2026-01-31"), "MISSING");
  assert.equal(itemState([dpa({ validFrom: "2026-02-01" })], "2026-01-31"), "MISSING");
  assert.equal(itemState([], "2026-01-31"), "MISSING");
});

test("a SOC 2 report stays current for 12 months after the period it covers", () => {
  const soc2 = (validUntil: string): PackageEvidence => ({ kind: "SOC2_REPORT", status: "ACCEPTED", validFrom: "2025-01-01", validUntil });
  assert.equal(itemState([soc2("2025-12-31")], "2026-06-30"), "PRESENT");
  assert.equal(itemState([soc2("2025-12-31")], "2026-12-31"), "EXPIRING");
  assert.equal(itemState([soc2("2025-12-31")], "2027-01-01"), "EXPIRED");
});

test("months are added calendar-wise, clamped to the month's last day", () => {
  assert.equal(addMonths("2024-02-29", 12), "2025-02-28");
  assert.equal(addMonths("2028-02-29", 12), "2029-02-28");
  assert.equal(addMonths("2026-01-31", 1), "2026-02-28");
  assert.equal(addMonths("2026-12-31", 12), "2027-12-31");
});

test("a vendor never reviewed is not reviewed yet, not overdue, unless its first review date has passed", () => {
  const fresh = reviewState({ lastReviewedAt: null, nextReviewDue: null }, "2026-01-31");
  assert.equal(fresh.overdue, false, "a vendor added today is not overdue");
  assert.equal(fresh.notReviewed, true);
  assert.equal(reviewLabel(fresh, "2026-01-31"), "Not reviewed yet");
  assert.equal(reviewState({ lastReviewedAt: null, nextReviewDue: "2026-02-01" }, "2026-01-31").overdue, false);
  const missed = reviewState({ lastReviewedAt: null, nextReviewDue: "2026-01-30" }, "2026-01-31");
  assert.deepEqual([missed.overdue, missed.notReviewed], [true, false], "a first-review date that has passed is overdue");
  assert.equal(reviewLabel(missed, "2026-01-31"), "Overdue since 2026-01-30");
  const noNext = reviewState({ lastReviewedAt: "2025-01-31", nextReviewDue: null }, "2026-01-31");
  assert.equal(noNext.overdue, true, "reviewed but no next date: overdue (the annual cycle is not kept)");
  assert.equal(reviewLabel(noNext, "2026-01-31"), "No next review date");
});

test("the review is overdue once the next review date has passed (due today is not overdue)", () => {
  assert.equal(reviewState({ lastReviewedAt: "2025-01-31", nextReviewDue: "2026-01-31" }, "2026-01-31").overdue, false);
  assert.equal(reviewState({ lastReviewedAt: "2025-01-30", nextReviewDue: "2026-01-30" }, "2026-01-31").overdue, true);
});

test("the package is complete with every required kind current, the DPA terms and a review; ISO 27001 is optional", () => {
  const terms: VendorTerms = {
    zeroRetention: true,
    trainingOptOut: true,
    dataRegion: "EU",
    lastReviewedAt: "2025-06-01",
    nextReviewDue: "2026-06-01",
  };
  const required = (["SOC2_REPORT", "DPA", "DATA_HANDLING_TERMS", "INCIDENT_NOTIFICATION", "SECURITY_CONTACT"] as const).map(
    (kind): PackageEvidence => ({ kind, status: "ACCEPTED", validFrom: "2025-01-01", validUntil: null }),
  );
  const full = packageState(terms, required, "2026-01-31");
  assert.equal(full.complete, true, full.reasons.join("; "));
  assert.equal(full.items.ISO27001_CERTIFICATE, "MISSING");

  const withoutDpa = packageState(
    { ...terms, nextReviewDue: "2026-01-30", trainingOptOut: null },
    required.filter((r) => r.kind !== "DPA"),
    "2026-01-31",
  );
  assert.equal(withoutDpa.complete, false);
  assert.deepEqual(withoutDpa.reasons, [
    "DPA missing",
    "DPA terms not recorded: training opt-out",
    "Annual review overdue since 2026-01-30",
  ]);
  assert.deepEqual(packageState({ ...terms, lastReviewedAt: null }, required, "2026-01-31").reasons, ["Not reviewed yet"]);
});

test("each kind is filed under, and counts for, the control whose requirement it evidences", () => {
  for (const kind of PACKAGE_KINDS) assert.equal(controlForKind(kind), "AI-CONF-02");
  const guide = (code: string) => ({ code, custom: false });
  assert.equal(kindCountsFor("DPA", guide("AI-CONF-02")), true);
  assert.equal(kindCountsFor("DPA", guide("AI-PRIV-04")), true);
  // A vendor's SOC 2 report is not evidence of a fallback strategy, nor of a DPA.
  assert.equal(kindCountsFor("SOC2_REPORT", guide("AI-AVL-01")), false);
  assert.equal(kindCountsFor("SOC2_REPORT", guide("AI-CONF-02")), false);
  assert.equal(kindCountsFor("DATA_HANDLING_TERMS", guide("AI-CONF-02")), false);
  assert.equal(kindCountsFor("DPA", guide("AI-AVL-01")), false);
  // A team's own control counts what evidences no guide control, never a DPA.
  assert.equal(kindCountsFor("SOC2_REPORT", { code: "VEN-01", custom: true }), true);
  assert.equal(kindCountsFor("ISO27001_CERTIFICATE", { code: "VEN-01", custom: true }), true);
  assert.equal(kindCountsFor("DPA", { code: "VEN-01", custom: true }), false);
  assert.deepEqual(VENDOR_DOCUMENT_CONTROLS, ["AI-CONF-02", "AI-PRIV-04"]);
});
