import { accessReviewWhere, type Scope } from "@/lib/auth/scope";
import "server-only";
import { db } from "@/lib/db";
import { dateIn, organisationTimeZone } from "@/lib/org-time";
import { reviewProgress } from "@/lib/access-reviews/service";
import { isRevocationOverdue, revocationDueOn } from "@/lib/access-reviews/revocations";
import { itemAccess } from "@/lib/access-reviews/record";
import { credentialsToJson } from "@/lib/access-reviews/queries";

// Reads for the reviewer's inbox, the sign-off section, the revocation list and the printable record.

export const INBOX_PAGE_SIZE = 50;
export const REVOCATIONS_PAGE_SIZE = 50;

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

/** How many items wait for this user's decision (the "My inbox (N)" link). */
export function openInboxCount(userId: string): Promise<number> {
  return db.accessReviewItem.count({ where: { reviewerId: userId, decision: null, review: { status: "IN_PROGRESS" } } });
}

/** The user's items in access reviews in progress, undecided first, grouped by access review, 50 a page. */
export async function inboxPage(userId: string, page: number) {
  const where = { reviewerId: userId, review: { status: "IN_PROGRESS" as const } };
  const [total, open, items] = await Promise.all([
    db.accessReviewItem.count({ where }),
    db.accessReviewItem.count({ where: { ...where, decision: null } }),
    db.accessReviewItem.findMany({
      where,
      orderBy: [{ review: { dueDate: { sort: "asc", nulls: "last" } } }, { reviewId: "asc" }, { position: "asc" }, { id: "asc" }],
      skip: (page - 1) * INBOX_PAGE_SIZE,
      take: INBOX_PAGE_SIZE,
      include: { review: { select: { id: true, name: true, quarter: true, dueDate: true } } },
    }),
  ]);
  const reviewIds = [...new Set(items.map((i) => i.reviewId))];
  const progress = await db.accessReviewItem.groupBy({
    by: ["reviewId"],
    where: { reviewerId: userId, reviewId: { in: reviewIds } },
    _count: { _all: true, decision: true },
  });
  const groups = reviewIds.map((id) => {
    const rows = items.filter((i) => i.reviewId === id);
    const p = progress.find((g) => g.reviewId === id);
    return {
      review: { ...rows[0].review, dueDate: day(rows[0].review.dueDate) },
      done: p?._count.decision ?? 0,
      total: p?._count._all ?? rows.length,
      items: rows.map((i) => ({
        id: i.id,
        ...itemAccess(i),
        ...credentialsToJson(i),
        own: i.principalUserId === userId,
        reviewerId: i.reviewerId,
        decision: i.decision,
        comment: i.comment,
        selfJustification: i.selfJustification,
        decidedAt: i.decidedAt?.toISOString() ?? null,
      })),
    };
  });
  return { total, open, groups, pageCount: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)) };
}

const revocationInclude = {
  review: { select: { id: true, name: true, quarter: true, status: true, signedOffAt: true } },
  reviewer: { select: { email: true, name: true } },
  decidedBy: { select: { email: true } },
  revocationDoneBy: { select: { email: true } },
} as const;

/** Revocations and modifications, open ones first; one access review's or all started access reviews'. */
export async function listRevocations(options: { reviewId?: string | null; state?: "open" | "all"; page?: number }, scope: Scope) {
  const timeZone = await organisationTimeZone();
  const where = {
    decision: { in: ["REVOKE" as const, "MODIFY" as const] },
    review: { AND: [{ status: { in: ["IN_PROGRESS" as const, "SIGNED_OFF" as const] } }, accessReviewWhere(scope)] },
    ...(options.reviewId ? { reviewId: options.reviewId } : {}),
    ...(options.state === "open" ? { revocationDoneAt: null } : {}),
  };
  const page = options.page ?? 1;
  const [total, rows] = await Promise.all([
    db.accessReviewItem.count({ where }),
    db.accessReviewItem.findMany({
      where,
      orderBy: [
        { revocationDoneAt: { sort: "desc", nulls: "first" } },
        { review: { signedOffAt: { sort: "asc", nulls: "last" } } },
        { decidedAt: "asc" },
        { id: "asc" },
      ],
      skip: (page - 1) * REVOCATIONS_PAGE_SIZE,
      take: REVOCATIONS_PAGE_SIZE,
      include: revocationInclude,
    }),
  ]);
  const today = dateIn(timeZone);
  const items = rows.map((i) => {
    const signedOffOn = i.review.signedOffAt ? dateIn(timeZone, i.review.signedOffAt) : null;
    const doneOn = day(i.revocationDoneAt);
    return {
      id: i.id,
      review: { id: i.review.id, name: i.review.name, quarter: i.review.quarter, status: i.review.status },
      principal: i.principal,
      resource: i.resource,
      accessLevel: i.accessLevel,
      decision: i.decision!,
      comment: i.comment,
      reviewerId: i.reviewerId,
      reviewer: i.reviewer?.email ?? null,
      decidedOn: i.decidedAt ? dateIn(timeZone, i.decidedAt) : null,
      decidedBy: i.decidedBy?.email ?? null,
      signedOffOn,
      dueOn: revocationDueOn(signedOffOn),
      doneOn,
      doneBy: i.revocationDoneBy?.email ?? null,
      note: i.revocationNote,
      overdue: isRevocationOverdue({ decision: i.decision, doneOn, signedOffOn }, today),
    };
  });
  return { items, total, today, pageCount: Math.max(1, Math.ceil(total / REVOCATIONS_PAGE_SIZE)) };
}

export type RevocationRow = Awaited<ReturnType<typeof listRevocations>>["items"][number];

/** What the sign-off section needs: the access review's state, its counts and its record. */
export async function signOffState(reviewId: string) {
  const review = await db.accessReview.findUnique({
    where: { id: reviewId },
    include: {
      signedOffBy: { select: { email: true } },
      evidence: { select: { id: true, fileSha256: true, fileName: true, status: true } },
    },
  });
  if (!review) return null;
  const { total, decided } = await reviewProgress(db, reviewId);
  return {
    id: review.id,
    name: review.name,
    quarter: review.quarter,
    status: review.status,
    total,
    decided,
    signedOffAt: review.signedOffAt?.toISOString() ?? null,
    signOffName: review.signOffName,
    signedOffBy: review.signedOffBy?.email ?? null,
    signOffStatement: review.signOffStatement,
    evidence: review.evidence,
  };
}

/** The printable record: the access review, every item in import order, the sign-off and the stored file. */
export async function recordView(reviewId: string, scope: Scope) {
  const review = await db.accessReview.findFirst({
    where: { AND: [{ id: reviewId }, accessReviewWhere(scope)] },
    include: {
      signedOffBy: { select: { email: true } },
      createdBy: { select: { email: true } },
      evidence: { include: { file: true, control: { select: { code: true } } } },
      features: { include: { feature: { select: { slug: true, name: true } } } },
      items: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        include: { reviewer: { select: { email: true } }, decidedBy: { select: { email: true } } },
      },
    },
  });
  return review;
}
