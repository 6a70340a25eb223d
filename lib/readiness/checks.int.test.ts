import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import test from "node:test";
import { db } from "@/lib/db";
import { tag } from "@/lib/testing/scratch";
import { readinessChecks } from "@/lib/readiness/checks";
import { readinessState } from "@/lib/readiness/state";
import type { ReadinessScope } from "@/lib/readiness/scope";

// A period no other test records in (1901), scoped to a feature that does not exist: every
// population (changes, features, vendors in use) is empty.
function emptyScope(): ReadinessScope {
  return {
    id: randomUUID(),
    name: `Empty ${tag()}`,
    startDate: "1901-01-01",
    endDate: "1901-12-31",
    categories: ["SECURITY"],
    today: "2026-01-01",
    timeZone: "UTC",
    featureIds: [randomUUID()],
    elapsed: { start: "1901-01-01", end: "1901-12-31" },
    startsAt: new Date("1901-01-01T00:00:00Z"),
    endsBefore: new Date("1902-01-01T00:00:00Z"),
  };
}

test("a check with an empty population says nothing recorded, never passes", async () => {
  const scope = emptyScope();
  const states = new Map(
    (await readinessChecks(scope)).map((c) => [c.id, { state: readinessState(c), checked: c.checked, count: c.count }]),
  );
  for (const id of ["change-approval", "change-evaluation", "prompt-log-retention", "vendor-dpa", "dataset-manifest"]) {
    assert.deepEqual(states.get(id), { state: "NOTHING_RECORDED", checked: 0, count: 0 }, id);
  }
  // Requirements, not populations: with nothing on file they fail.
  assert.equal(states.get("incident-runbook")?.state, "FAILS");
  assert.equal(states.get("contract-disclosure")?.state, "FAILS");
});

test("once a change is merged in the period, the change checks examine it", async () => {
  const scope = emptyScope();
  const change = await db.change.create({
    data: {
      kind: "PROMPT_CHANGE",
      title: `Readiness population ${tag()}`,
      mergedAt: new Date("1901-06-01T12:00:00Z"),
      ticket: "OPS-1",
      approvedBy: "lead@example.com",
    },
  });
  try {
    const checks = new Map((await readinessChecks(scope)).map((c) => [c.id, c]));
    const approval = checks.get("change-approval")!;
    assert.equal(approval.checked, 1);
    assert.equal(readinessState(approval), "PASSES");
    const evaluation = checks.get("change-evaluation")!;
    assert.equal(evaluation.checked, 1);
    assert.equal(readinessState(evaluation), "FAILS");
  } finally {
    await db.change.delete({ where: { id: change.id } });
  }
});
