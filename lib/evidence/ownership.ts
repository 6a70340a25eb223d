import type { Principal } from "@/lib/auth/principal";
import { allowed, refused, type Verdict } from "@/lib/auth/verdict";

// Who may withdraw, correct or review a piece of evidence. Pure predicates of the evidence and the
// Principal, used by the pages (to show the button or the reason) and by lib/evidence/service.ts
// (enforce). A token's scopes count, because the Principal's may() applies them. No I/O.

export interface EvidenceUploader {
  uploadedById: string | null;
  uploadedByTokenId: string | null;
}

/** The same person (in the browser or through a token acting for them), or the same API token. */
export function isUploader(evidence: EvidenceUploader, principal: Principal): boolean {
  return (
    (principal.user !== null && evidence.uploadedById === principal.user.id) ||
    (principal.token !== null && evidence.uploadedByTokenId === principal.token.id)
  );
}

const notYoursToChange = (verb: "withdraw" | "correct") =>
  `Only whoever uploaded this evidence (the same person or API token), or someone who may review evidence (evidence:review), can ${verb} it.`;

/** Withdrawal and correction follow one rule: whoever uploaded it, or a caller that may review evidence. */
function canChange(evidence: EvidenceUploader, principal: Principal, verb: "withdraw" | "correct"): Verdict {
  if (!principal.may("evidence:write"))
    return refused(`Your access does not allow changing evidence (evidence:write), so you cannot ${verb} it.`);
  if (principal.may("evidence:review") || isUploader(evidence, principal)) return allowed;
  return refused(notYoursToChange(verb));
}

export const canWithdrawEvidence = (evidence: EvidenceUploader, principal: Principal) => canChange(evidence, principal, "withdraw");
export const canCorrectEvidence = (evidence: EvidenceUploader, principal: Principal) => canChange(evidence, principal, "correct");

// Segregation of duties (docs/security/segregation-of-duties.md): nobody reviews evidence they
// uploaded themselves (as a person, or through a token acting for them, or the same token), and a
// review needs a named person, so a token that acts for nobody cannot review at all. An
// organisation may allow self-review for a one-person team; such a review is then marked.

export function canReviewEvidence(
  evidence: EvidenceUploader,
  principal: Principal,
  allowSelfReview: boolean,
): Verdict<{ selfReviewed: boolean; reviewerId: string }> {
  if (!principal.may("evidence:review")) return refused("Your access does not allow reviewing evidence (evidence:review).");
  if (principal.user === null) {
    return refused(
      "This API token acts for no named person, so it cannot accept or reject evidence: a review needs a reviewer. Review in the browser, or use a token made to act for you (token:create --user, or Settings → API tokens → Acts for).",
    );
  }
  const reviewerId = principal.user.id;
  if (!isUploader(evidence, principal)) return { ok: true, selfReviewed: false, reviewerId };
  if (allowSelfReview) return { ok: true, selfReviewed: true, reviewerId };
  return refused(
    "You uploaded this evidence, so someone else must review it (segregation of duties). To take it back, withdraw it. For a one-person team, an admin can allow self-review in Settings → Organisation; such reviews are marked self-reviewed.",
  );
}
