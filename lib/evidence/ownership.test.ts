import assert from "node:assert/strict";
import { test } from "node:test";
import { tokenPrincipal, userPrincipal } from "@/lib/auth/principal";
import { canCorrectEvidence, canReviewEvidence, canWithdrawEvidence } from "@/lib/evidence/ownership";
import type { RoleName } from "@/lib/permissions";

const byPerson = { uploadedById: "u1", uploadedByTokenId: null };
const byToken = { uploadedById: null, uploadedByTokenId: "t1" };

const person = (id: string, role: RoleName = "ENGINEER") => userPrincipal({ id, email: `${id}@example.com`, name: id, role });
const token = (id: string, role: RoleName, options: { scopes?: string[]; forUser?: string } = {}) =>
  tokenPrincipal({
    id,
    name: id,
    role,
    scopes: options.scopes ?? [],
    user: options.forUser ? { id: options.forUser, email: `${options.forUser}@example.com`, name: options.forUser } : null,
  });

test("the uploader, person or token, may withdraw or correct their own evidence", () => {
  assert.equal(canWithdrawEvidence(byPerson, person("u1")).ok, true);
  assert.equal(canWithdrawEvidence(byToken, token("t1", "ENGINEER")).ok, true);
  assert.equal(canCorrectEvidence(byPerson, person("u1")).ok, true);
});

test("anyone else needs evidence:review, as the caller holds it (a token's scopes count)", () => {
  assert.equal(canWithdrawEvidence(byPerson, person("u2")).ok, false);
  assert.equal(canWithdrawEvidence(byPerson, token("t1", "ENGINEER")).ok, false, "a person's token is not the person");
  assert.equal(canWithdrawEvidence(byToken, person("u1")).ok, false);
  assert.equal(canWithdrawEvidence(byToken, token("t2", "COMPLIANCE_LEAD")).ok, true);
  assert.equal(canWithdrawEvidence(byPerson, person("u2", "COMPLIANCE_LEAD")).ok, true);
  // A lead's token narrowed to evidence:write does not review, so it cannot change others' evidence.
  const narrowed = canWithdrawEvidence(byPerson, token("t2", "COMPLIANCE_LEAD", { scopes: ["evidence:write"] }));
  assert.equal(narrowed.ok, false);
  assert.match((narrowed as { reason: string }).reason, /Only whoever uploaded this evidence/);
  assert.match((canCorrectEvidence(byPerson, person("u2")) as { reason: string }).reason, /can correct it/);
  // Nobody matches an evidence row with no uploader by accident (null is not an id).
  assert.equal(canWithdrawEvidence({ uploadedById: null, uploadedByTokenId: null }, token("t3", "ENGINEER")).ok, false);
  // An auditor changes nothing, not even what carries their id.
  assert.equal(canWithdrawEvidence({ uploadedById: "a1", uploadedByTokenId: null }, person("a1", "AUDITOR")).ok, false);
});

test("nobody reviews what they uploaded: as a person, through a token acting for them, or with the same token", () => {
  const lead = (id: string) => person(id, "COMPLIANCE_LEAD");
  assert.equal(canReviewEvidence(byPerson, lead("u1"), false).ok, false, "the same person in the browser");
  assert.equal(
    canReviewEvidence(byPerson, token("t9", "COMPLIANCE_LEAD", { forUser: "u1" }), false).ok,
    false,
    "a token acting for the uploader",
  );
  assert.equal(
    canReviewEvidence({ uploadedById: "u1", uploadedByTokenId: "t1" }, token("t1", "COMPLIANCE_LEAD", { forUser: "u2" }), false).ok,
    false,
    "the token that uploaded",
  );
  assert.deepEqual(canReviewEvidence(byPerson, lead("u2"), false), { ok: true, selfReviewed: false, reviewerId: "u2" });
  assert.deepEqual(canReviewEvidence(byToken, lead("u1"), false), { ok: true, selfReviewed: false, reviewerId: "u1" });
  assert.equal(canReviewEvidence(byToken, person("u1", "ENGINEER"), false).ok, false, "reviewing needs evidence:review");
});

test("a token that acts for no named person cannot review, even its role's evidence of others, even with self-review allowed", () => {
  for (const allow of [false, true]) {
    const verdict = canReviewEvidence(byPerson, token("t2", "COMPLIANCE_LEAD"), allow);
    assert.equal(verdict.ok, false);
    assert.match((verdict as { reason: string }).reason, /acts for no named person/);
  }
});

test("with self-review allowed, the uploader may review and the review is marked self-reviewed", () => {
  const lead = (id: string) => person(id, "COMPLIANCE_LEAD");
  assert.deepEqual(canReviewEvidence(byPerson, lead("u1"), true), { ok: true, selfReviewed: true, reviewerId: "u1" });
  assert.deepEqual(canReviewEvidence(byPerson, lead("u2"), true), { ok: true, selfReviewed: false, reviewerId: "u2" });
});
