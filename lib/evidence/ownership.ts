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
