import assert from "node:assert/strict";
import { test } from "node:test";
import { snapshotSha256, type PeriodSnapshot } from "@/lib/periods/snapshot";
import { exceptionId, responseSchema, unlockSchema } from "@/lib/validations/exception";

// The lock's hash and the inputs that responses and unlocks take (docs/periods-lock.md).

const snapshot: PeriodSnapshot = {
  coverage: {
    period: { id: "p", name: "P", type: "TYPE_II", start: "2026-01-01", end: "2026-12-31" },
    today: "2027-01-15",
    timeZone: "UTC",
    summary: { controls: 1, byStatus: { OPERATING: 0, GAPS: 1, NOT_OPERATING: 0, NOT_YET_DUE: 0, NOT_APPLICABLE: 0 }, coverage: 0.75 },
    items: [],
  },
  exceptions: [
    {
      id: "MISSING_SLOT:AI-SEC-05:2026-10-01",
      kind: "MISSING_SLOT",
      control: "AI-SEC-05",
      start: "2026-10-01",
      end: "2026-12-31",
      description: "No accepted evidence.",
      response: "Held late.",
      respondedBy: "lead@example.test",
      respondedAt: "2027-01-10T09:00:00.000Z",
    },
  ],
};

test("the snapshot's hash does not depend on key order (JSONB reorders keys) but on every value", () => {
  const reordered = JSON.parse(JSON.stringify({ exceptions: snapshot.exceptions, coverage: snapshot.coverage })) as PeriodSnapshot;
  assert.equal(snapshotSha256(reordered), snapshotSha256(snapshot));
  assert.match(snapshotSha256(snapshot), /^[0-9a-f]{64}$/);
  const answered = structuredClone(snapshot);
  answered.exceptions[0].response = "Held late; see ticket 12.";
  assert.notEqual(snapshotSha256(answered), snapshotSha256(snapshot));
});

test("exception ids are deriveExceptions' shapes; responses and unlock reasons are trimmed and must say something", () => {
  for (const id of [
    "MISSING_SLOT:AI-SEC-05:2026-01-01",
    "EVIDENCE_REJECTED:00000000-0000-4000-8000-00000000e71d",
    "READINESS_CHECK:incident-plan",
  ]) {
    assert.equal(exceptionId.safeParse(id).success, true, id);
  }
  for (const id of ["", "OTHER:x", "MISSING_SLOT:", "MISSING_SLOT:a/b", `MISSING_SLOT:${"x".repeat(200)}`]) {
    assert.equal(exceptionId.safeParse(id).success, false, id);
  }
  assert.deepEqual(responseSchema.parse({ response: "  Done.  " }), { response: "Done." });
  assert.equal(responseSchema.safeParse({ response: "   " }).success, false);
  assert.equal(responseSchema.safeParse({ response: "x".repeat(4001) }).success, false);
  assert.equal(unlockSchema.safeParse({ reason: "  too short " }).success, false);
  assert.deepEqual(unlockSchema.parse({ reason: " The auditor asked. " }), { reason: "The auditor asked." });
});
