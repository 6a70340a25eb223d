import assert from "node:assert/strict";
import { test } from "node:test";
import { fingerprintOf, ownerUrl, queryOn } from "@/e2e/support/database";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { reviewEvidence } from "@/lib/evidence/service";
import { scratchEvidence, scratchUser, tokenCaller } from "@/lib/testing/scratch";
import { userPrincipal } from "@/lib/auth/principal";

// Segregation of duties (issue 11 item 7, docs/security/segregation-of-duties.md), through the
// review service: nobody reviews evidence they uploaded (in person, through a token acting for
// them, or with the same token), a token that acts for no named person cannot review at all, and a
// token acting for a person reviews as them. What the API and the review queue show of it stays in
// e2e/segregation.spec.ts.

const fingerprint = () => fingerprintOf(ownerUrl());

const review = (id: string, decision: "accept" | "reject", caller: Principal, reason?: string) =>
  reviewEvidence(id, { decision, reason }, caller);

/** The refusal's AppError, checked to be FORBIDDEN with a message matching `message`. */
const forbidden = (message: RegExp) => (error: unknown) =>
  error instanceof AppError && error.code === "FORBIDDEN" && message.test(error.message);

const evidenceRow = async (id: string) =>
  (
    await queryOn<{ status: string; reviewer: string | null; uploader: string | null; selfReviewed: boolean }>(
      ownerUrl(),
      `SELECT e.status, r.email AS reviewer, u.email AS uploader, e."selfReviewed" FROM "Evidence" e
       LEFT JOIN "User" r ON r.id = e."reviewedById" LEFT JOIN "User" u ON u.id = e."uploadedById" WHERE e.id = $1`,
      [id],
    )
  ).map((r) => ({ ...r }))[0];

test("nobody reviews their own evidence; a token for no one cannot review; one acting for a person reviews as them", async () => {
  const leadUser = await scratchUser("COMPLIANCE_LEAD");
  const adminUser = await scratchUser("ADMIN");
  const lead = userPrincipal(leadUser);
  const admin = userPrincipal(adminUser);
  const engineer = userPrincipal(await scratchUser("ENGINEER"));

  // The lead's own upload: the lead's review is refused, with what to do, and nothing changes.
  const own = (await scratchEvidence(lead, { title: "SoD own" })).id;
  let before = await fingerprint();
  await assert.rejects(
    review(own, "accept", lead),
    forbidden(/^You uploaded this evidence, so someone else must review it \(segregation of duties\)\./),
  );
  assert.equal(await fingerprint(), before, "a refused review writes nothing");
  // Rejecting one's own is a review too (withdrawing is how to take it back).
  await assert.rejects(review(own, "reject", lead, "mine"), forbidden(/segregation of duties/));
  // Someone else may.
  await review(own, "accept", admin);
  assert.deepEqual(await evidenceRow(own), {
    status: "ACCEPTED",
    uploader: leadUser.email,
    reviewer: adminUser.email,
    selfReviewed: false,
  });

  // A COMPLIANCE_LEAD token that acts for no named person (token:create --role) uploads and cannot accept.
  const ci = await tokenCaller("COMPLIANCE_LEAD");
  const byToken = (await scratchEvidence(ci, { title: "SoD ci" })).id;
  const engineers = (await scratchEvidence(engineer, { title: "SoD engineer's" })).id;
  before = await fingerprint();
  for (const id of [byToken, engineers]) await assert.rejects(review(id, "accept", ci), forbidden(/acts for no named person/));
  assert.equal(await fingerprint(), before, "a token for no one reviews nothing");
  // The lead did not upload the token's evidence: the lead reviews it, as a named person.
  await review(byToken, "accept", lead);
  assert.deepEqual(await evidenceRow(byToken), { status: "ACCEPTED", uploader: null, reviewer: leadUser.email, selfReviewed: false });

  // A token acting for the lead: its uploads are the lead's, so the lead cannot review them in the
  // browser's session either; its review of the engineer's evidence is the lead's review.
  const actsForLead = await tokenCaller("COMPLIANCE_LEAD", { user: leadUser });
  const leadsViaToken = (await scratchEvidence(actsForLead, { title: "SoD lead via token" })).id;
  assert.equal((await evidenceRow(leadsViaToken)).uploader, leadUser.email);
  await assert.rejects(review(leadsViaToken, "accept", lead), forbidden(/segregation of duties/));
  const reviewed = await review(engineers, "accept", actsForLead);
  assert.deepEqual([reviewed.reviewedBy, reviewed.selfReviewed], [leadUser.email, false]);
  const audit = await queryOn<{ actorId: string; actorKind: string }>(
    ownerUrl(),
    `SELECT "actorId", "actorKind" FROM "AuditLogEntry" WHERE action = 'evidence.accepted' AND "entityId" = $1`,
    [engineers],
  );
  assert.deepEqual(
    audit.map((r) => ({ ...r })),
    [{ actorId: leadUser.id, actorKind: "user" }],
    "the audit log names the person the token acts for",
  );
});
