import assert from "node:assert/strict";
import { test } from "node:test";
import { fingerprintOf, ownerUrl, queryOn } from "@/e2e/support/database";
import { userPrincipal, type Principal } from "@/lib/auth/principal";
import { decideItem, markRevocationDone } from "@/lib/access-reviews/decisions";
import { signOffReview } from "@/lib/access-reviews/sign-off";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { withdrawEvidence } from "@/lib/evidence/service";
import { decisionInputSchema, revocationInputSchema, signOffInputSchema } from "@/lib/validations/access-review";
import { appError, parseBody, scratchUpload, scratchUser, tag, userCaller } from "@/lib/testing/scratch";

// Access-review state changes through the services the API routes call (the body parsed by the
// route's schema, then decideItem, markRevocationDone or signOffReview): only the item's reviewer
// decides, with a comment, and with a justification for their own access; a revocation is marked
// done by its reviewer or a lead, once, on a day that has happened; sign-off waits for every
// decision and then locks the access review and its record. Every refusal writes nothing. The
// inbox, the revocations page and the record download stay in e2e/access-review-decisions.spec.ts.

const fingerprint = () => fingerprintOf(ownerUrl());

/** An access review in progress: the engineer's own access and a service account (both the engineer's to decide), and one the lead decides. */
async function accessReviewInProgress() {
  const t = tag();
  const engineerUser = await scratchUser("ENGINEER");
  const leadUser = await scratchUser("COMPLIANCE_LEAD");
  const review = await db.accessReview.create({
    data: {
      name: `Decisions ${t}`,
      quarter: "2021-Q2",
      status: "IN_PROGRESS",
      startedAt: new Date(),
      dueDate: new Date("2021-06-30T00:00:00Z"),
      resources: ["MODEL_API_KEY"],
    },
  });
  const item = async (position: number, principal: string, principalUserId: string | null, reviewerId: string, resource: string) =>
    (
      await db.accessReviewItem.create({
        data: {
          reviewId: review.id,
          position,
          principal,
          principalKind: "HUMAN",
          resource,
          resourceKind: "MODEL_API_KEY",
          accessLevel: "admin",
          source: "IAM credential report",
          principalUserId,
          reviewerId,
        },
      })
    ).id;
  return {
    id: review.id,
    engineerUser,
    leadUser,
    engineer: userPrincipal(engineerUser),
    lead: userPrincipal(leadUser),
    items: {
      self: await item(0, engineerUser.email, engineerUser.id, engineerUser.id, `own-key-${t}`),
      service: await item(1, `svc-${t}`, null, engineerUser.id, `svc-key-${t}`),
      leads: await item(2, `=cmd-${t}`, null, leadUser.id, `lead-key-${t}`),
    },
  };
}

const decide = async (reviewId: string, itemId: string, body: Record<string, unknown>, caller: Principal) =>
  decideItem(reviewId, itemId, parseBody(decisionInputSchema, body), caller);
const markDone = async (reviewId: string, itemId: string, body: Record<string, unknown>, caller: Principal) =>
  markRevocationDone(reviewId, itemId, parseBody(revocationInputSchema, body), caller);
const signOff = async (reviewId: string, body: Record<string, unknown>, caller: Principal) =>
  signOffReview(reviewId, parseBody(signOffInputSchema, body).statement, caller);

const itemRow = async (id: string) =>
  db.accessReviewItem.findUniqueOrThrow({ where: { id }, select: { decision: true, comment: true, revocationNote: true } });
const isoDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

test("only the assigned reviewer decides; a comment is required; one's own access needs a justification; re-decisions are audited", async () => {
  const c = await accessReviewInProgress();
  const auditor = await userCaller("AUDITOR");

  const before = await fingerprint();
  await assert.rejects(
    decide(c.id, c.items.leads, { decision: "keep", comment: "Looks fine" }, c.engineer),
    appError("FORBIDDEN", new RegExp(`assigned to ${c.leadUser.email}`)),
  );
  await assert.rejects(
    decide(c.id, c.items.service, { decision: "keep", comment: "Looks fine" }, auditor),
    appError("FORBIDDEN", /access-reviews:decide/),
  );
  await assert.rejects(
    decide(c.id, c.items.service, { decision: "keep", comment: " " }, c.engineer),
    appError("VALIDATION", /A comment is required/),
  );
  await assert.rejects(decide(c.id, c.items.self, { decision: "keep", comment: "Mine" }, c.engineer), (error: unknown) => {
    appError("UNPROCESSABLE", /This access is your own/)(error);
    assert.ok(error instanceof AppError && error.fieldErrors?.selfJustification?.length === 1, "the field is named");
    return true;
  });
  // Neither an auditor nor an engineer on someone else's item marks a revocation done, nor does an auditor sign off.
  await assert.rejects(
    markDone(c.id, c.items.service, { doneOn: "2021-07-01" }, auditor),
    appError("FORBIDDEN", /compliance lead or the item's reviewer/),
  );
  await assert.rejects(signOff(c.id, { statement: "No" }, auditor), appError("FORBIDDEN", /Only a compliance lead or an admin/));
  assert.equal(await fingerprint(), before, "refused decisions change nothing");

  // A decision can change until sign-off; the audit log keeps before and after.
  await decide(c.id, c.items.service, { decision: "revoke", comment: "Unused" }, c.engineer);
  await decide(c.id, c.items.service, { decision: "modify", comment: "Read only from now on" }, c.engineer);
  assert.deepEqual(await itemRow(c.items.service), { decision: "MODIFY", comment: "Read only from now on", revocationNote: null });
  const own = await decide(c.id, c.items.self, { decision: "keep", comment: "Mine", selfJustification: "On call" }, c.engineer);
  assert.equal(own.selfReview, true);
  const audit = await queryOn<{
    action: string;
    before: { decision: string; comment: string };
    after: { decision: string; comment: string };
  }>(ownerUrl(), `SELECT action, before, after FROM "AuditLogEntry" WHERE "entityId" = $1 ORDER BY seq`, [c.items.service]);
  assert.deepEqual(
    audit.map((a) => a.action),
    ["access-review.item-decided", "access-review.item-redecided"],
  );
  assert.deepEqual([audit[1].before.decision, audit[1].before.comment], ["REVOKE", "Unused"]);
  assert.deepEqual([audit[1].after.decision, audit[1].after.comment], ["MODIFY", "Read only from now on"]);
});

test("a revocation is marked done by its reviewer or a lead, once, on a day that has happened, and only when something was revoked", async () => {
  const c = await accessReviewInProgress();
  await decide(c.id, c.items.service, { decision: "revoke", comment: "Unused" }, c.engineer);
  await decide(c.id, c.items.self, { decision: "keep", comment: "Mine", selfJustification: "On call" }, c.engineer);
  await decide(c.id, c.items.leads, { decision: "revoke", comment: "Left" }, c.lead);

  let before = await fingerprint();
  await assert.rejects(
    markDone(c.id, c.items.leads, { doneOn: isoDay() }, c.engineer),
    appError("FORBIDDEN", /compliance lead or the item's reviewer/),
    "not the engineer's item, not a lead",
  );
  await assert.rejects(
    markDone(c.id, c.items.self, { doneOn: isoDay() }, c.engineer),
    appError("CONFLICT", /kept: there is nothing to revoke/),
  );
  await assert.rejects(markDone(c.id, c.items.service, { doneOn: isoDay(1) }, c.engineer), appError("VALIDATION", /in the future/));
  assert.equal(await fingerprint(), before, "refused follow-ups change nothing");

  // A lead who is not the item's reviewer may mark it done (here, while the access review is in progress).
  const done = await markDone(c.id, c.items.service, { doneOn: isoDay(), note: "Key deleted, ticket SEC-12" }, c.lead);
  assert.equal(done.doneOn, isoDay());
  assert.equal(done.doneBy, c.leadUser.email);
  assert.equal((await itemRow(c.items.service)).revocationNote, "Key deleted, ticket SEC-12");
  // Done stays done, and the decision it followed stays.
  before = await fingerprint();
  await assert.rejects(markDone(c.id, c.items.service, { doneOn: isoDay() }, c.engineer), appError("CONFLICT", /already marked done/));
  await assert.rejects(
    decide(c.id, c.items.service, { decision: "keep", comment: "Changed my mind" }, c.engineer),
    appError("CONFLICT", /already marked done .*the decision stays/),
  );
  assert.equal(await fingerprint(), before);
  const audit = await queryOn<{ after: { doneOn: string; note: string } }>(
    ownerUrl(),
    `SELECT after FROM "AuditLogEntry" WHERE "entityId" = $1 AND action = 'access-review.revocation-done'`,
    [c.items.service],
  );
  assert.deepEqual(
    audit.map((a) => [a.after.doneOn, a.after.note]),
    [[isoDay(), "Key deleted, ticket SEC-12"]],
  );
});

test("sign-off waits for every decision; afterwards nothing in the access review or its record changes", async () => {
  const c = await accessReviewInProgress();
  await decide(c.id, c.items.service, { decision: "revoke", comment: "Unused" }, c.engineer);
  await decide(c.id, c.items.self, { decision: "keep", comment: "Mine", selfJustification: "On call" }, c.engineer);

  let before = await fingerprint();
  await assert.rejects(signOff(c.id, { statement: "All reviewed." }, c.lead), appError("CONFLICT", /1 of 3 items is still open/));
  await assert.rejects(signOff(c.id, { statement: " " }, c.lead), appError("VALIDATION", /Write the sign-off statement/));
  assert.equal(await fingerprint(), before, "a refused sign-off changes nothing");

  await decide(c.id, c.items.leads, { decision: "modify", comment: "-read only" }, c.lead);
  await signOff(c.id, { statement: "All access in scope reviewed." }, c.lead);
  const signed = await db.accessReview.findUniqueOrThrow({ where: { id: c.id }, include: { evidence: true } });
  assert.equal(signed.status, "SIGNED_OFF");
  assert.equal(signed.signedOffById, c.leadUser.id);
  assert.deepEqual([signed.evidence?.status, signed.evidence?.source], ["ACCEPTED", "GENERATED"]);
  const record = signed.evidence!;

  // Locked: every later change is refused and changes nothing.
  before = await fingerprint();
  await assert.rejects(
    decide(c.id, c.items.service, { decision: "keep", comment: "Changed my mind" }, c.engineer),
    appError("CONFLICT", "This access review is signed off; nothing in it can change."),
  );
  await assert.rejects(decide(c.id, c.items.leads, { decision: "keep", comment: "Changed" }, c.lead), appError("CONFLICT", /signed off/));
  await assert.rejects(signOff(c.id, { statement: "Twice" }, c.lead), appError("CONFLICT", /signed off/));
  // The record itself cannot be withdrawn or corrected through the evidence flow either.
  await assert.rejects(withdrawEvidence(record.id, "Tidy up", c.lead), appError("CONFLICT", /cannot be withdrawn or corrected/));
  await assert.rejects(
    scratchUpload(
      c.lead,
      { control: "AI-SEC-05", title: "A different record", effectiveDate: "2026-01-15", supersedes: record.id },
      { name: "record.csv", bytes: Buffer.from("principal,decision\nsomeone,keep\n") },
    ),
    appError("CONFLICT", /cannot be withdrawn or corrected/),
  );
  assert.equal(await fingerprint(), before, "nothing changes after sign-off");
});
