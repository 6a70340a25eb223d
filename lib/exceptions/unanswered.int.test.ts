import assert from "node:assert/strict";
import { test } from "node:test";
import { userPrincipal } from "@/lib/auth/principal";
import { unansweredCount } from "@/lib/dashboard/todo-rules";
import { reviewEvidence } from "@/lib/evidence/service";
import { periodExceptions, writeResponse } from "@/lib/exceptions/service";
import { databaseStateForTests, derivationsSoFar, openPeriods, unansweredOf } from "@/lib/exceptions/unanswered";
import { lockPeriod } from "@/lib/periods/lock";
import { scratchEvidence, scratchPeriod, scratchUser } from "@/lib/testing/scratch";

// The unanswered-exception count behind the navigation's Periods number and the lead's to-do
// (lib/exceptions/unanswered.ts): the period page's own figure, remembered until the database changes.

const countOf = (periodId: string) => unansweredOf(periodId);

test("the count is the period page's unanswered exceptions, and follows each write", async () => {
  const lead = userPrincipal(await scratchUser("COMPLIANCE_LEAD"));
  const engineer = userPrincipal(await scratchUser("ENGINEER"));
  const period = await scratchPeriod("2026-01-01", "2026-06-30");
  const shown = async () => unansweredCount((await periodExceptions(lead, period.id)).exceptions);

  const first = await countOf(period.id);
  assert.ok(first !== undefined && first > 1, "a started period without evidence has exceptions to answer");
  assert.equal(first, await shown());

  // A response answers one.
  const [open] = (await periodExceptions(lead, period.id)).exceptions;
  await writeResponse(lead, period.id, open.id, { response: "Known: the control started operating in April." });
  assert.equal(await countOf(period.id), first - 1);
  assert.equal(await countOf(period.id), await shown());

  // A rejected piece of evidence in the period is a new exception, unanswered.
  const evidence = await scratchEvidence(engineer, { control: "AI-SEC-01", effectiveDate: "2026-02-02" });
  await reviewEvidence(evidence.id, { decision: "reject", reason: "Not the monthly report." }, lead);
  const afterRejection = await countOf(period.id);
  assert.equal(afterRejection, await shown());
  assert.ok(
    (await periodExceptions(lead, period.id)).exceptions.some((e) => e.id === `EVIDENCE_REJECTED:${evidence.id}` && !e.response),
    "the rejection is listed without a response",
  );
});

test("the open periods are those started and not locked: the current one with its count, the others listed", async () => {
  const lead = userPrincipal(await scratchUser("COMPLIANCE_LEAD"));
  const ended = await scratchPeriod("2025-01-01", "2025-06-30");
  const locked = await scratchPeriod("2025-07-01", "2025-09-30");
  await lockPeriod(locked.id, lead);
  const ahead = await scratchPeriod("2040-01-01", "2040-06-30");

  const { current, others } = await openPeriods();
  const ids = others.map((p) => p.id);
  assert.ok(ids.includes(ended.id), "an ended, unlocked period is still open");
  assert.ok(!ids.includes(locked.id), "a locked period is not");
  assert.ok(!ids.includes(ahead.id), "nor one that has not started");
  // The current period (the one that holds today, or else ended last) is the one counted, and not listed again.
  assert.ok(current, "a started, unlocked period is current on this database");
  assert.ok(!ids.includes(current.periodId));
  assert.notEqual(current.periodId, locked.id);
  assert.equal(current.unanswered, await unansweredOf(current.periodId));
});

test("the count is derived again only when the database changed", async () => {
  const period = await scratchPeriod("2026-02-01", "2026-06-30");
  await countOf(period.id);

  // With no commit anywhere between two calls (the snapshot before and after is the same), the
  // second call derives nothing. The server may commit something of its own (autovacuum): try again then.
  let stable = false;
  for (let attempt = 0; attempt < 5 && !stable; attempt++) {
    const before = await databaseStateForTests();
    const derived = derivationsSoFar();
    const count = await countOf(period.id);
    const after = await databaseStateForTests();
    if (before !== after) continue;
    stable = true;
    assert.equal(derivationsSoFar(), derived, "nothing changed: the remembered count is served");
    assert.equal(typeof count, "number");
  }
  assert.ok(stable, "the database stayed unchanged across one call in five tries");

  // Any commit: derived again.
  const beforeWrite = derivationsSoFar();
  await scratchUser("ENGINEER");
  await countOf(period.id);
  assert.ok(derivationsSoFar() > beforeWrite);
});
