import assert from "node:assert/strict";
import { test } from "node:test";
import { userPrincipal } from "@/lib/auth/principal";
import { unansweredCount } from "@/lib/dashboard/todo-rules";
import { reviewEvidence } from "@/lib/evidence/service";
import { periodExceptions, writeResponse } from "@/lib/exceptions/service";
import { databaseStateForTests, derivationsSoFar, unansweredExceptions } from "@/lib/exceptions/unanswered";
import { lockPeriod } from "@/lib/periods/lock";
import { scratchEvidence, scratchPeriod, scratchUser } from "@/lib/testing/scratch";

// The unanswered-exception count behind the navigation's Periods number and the lead's to-do
// (lib/exceptions/unanswered.ts): the period page's own figure, remembered until the database changes.

async function countOf(periodId: string) {
  return (await unansweredExceptions()).find((p) => p.periodId === periodId)?.unanswered;
}

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

  // A locked period's responses are frozen: it leaves the list. So does a period that has not started.
  await lockPeriod(period.id, lead);
  assert.equal(await countOf(period.id), undefined);
  const ahead = await scratchPeriod("2040-01-01", "2040-06-30");
  assert.equal(await countOf(ahead.id), undefined);
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
