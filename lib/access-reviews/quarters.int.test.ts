import { EVERYTHING } from "@/lib/auth/scope";
import assert from "node:assert/strict";
import { randomInt } from "node:crypto";
import { test } from "node:test";
import { fingerprintOf, ownerUrl, queryOn } from "@/e2e/support/database";
import { getReview } from "@/lib/access-reviews/queries";
import { createReview, updateReview } from "@/lib/access-reviews/service";
import { accessReviewSchema } from "@/lib/validations/access-review";
import { appError, parseBody, tag, userCaller } from "@/lib/testing/scratch";

// Which quarter an access review may be for (lib/access-reviews/quarter-rules.ts), through the
// service as POST /api/v1/access-reviews and the edit form's action reach it: not a quarter that
// has not started, and a second access review for a quarter only with a reason, which is stored
// and audited. A refusal writes nothing.

const fingerprint = () => fingerprintOf(ownerUrl());

/** The quarter a year from now: not started in any time zone. */
const futureQuarter = () => {
  const now = new Date();
  return `${now.getUTCFullYear() + 1}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
};

test("an access review's quarter cannot be in the future; another access review for a quarter needs a reason, stored and audited", async () => {
  const lead = await userCaller("COMPLIANCE_LEAD");
  const create = async (body: Record<string, unknown>) => createReview(parseBody(accessReviewSchema, body), lead);
  const update = async (id: string, body: Record<string, unknown>) => updateReview(id, parseBody(accessReviewSchema, body), lead);

  const before = await fingerprint();
  await assert.rejects(
    create({ name: `Future ${tag()}`, quarter: futureQuarter() }),
    appError("UNPROCESSABLE", new RegExp(`${futureQuarter()} has not started yet`)),
  );
  assert.equal(await fingerprint(), before, "a refused future quarter changes nothing");

  // A long-past quarter no one else uses: the first access review needs no reason (one given is not kept).
  // (parseQuarter takes years from 2000: pick among 2000-2015's quarters one that is unused.)
  const used = new Set(
    (await queryOn<{ quarter: string }>(ownerUrl(), 'SELECT DISTINCT quarter FROM "AccessReview"')).map((r) => r.quarter),
  );
  const unused = Array.from({ length: 16 * 4 }, (_, i) => `${2000 + Math.floor(i / 4)}-Q${(i % 4) + 1}`).filter((q) => !used.has(q));
  assert.ok(unused.length > 0, "a quarter from 2000 to 2015 is unused");
  const quarter = unused[randomInt(unused.length)];
  const firstName = `First ${tag()}`;
  const first = await create({ name: firstName, quarter, sameQuarterReason: "Not needed" });
  assert.equal(first.sameQuarterReason, null);

  const afterFirst = await fingerprint();
  for (const reason of [undefined, "   "]) {
    await assert.rejects(
      create({ name: `Second ${tag()}`, quarter, sameQuarterReason: reason }),
      appError("UNPROCESSABLE", new RegExp(`${quarter} already has an access review \\(“${firstName}”\\)`)),
    );
  }
  await assert.rejects(
    create({ name: `Second ${tag()}`, quarter, sameQuarterReason: "x".repeat(1001) }),
    appError("VALIDATION", /at most 1000 characters/),
  );
  await assert.rejects(create({ name: `Second ${tag()}`, quarter, sameQuarterReason: 42 }), appError("VALIDATION", /is text/));
  assert.equal(await fingerprint(), afterFirst, "refused second access reviews change nothing");

  const reason = "Re-run for the tool servers added in May.";
  const second = await create({ name: `Second ${tag()}`, quarter, sameQuarterReason: `  ${reason} ` });
  const stored = (await getReview(second.id, EVERYTHING))!;
  assert.deepEqual([stored.quarter, stored.sameQuarterReason], [quarter, reason]);
  const audited = await queryOn<{ reason: string }>(
    ownerUrl(),
    `SELECT after->>'sameQuarterReason' AS reason FROM "AuditLogEntry" WHERE action = 'access-review.created' AND "entityId" = $1`,
    [second.id],
  );
  assert.deepEqual(
    audited.map((r) => ({ ...r })),
    [{ reason }],
  );

  // The first stays the first: editing it keeps no reason; the second cannot drop its reason; neither moves to the future.
  const edited = await update(first.id, { name: firstName, quarter });
  assert.equal(edited.sameQuarterReason, null);
  const beforeEdits = await fingerprint();
  await assert.rejects(update(second.id, { name: "Second", quarter }), appError("UNPROCESSABLE", /already has an access review/));
  await assert.rejects(update(first.id, { name: firstName, quarter: futureQuarter() }), appError("UNPROCESSABLE", /has not started yet/));
  assert.equal(await fingerprint(), beforeEdits, "refused edits change nothing");
});
