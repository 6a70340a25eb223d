import assert from "node:assert/strict";
import { test } from "node:test";
import { createCustomControl } from "@/lib/controls/custom";
import { updateControl } from "@/lib/controls/update";
import { reviewEvidence } from "@/lib/evidence/service";
import { periodCoverage } from "@/lib/periods/coverage";
import { createPeriod } from "@/lib/periods/service";
import { customControlCreateSchema, controlPatchSchema } from "@/lib/validations/control";
import { periodSchema } from "@/lib/validations/period";
import { appError, parseBody, scratchUpload, tag, tokenCaller, userCaller } from "@/lib/testing/scratch";

// Issue 5's integration test: a period built entirely through the services the API calls (custom
// controls whose frequency and operating date are then set, evidence uploaded by CI and accepted
// by a lead) gives exactly the expected slots and statuses from periodCoverage, the function
// behind GET /api/v1/periods/{id}/coverage (compared in its JSON form, as the API sends it).

interface Item {
  control: string;
  status: string;
  coverage: number | null;
}

test("a period built through the services has exactly the expected coverage", async () => {
  const t = tag().toUpperCase();
  const lead = await userCaller("COMPLIANCE_LEAD");
  const ci = await tokenCaller("ENGINEER");
  const code = (suffix: string) => `COV-${t}-${suffix}`;

  for (const suffix of ["M", "Q", "V"]) {
    await createCustomControl(
      parseBody(customControlCreateSchema, {
        code: code(suffix),
        title: `Coverage test ${suffix}`,
        description: "Made by the coverage test.",
        category: "SECURITY",
        criteria: ["CC6.1"],
        frequency: "ANNUAL",
        expectedEvidence: "Whatever the test uploads.",
      }),
      lead,
    );
  }
  const patch = (c: string, body: Record<string, unknown>) =>
    updateControl(c, parseBody(controlPatchSchema, { designStatus: "IN_PLACE", ...body }), lead);
  await patch(code("M"), { frequency: "MONTHLY", operatesSince: "2026-02-15" });
  await patch(code("Q"), { frequency: "QUARTERLY" });
  await patch(code("V"), { frequency: "VALIDITY" });

  const evidence = async (
    control: string,
    effectiveDate: string,
    review: "accept" | "reject" | null,
    extra: Record<string, string> = {},
  ) => {
    const { id } = await scratchUpload(
      ci,
      { control, title: `${control} ${effectiveDate}`, effectiveDate, ...extra },
      { name: "e.txt", bytes: Buffer.from(`${control} ${effectiveDate} ${tag()}`) },
    );
    if (review) await reviewEvidence(id, { decision: review, reason: review === "reject" ? "Not it." : undefined }, lead);
    return id;
  };
  const m1 = await evidence(code("M"), "2026-02-20", "accept");
  await evidence(code("M"), "2026-02-10", "accept"); // before the control operates: does not count
  const m2 = await evidence(code("M"), "2026-03-31", "accept"); // the last day of March
  await evidence(code("M"), "2026-04-10", null); // awaiting review: does not count
  const m3 = await evidence(code("M"), "2026-05-01", "accept"); // the first day of May
  const q1 = await evidence(code("Q"), "2026-01-01", "accept");
  await evidence(code("Q"), "2026-06-30", "reject");
  const v1 = await evidence(code("V"), "2026-01-02", "accept", { validFrom: "2026-01-01", validUntil: "2026-03-31" });
  const v2 = await evidence(code("V"), "2026-03-20", "accept", { validFrom: "2026-03-15", validUntil: "2026-05-31" });

  const period = await createPeriod(
    parseBody(periodSchema, { name: `Coverage ${t}`, type: "TYPE_II", start: "2026-01-01", end: "2026-06-30", categories: ["SECURITY"] }),
    lead,
  );
  const coverageOf = async () => JSON.parse(JSON.stringify(await periodCoverage(period.id))) as { items: Item[] };
  const coverage = await coverageOf();
  const item = (c: string) => coverage.items.find((i) => i.control === c);

  assert.deepEqual(item(code("M")), {
    control: code("M"),
    expected: 5,
    covered: 3,
    coverage: 0.6,
    status: "GAPS",
    slots: [
      { start: "2026-01-01", end: "2026-01-31", state: "NOT_IN_OPERATION", evidence: [] },
      { start: "2026-02-01", end: "2026-02-14", state: "NOT_IN_OPERATION", evidence: [] },
      { start: "2026-02-15", end: "2026-02-28", state: "COVERED", evidence: [m1] },
      { start: "2026-03-01", end: "2026-03-31", state: "COVERED", evidence: [m2] },
      { start: "2026-04-01", end: "2026-04-30", state: "MISSING", evidence: [] },
      { start: "2026-05-01", end: "2026-05-31", state: "COVERED", evidence: [m3] },
      { start: "2026-06-01", end: "2026-06-30", state: "MISSING", evidence: [] },
    ],
  });
  assert.deepEqual(item(code("Q")), {
    control: code("Q"),
    expected: 2,
    covered: 1,
    coverage: 0.5,
    status: "GAPS",
    slots: [
      { start: "2026-01-01", end: "2026-03-31", state: "COVERED", evidence: [q1] },
      { start: "2026-04-01", end: "2026-06-30", state: "MISSING", evidence: [] },
    ],
  });
  // Validity: the two documents overlap in March and leave June uncovered (30 of 181 days).
  assert.deepEqual(item(code("V")), {
    control: code("V"),
    expected: 181,
    covered: 151,
    coverage: 151 / 181,
    status: "GAPS",
    slots: [
      { start: "2026-01-01", end: "2026-05-31", state: "COVERED", evidence: [v1, v2].sort() },
      { start: "2026-06-01", end: "2026-06-30", state: "MISSING", evidence: [] },
    ],
  });

  // A lead marks the quarterly control not applicable: its coverage says so.
  await updateControl(
    code("Q"),
    parseBody(controlPatchSchema, { designStatus: "NOT_APPLICABLE", justification: "Covered elsewhere." }),
    lead,
  );
  const again = await coverageOf();
  const q = again.items.find((i) => i.control === code("Q"))!;
  assert.deepEqual([q.status, q.coverage], ["NOT_APPLICABLE", null]);
  // Controls outside the period's categories are not listed.
  assert.ok(again.items.length > 0);
  assert.ok(again.items.every((i) => !i.control.startsWith("AI-AVL-")));
  await assert.rejects(periodCoverage("00000000-0000-4000-8000-000000000000"), appError("NOT_FOUND", /no audit period/));
});
