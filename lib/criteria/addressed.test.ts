import { test } from "node:test";
import assert from "node:assert/strict";
import { criteriaForScope, exclusionReason, type ControlInput, type CriterionInput } from "@/lib/criteria/addressed";

const criteria: CriterionInput[] = [
  { id: "CC6.1", title: "Logical access", category: "SECURITY" },
  { id: "CC7.2", title: "Monitoring for anomalies", category: "SECURITY" },
  { id: "CC8.1", title: "Change management", category: "SECURITY" },
  { id: "A1.1", title: "Capacity", category: "AVAILABILITY" },
  { id: "C1.1", title: "Confidential information", category: "CONFIDENTIALITY" },
];

const control = (code: string, category: ControlInput["category"], mapped: string[], extra: Partial<ControlInput> = {}): ControlInput => ({
  code,
  title: `${code} title`,
  category,
  designStatus: "IN_PLACE",
  operatesSince: null,
  custom: false,
  criteria: mapped,
  ...extra,
});

const controls = [
  control("AI-SEC-01", "SECURITY", ["CC6.1"]),
  control("AI-AVL-04", "AVAILABILITY", ["A1.1", "CC7.2"]),
  control("AI-PI-01", "PROCESSING_INTEGRITY", ["CC8.1"]),
  control("AI-SEC-04", "SECURITY", ["CC6.1", "C1.1"]),
];

const ids = (list: { id: string }[]) => list.map((c) => c.id);

test("only the period's categories are listed, in the official order, and each criterion has its in-scope controls", () => {
  const result = criteriaForScope(criteria, controls, { categories: ["CONFIDENTIALITY", "SECURITY"], end: "2026-12-31" });
  assert.deepEqual(
    result.categories.map((c) => c.category),
    ["SECURITY", "CONFIDENTIALITY"],
  );
  const security = result.categories[0]!.criteria;
  assert.deepEqual(ids(security), ["CC6.1", "CC7.2", "CC8.1"]);
  assert.deepEqual(
    security[0]!.controls.map((c) => c.code),
    ["AI-SEC-01", "AI-SEC-04"],
  );
  // A control of a category outside the period is not tested in that report.
  assert.deepEqual(security[1]!.controls, []);
  assert.deepEqual(security[1]!.excluded, [{ code: "AI-AVL-04", title: "AI-AVL-04 title", custom: false, reason: "OUT_OF_SCOPE" }]);
  assert.deepEqual(ids(result.unaddressed), ["CC7.2", "CC8.1"]);
  // A Security control addresses a Confidentiality criterion when both are in scope.
  assert.deepEqual(
    result.categories[1]!.criteria[0]!.controls.map((c) => c.code),
    ["AI-SEC-04"],
  );
});

test("adding the controls' categories addresses their criteria across categories", () => {
  const result = criteriaForScope(criteria, controls, {
    categories: ["SECURITY", "AVAILABILITY", "PROCESSING_INTEGRITY"],
    end: "2026-12-31",
  });
  assert.deepEqual(ids(result.unaddressed), []);
  assert.equal(
    result.categories.every((c) => c.criteria.every((x) => x.addressed)),
    true,
  );
  assert.deepEqual(
    result.categories.map((c) => c.category),
    ["SECURITY", "AVAILABILITY", "PROCESSING_INTEGRITY"],
    "every category in scope is listed, even one whose criteria are not in the list",
  );
});

test("a control marked not applicable, or operating only after the period ends, addresses nothing", () => {
  const scope = { categories: ["SECURITY"] as const, end: "2026-06-30" };
  assert.equal(exclusionReason(control("X", "SECURITY", [], { designStatus: "NOT_APPLICABLE" }), scope), "NOT_APPLICABLE");
  assert.equal(exclusionReason(control("X", "SECURITY", [], { operatesSince: "2026-07-01" }), scope), "NOT_YET_OPERATING");
  assert.equal(exclusionReason(control("X", "SECURITY", [], { operatesSince: "2026-06-30" }), scope), null, "from the last day counts");
  assert.equal(
    exclusionReason(control("X", "SECURITY", [], { designStatus: "MISSING" }), scope),
    null,
    "a gap is still the control that addresses it",
  );
  assert.equal(exclusionReason(control("X", "PRIVACY", []), scope), "OUT_OF_SCOPE");

  const result = criteriaForScope(
    criteria,
    [
      control("AI-SEC-01", "SECURITY", ["CC6.1"], { designStatus: "NOT_APPLICABLE" }),
      control("LATE", "SECURITY", ["CC6.1"], { operatesSince: "2027-01-01" }),
    ],
    scope,
  );
  assert.deepEqual(ids(result.unaddressed), ["CC6.1", "CC7.2", "CC8.1"]);
  assert.deepEqual(
    result.categories[0]!.criteria[0]!.excluded.map((c) => c.reason),
    ["NOT_APPLICABLE", "NOT_YET_OPERATING"],
  );
});

test("without a period every category is in scope and any operating date counts", () => {
  const result = criteriaForScope(criteria, [...controls, control("LATE", "PRIVACY", ["CC7.2"], { operatesSince: "2099-01-01" })], {
    categories: ["SECURITY", "AVAILABILITY", "PROCESSING_INTEGRITY", "CONFIDENTIALITY", "PRIVACY"],
    end: null,
  });
  assert.deepEqual(ids(result.unaddressed), []);
  assert.deepEqual(
    result.categories.flatMap((c) => ids(c.criteria)),
    ["CC6.1", "CC7.2", "CC8.1", "A1.1", "C1.1"],
  );
});

test("no criteria, or no controls: everything in scope is unaddressed, nothing is invented", () => {
  assert.deepEqual(criteriaForScope([], controls, { categories: ["SECURITY"], end: null }), {
    categories: [{ category: "SECURITY", criteria: [] }],
    unaddressed: [],
  });
  assert.deepEqual(ids(criteriaForScope(criteria, [], { categories: ["SECURITY"], end: null }).unaddressed), ["CC6.1", "CC7.2", "CC8.1"]);
});
