// Who may withdraw or correct a piece of evidence: whoever uploaded it (the same person, or the
// same API token), or a caller that may review evidence. `mayReview` is the caller's own answer
// (caller.may("evidence:review")), so a token's scopes count, not only its role. No I/O.

export interface EvidenceUploader {
  uploadedById: string | null;
  uploadedByTokenId: string | null;
}

export interface EvidenceCaller {
  userId: string | null;
  tokenId: string | null;
  mayReview: boolean;
}

export function isUploader(evidence: EvidenceUploader, caller: Pick<EvidenceCaller, "userId" | "tokenId">): boolean {
  return (
    (caller.userId !== null && evidence.uploadedById === caller.userId) ||
    (caller.tokenId !== null && evidence.uploadedByTokenId === caller.tokenId)
  );
}

/** Withdrawal and correction follow one rule. */
export function mayChangeEvidence(evidence: EvidenceUploader, caller: EvidenceCaller): boolean {
  return caller.mayReview || isUploader(evidence, caller);
}

export const notYoursToChange = (verb: "withdraw" | "correct") =>
  `Only whoever uploaded this evidence (the same person or API token), or someone who may review evidence (evidence:review), can ${verb} it.`;

// Segregation of duties (docs/security/segregation-of-duties.md): nobody reviews evidence they
// uploaded themselves (as a person, or through a token acting for them, or the same token), and a
// review needs a named person, so a token that acts for nobody cannot review at all. An
// organisation may allow self-review for a one-person team; such a review is then marked.

export interface ReviewCaller {
  /** The person the caller is or acts for; null for a token that acts for no named person. */
  userId: string | null;
  tokenId: string | null;
}

export type ReviewVerdict = { ok: true; selfReviewed: boolean } | { ok: false; message: string };

export function reviewVerdict(evidence: EvidenceUploader, caller: ReviewCaller, allowSelfReview: boolean): ReviewVerdict {
  if (caller.userId === null) {
    return {
      ok: false,
      message:
        "This API token acts for no named person, so it cannot accept or reject evidence: a review needs a reviewer. Review in the browser, or use a token made to act for you (token:create --user, or Settings → API tokens → Acts for).",
    };
  }
  if (!isUploader(evidence, caller)) return { ok: true, selfReviewed: false };
  if (allowSelfReview) return { ok: true, selfReviewed: true };
  return {
    ok: false,
    message:
      "You uploaded this evidence, so someone else must review it (segregation of duties). To take it back, withdraw it. For a one-person team, an admin can allow self-review in Settings → Organisation; such reviews are marked self-reviewed.",
  };
}
