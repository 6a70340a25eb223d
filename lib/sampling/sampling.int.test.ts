import assert from "node:assert/strict";
import { test } from "node:test";
import { userPrincipal } from "@/lib/auth/principal";
import { createChange } from "@/lib/changes/service";
import { createCustomControl } from "@/lib/controls/custom";
import { updateControl } from "@/lib/controls/update";
import { db } from "@/lib/db";
import { reviewEvidence } from "@/lib/evidence/service";
import { loadPopulation } from "@/lib/sampling/population";
import { samplePeriod } from "@/lib/sampling/sample";
import { changeSchema } from "@/lib/validations/change";
import { controlPatchSchema, customControlCreateSchema } from "@/lib/validations/control";
import { sampleQuerySchema } from "@/lib/validations/sampling";
import { appError, parseBody, scratchEvidence, scratchPeriod, scratchUser, tag, userCaller } from "@/lib/testing/scratch";

// Sampling reads a period's population from the database for the caller (lib/sampling): the due
// slots, the evidence of every status, the changes; an auditor sees only the periods given to
// them, draws the same sample as a lead with the same seed, and nothing is written.

const ids = (sample: { draw: { sample: { member: { id: string } }[] } }) => sample.draw.sample.map((d) => d.member.id);
const query = (q: Record<string, string>) => sampleQuerySchema.parse(q);

test("a period's populations, scoped to the caller, drawn without writing anything", async () => {
  const t = tag().toUpperCase();
  const lead = await userCaller("COMPLIANCE_LEAD");
  const code = `SMP-${t}`;
  await createCustomControl(
    parseBody(customControlCreateSchema, {
      code,
      title: "Sampling test",
      description: "Made by the sampling test.",
      category: "PRIVACY",
      criteria: ["P1.1"],
      frequency: "QUARTERLY",
      expectedEvidence: "Whatever the test uploads.",
    }),
    lead,
  );
  await updateControl(code, parseBody(controlPatchSchema, { designStatus: "IN_PLACE" }), lead);
  const period = await scratchPeriod("2025-01-01", "2025-12-31");
  const upload = async (effectiveDate: string, review: "accept" | "reject" | null) => {
    const { id } = await scratchEvidence(lead, { control: code, effectiveDate });
    if (review)
      await reviewEvidence(
        id,
        { decision: review, reason: review === "reject" ? "Not it." : undefined },
        await userCaller("COMPLIANCE_LEAD"),
      );
    return id;
  };
  const q1 = await upload("2025-02-10", "accept");
  const rejected = await upload("2025-05-10", "reject");
  const pending = await upload("2025-11-30", null);
  await upload("2024-12-31", "accept"); // before the period: not in it
  const change = await createChange(
    parseBody(changeSchema, {
      kind: "PROMPT_CHANGE",
      title: `Sampling change ${t}`,
      commitSha: `5a${tag()}`,
      mergedAt: "2025-03-03T12:00:00Z",
    }),
    lead,
  );

  // Slots: the four quarters of 2025 are due; the first is covered.
  const slots = await loadPopulation(lead, period.id, code, "slots");
  assert.equal(slots.kind, "slots");
  assert.deepEqual(
    slots.members.map((m) => `${m.id} ${m.state} ${m.evidence.join(",")}`),
    [
      `${code}/2025-01-01/2025-03-31 COVERED ${q1}`,
      `${code}/2025-04-01/2025-06-30 MISSING `,
      `${code}/2025-07-01/2025-09-30 MISSING `,
      `${code}/2025-10-01/2025-12-31 MISSING `,
    ],
  );
  // Evidence: every status in the window, nothing outside it.
  const evidence = await loadPopulation(lead, period.id, code, "evidence");
  assert.deepEqual(evidence.members.map((m) => m.id).sort(), [q1, rejected, pending].sort());
  assert.match(evidence.description, /every status/);
  // Changes: not the population of a quarterly control; with no control, the period's changes.
  await assert.rejects(loadPopulation(lead, period.id, code, "changes"), appError("VALIDATION", /not a per-event control/));
  const changes = await loadPopulation(lead, period.id, undefined, "changes");
  if (changes.kind !== "changes") assert.fail(`a population of ${changes.kind}`);
  assert.ok(changes.members.some((m) => m.id === change.id));
  assert.ok(changes.members.every((m) => m.mergedAt >= "2025-01-01" && m.mergedAt < "2026-01-01"));

  // Unknown control, and a control outside the period's categories: 404.
  await assert.rejects(loadPopulation(lead, period.id, `NOPE-${t}`, "slots"), appError("NOT_FOUND", /no control NOPE-/));
  const securityOnly = await db.auditPeriod.create({
    data: {
      name: `Security only ${t}`,
      type: "TYPE_II",
      start: new Date("2025-01-01"),
      end: new Date("2025-12-31"),
      categories: ["SECURITY"],
    },
  });
  await assert.rejects(loadPopulation(lead, securityOnly.id, code, "evidence"), appError("NOT_FOUND", /no control SMP-/));
  await assert.rejects(
    loadPopulation(lead, "00000000-0000-4000-8000-000000000000", code, "slots"),
    appError("NOT_FOUND", /no audit period/),
  );

  // An auditor: the periods given to them only; given this one, the same sample as the lead's.
  const auditorUser = await scratchUser("AUDITOR");
  const writesBefore = await db.auditLogEntry.count();
  await assert.rejects(
    samplePeriod(userPrincipal(auditorUser, []), period.id, query({ control: code })),
    appError("NOT_FOUND", /no audit period/),
  );
  await assert.rejects(
    samplePeriod(userPrincipal(auditorUser, [securityOnly.id]), period.id, query({ control: code, kind: "evidence" })),
    appError("NOT_FOUND", /no audit period/),
  );
  const auditor = userPrincipal(auditorUser, [period.id]);
  const asAuditor = await samplePeriod(auditor, period.id, query({ control: code, kind: "evidence", size: "2", seed: `s-${t}` }));
  const asLead = await samplePeriod(lead, period.id, query({ control: code, kind: "evidence", size: "2", seed: `s-${t}` }));
  assert.equal(asAuditor.draw.populationSize, 3);
  assert.equal(asAuditor.draw.size, 2);
  assert.deepEqual(ids(asAuditor), ids(asLead));
  const whole = await samplePeriod(auditor, period.id, query({ control: code, kind: "slots", size: "10" }));
  assert.deepEqual([whole.draw.whole, whole.draw.size, whole.draw.populationSize], [true, 4, 4]);
  assert.match(whole.draw.seed, /^[0-9a-f]{12}$/);
  assert.equal(await db.auditLogEntry.count(), writesBefore, "drawing a sample writes nothing to the audit log");
});
