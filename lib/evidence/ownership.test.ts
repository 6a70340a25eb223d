import assert from "node:assert/strict";
import { test } from "node:test";
import { mayChangeEvidence, reviewVerdict } from "@/lib/evidence/ownership";

const byPerson = { uploadedById: "u1", uploadedByTokenId: null };
const byToken = { uploadedById: null, uploadedByTokenId: "t1" };

test("the uploader, person or token, may withdraw or correct their own evidence", () => {
  assert.equal(mayChangeEvidence(byPerson, { userId: "u1", tokenId: null, mayReview: false }), true);
  assert.equal(mayChangeEvidence(byToken, { userId: null, tokenId: "t1", mayReview: false }), true);
});

test("anyone else needs evidence:review, as the caller holds it", () => {
  assert.equal(mayChangeEvidence(byPerson, { userId: "u2", tokenId: null, mayReview: false }), false);
  assert.equal(mayChangeEvidence(byPerson, { userId: null, tokenId: "t1", mayReview: false }), false, "a person's token is not the person");
  assert.equal(mayChangeEvidence(byToken, { userId: "u1", tokenId: null, mayReview: false }), false);
  assert.equal(mayChangeEvidence(byToken, { userId: null, tokenId: "t2", mayReview: true }), true);
  // Nobody matches an evidence row with no uploader by accident (null is not an id).
  assert.equal(
    mayChangeEvidence({ uploadedById: null, uploadedByTokenId: null }, { userId: null, tokenId: null, mayReview: false }),
    false,
  );
});

test("nobody reviews what they uploaded: as a person, through a token acting for them, or with the same token", () => {
  const refused = (v: ReturnType<typeof reviewVerdict>) => v.ok === false;
  assert.ok(refused(reviewVerdict(byPerson, { userId: "u1", tokenId: null }, false)), "the same person in the browser");
  assert.ok(refused(reviewVerdict(byPerson, { userId: "u1", tokenId: "t9" }, false)), "a token acting for the uploader");
  assert.ok(
    refused(reviewVerdict({ uploadedById: "u1", uploadedByTokenId: "t1" }, { userId: "u2", tokenId: "t1" }, false)),
    "the token that uploaded",
  );
  assert.deepEqual(reviewVerdict(byPerson, { userId: "u2", tokenId: null }, false), { ok: true, selfReviewed: false });
  assert.deepEqual(reviewVerdict(byToken, { userId: "u1", tokenId: null }, false), { ok: true, selfReviewed: false });
});

test("a token that acts for no named person cannot review, even its role's evidence of others, even with self-review allowed", () => {
  for (const allow of [false, true]) {
    const verdict = reviewVerdict(byPerson, { userId: null, tokenId: "t2" }, allow);
    assert.equal(verdict.ok, false);
    assert.match((verdict as { message: string }).message, /acts for no named person/);
  }
});

test("with self-review allowed, the uploader may review and the review is marked self-reviewed", () => {
  assert.deepEqual(reviewVerdict(byPerson, { userId: "u1", tokenId: null }, true), { ok: true, selfReviewed: true });
  assert.deepEqual(reviewVerdict(byPerson, { userId: "u2", tokenId: null }, true), { ok: true, selfReviewed: false });
});
