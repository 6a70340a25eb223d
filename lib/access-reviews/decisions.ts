import type { DecisionInput, RevocationInput } from "@/lib/validations/access-review";
import { db, type Tx } from "@/lib/db";
import { appendAudit } from "@/lib/audit-log/append";
import type { Principal } from "@/lib/auth/principal";
import { enforce } from "@/lib/auth/verdict";
import { actsAsPerson, canDecideItem, canMarkRevocationDone } from "@/lib/access-reviews/caller-rules";
import { AppError } from "@/lib/errors";
import { dateIn, organisationTimeZone } from "@/lib/org-time";
import { doneOnProblem, needsFollowUp } from "@/lib/access-reviews/revocations";

// Reviewers' decisions on access-review items, and the follow-up of the revocations they ask for.
// A decision may change until the access review is signed off; after that only the follow-up (marking
// a revocation done) is recorded, because it reports what happened, not a change to the review.

export const signedOffConflict = () => new AppError("CONFLICT", "This access review is signed off; nothing in it can change.");
const notStarted = () => new AppError("CONFLICT", "This access review has not started yet: its items are decided once it is started.");

async function lockedItem(tx: Tx, reviewId: string, itemId: string) {
  // The access review row is locked first (sign-off takes the same lock), then the item.
  await tx.$queryRaw`SELECT id FROM "AccessReview" WHERE id = ${reviewId}::uuid FOR UPDATE`;
  const item = await tx.accessReviewItem.findFirst({
    where: { id: itemId, reviewId },
    include: {
      review: { select: { id: true, status: true, signedOffAt: true } },
      reviewer: { select: { email: true } },
      decidedBy: { select: { email: true } },
    },
  });
  if (!item) throw new AppError("NOT_FOUND", `There is no item ${itemId} in access review ${reviewId}.`);
  return item;
}

const snapshot = (i: {
  decision: string | null;
  comment: string | null;
  selfJustification: string | null;
  decidedAt: Date | null;
  decidedBy?: { email: string } | null;
}) => ({
  decision: i.decision,
  comment: i.comment,
  selfJustification: i.selfJustification,
  decidedAt: i.decidedAt?.toISOString() ?? null,
  decidedBy: i.decidedBy?.email ?? null,
});

async function dbNow(tx: Tx): Promise<Date> {
  const [{ now }] = await tx.$queryRaw<{ now: Date }[]>`SELECT date_trunc('milliseconds', clock_timestamp()) AS now`;
  return now;
}

/**
 * Decides (or re-decides) one item: only while the access review is in progress, only by the item's
 * reviewer, always with a comment, and with a justification when the access is the reviewer's own.
 */
export async function decideItem(reviewId: string, itemId: string, input: DecisionInput, caller: Principal) {
  enforce(actsAsPerson(caller, "An access-review decision"));
  return db.$transaction(async (tx) => {
    const item = await lockedItem(tx, reviewId, itemId);
    if (item.review.status === "SIGNED_OFF") throw signedOffConflict();
    if (item.review.status !== "IN_PROGRESS") throw notStarted();
    const { userId } = enforce(canDecideItem({ reviewerId: item.reviewerId, reviewerEmail: item.reviewer?.email ?? null }, caller));
    const own = item.principalUserId === userId;
    if (own && !input.selfJustification) {
      const message =
        "This access is your own: a self-review justification (selfJustification) is required, saying why you are the right person to decide it.";
      throw new AppError("UNPROCESSABLE", message, { selfJustification: [message] });
    }
    if (item.revocationDoneAt && input.decision !== item.decision) {
      throw new AppError(
        "CONFLICT",
        `The ${item.decision?.toLowerCase()} of this access was already marked done on ${item.revocationDoneAt.toISOString().slice(0, 10)}; the decision stays.`,
      );
    }
    const before = snapshot(item);
    const updated = await tx.accessReviewItem.update({
      where: { id: item.id },
      data: {
        decision: input.decision,
        comment: input.comment,
        selfJustification: own ? input.selfJustification! : null,
        decidedAt: await dbNow(tx),
        decidedById: userId,
      },
      include: { decidedBy: { select: { email: true } } },
    });
    const after = snapshot(updated);
    await appendAudit(tx, caller.actor, {
      action: item.decision ? "access-review.item-redecided" : "access-review.item-decided",
      entityType: "AccessReviewItem",
      entityId: item.id,
      before: item.decision ? before : null,
      after: { reviewId, principal: item.principal, resource: item.resource, selfReview: own, ...after },
    });
    return { id: updated.id, reviewId, principal: item.principal, resource: item.resource, selfReview: own, ...after };
  });
}

/**
 * Marks a revocation (or modification) done: by a compliance lead or the item's reviewer, on a
 * access review in progress or signed off, with the date it was done (not before the decision, not in
 * the future) and an optional note. Once done it stays done.
 */
export async function markRevocationDone(reviewId: string, itemId: string, input: RevocationInput, caller: Principal) {
  enforce(actsAsPerson(caller, "Marking a revocation done"));
  const timeZone = await organisationTimeZone();
  return db.$transaction(async (tx) => {
    const item = await lockedItem(tx, reviewId, itemId);
    const { userId } = enforce(canMarkRevocationDone(item, caller));
    if (item.review.status === "DRAFT") throw notStarted();
    if (!needsFollowUp(item.decision)) {
      throw new AppError(
        "CONFLICT",
        item.decision ? "This access was kept: there is nothing to revoke." : "This item is not decided yet: nothing to mark done.",
      );
    }
    if (item.revocationDoneAt) {
      throw new AppError("CONFLICT", `This was already marked done on ${item.revocationDoneAt.toISOString().slice(0, 10)}.`);
    }
    const now = await dbNow(tx);
    const problem = doneOnProblem(input.doneOn, item.decidedAt ? dateIn(timeZone, item.decidedAt) : null, dateIn(timeZone, now));
    if (problem) throw new AppError("VALIDATION", problem, { doneOn: [problem] });
    await tx.accessReviewItem.update({
      where: { id: item.id },
      data: { revocationDoneAt: new Date(`${input.doneOn}T00:00:00Z`), revocationDoneById: userId, revocationNote: input.note ?? null },
    });
    const after = {
      reviewId,
      principal: item.principal,
      resource: item.resource,
      decision: item.decision,
      doneOn: input.doneOn,
      note: input.note ?? null,
    };
    await appendAudit(tx, caller.actor, {
      action: "access-review.revocation-done",
      entityType: "AccessReviewItem",
      entityId: item.id,
      before: { doneOn: null },
      after,
    });
    return { id: item.id, ...after, doneBy: caller.actor.email };
  });
}
