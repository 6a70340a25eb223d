import assert from "node:assert/strict";
import { test } from "node:test";
import { mayChangeEvidence } from "@/lib/evidence/ownership";

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
