import { accessReviewWhere, type Scope } from "@/lib/auth/scope";
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { activeFeatureChoices } from "@/lib/features/queries";
import { organisationToday } from "@/lib/org-time";
import { loadReview, reviewInclude, reviewProgress, reviewToJson, type ReviewJson } from "@/lib/access-reviews/service";
import { nextAccessReview } from "@/lib/access-reviews/schedule";
import { ITEM_PAGE_SIZE } from "@/lib/validations/access-review";
import { rolesWith } from "@/lib/permissions";
import type { CredentialFlagName, IamCredentials } from "@/lib/access-reviews/iam-credentials";

/** What the import kept about the principal's credentials, the time it was judged at, and the flags then. */
export function credentialsToJson(i: { credentials: unknown; credentialsAsOf: Date | null; flags: CredentialFlagName[] }) {
  return {
    credentials: (i.credentials ?? null) as IamCredentials | null,
    credentialsAsOf: i.credentialsAsOf?.toISOString() ?? null,
    flags: i.flags,
  };
}

// Reads for the access review pages and the API.

export async function listReviews(scope: Scope): Promise<ReviewJson[]> {
  const [reviews, totals, decided] = await Promise.all([
    db.accessReview.findMany({
      where: accessReviewWhere(scope),
      include: reviewInclude,
      orderBy: [{ quarter: "desc" }, { createdAt: "desc" }],
    }),
    db.accessReviewItem.groupBy({ by: ["reviewId"], _count: { _all: true } }),
    db.accessReviewItem.groupBy({ by: ["reviewId"], where: { decision: { not: null } }, _count: { _all: true } }),
  ]);
  const count = (rows: typeof totals, id: string) => rows.find((r) => r.reviewId === id)?._count._all ?? 0;
  return reviews.map((r) => reviewToJson(r, { decided: count(decided, r.id), total: count(totals, r.id) }));
}

/** One access review, or null: unknown, or outside the caller's scope. */
export async function getReview(id: string, scope: Scope): Promise<ReviewJson | null> {
  if (!scope.all && !(await db.accessReview.count({ where: { AND: [{ id }, accessReviewWhere(scope)] } }))) return null;
  const review = await loadReview(db, id);
  return review ? reviewToJson(review, await reviewProgress(db, id)) : null;
}

/** An access review with its sign-off evidence and that evidence's stored file (its record), or null. */
export function reviewWithRecord(id: string, scope: Scope) {
  return db.accessReview.findFirst({
    where: { AND: [{ id }, accessReviewWhere(scope)] },
    include: { evidence: { include: { file: true } } },
  });
}

export const DECISION_FILTERS = ["KEEP", "REVOKE", "MODIFY", "undecided"] as const;
export type DecisionFilter = (typeof DECISION_FILTERS)[number];

export interface ItemQuery {
  page: number;
  /** A reviewer's e-mail, or "none" for unassigned items. */
  reviewer?: string;
  decision?: DecisionFilter;
  pageSize?: number;
}

export function itemToJson(i: Prisma.AccessReviewItemGetPayload<{ include: typeof itemInclude }>) {
  return {
    id: i.id,
    position: i.position,
    principal: i.principal,
    principalKind: i.principalKind,
    principalUser: i.principalUser?.email ?? null,
    resource: i.resource,
    resourceKind: i.resourceKind,
    accessLevel: i.accessLevel,
    source: i.source,
    reviewer: i.reviewer?.email ?? null,
    decision: i.decision,
    comment: i.comment,
    selfJustification: i.selfJustification,
    decidedAt: i.decidedAt?.toISOString() ?? null,
    decidedBy: i.decidedBy?.email ?? null,
    ...credentialsToJson(i),
    raw: i.raw,
  };
}
export type ItemJson = ReturnType<typeof itemToJson>;

const itemInclude = {
  reviewer: { select: { email: true } },
  principalUser: { select: { email: true } },
  decidedBy: { select: { email: true } },
} as const;

/** One page of an access review's items in import order, filtered by reviewer and decision. */
export async function listItems(reviewId: string, q: ItemQuery): Promise<{ rows: ItemJson[]; total: number; pageCount: number }> {
  const size = q.pageSize ?? ITEM_PAGE_SIZE;
  const where: Prisma.AccessReviewItemWhereInput = {
    reviewId,
    ...(q.reviewer === "none" ? { reviewerId: null } : q.reviewer ? { reviewer: { email: q.reviewer.toLowerCase() } } : {}),
    ...(q.decision === "undecided" ? { decision: null } : q.decision ? { decision: q.decision } : {}),
  };
  const [total, rows] = await Promise.all([
    db.accessReviewItem.count({ where }),
    db.accessReviewItem.findMany({
      where,
      include: itemInclude,
      orderBy: [{ position: "asc" }, { id: "asc" }],
      skip: (q.page - 1) * size,
      take: size,
    }),
  ]);
  return { rows: rows.map(itemToJson), total, pageCount: Math.max(1, Math.ceil(total / size)) };
}

/** Every item of an access review (the API's detail), in import order. */
export async function allItems(reviewId: string): Promise<ItemJson[]> {
  const rows = await db.accessReviewItem.findMany({
    where: { reviewId },
    include: itemInclude,
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  return rows.map(itemToJson);
}

/** The accounts that may review (enabled engineers, leads and admins), for the assign forms. */
export function reviewerChoices() {
  return db.user.findMany({
    where: { role: { in: rolesWith("access-reviews:decide") }, disabledAt: null },
    select: { email: true, name: true, role: true },
    orderBy: { email: "asc" },
  });
}

/** The reviewers that items of an access review have, for the filter. */
export async function reviewersOf(reviewId: string): Promise<string[]> {
  const rows = await db.accessReviewItem.findMany({
    where: { reviewId, reviewerId: { not: null } },
    distinct: ["reviewerId"],
    select: { reviewer: { select: { email: true } } },
  });
  return rows.map((r) => r.reviewer!.email).sort();
}

/** Every account as the CSV preview needs it (principal matching, reviewer checks), ids omitted. */
export async function importDirectory() {
  const users = await db.user.findMany({ select: { email: true, role: true, disabledAt: true } });
  return users.map((u) => ({ id: "", email: u.email, role: u.role, disabled: u.disabledAt !== null }));
}

export function featureChoices() {
  return activeFeatureChoices();
}

/** The next quarterly access review (the current quarter unless covered or open), and the quarters missed. */
export async function accessReviewSchedule() {
  const [reviews, today] = await Promise.all([
    db.accessReview.findMany({ select: { quarter: true, status: true, performedIn: true } }),
    organisationToday(),
  ]);
  return { ...nextAccessReview(reviews, today), today };
}

/** What stands between a draft and its start: items, unassigned ones, reviewers who can no longer decide. */
export async function startReadiness(reviewId: string) {
  const [total, unassigned, ineligible] = await Promise.all([
    db.accessReviewItem.count({ where: { reviewId } }),
    db.accessReviewItem.count({ where: { reviewId, reviewerId: null } }),
    db.accessReviewItem.count({
      where: { reviewId, reviewer: { OR: [{ role: { notIn: rolesWith("access-reviews:decide") } }, { disabledAt: { not: null } }] } },
    }),
  ]);
  const why =
    total === 0
      ? "Add or import at least one item to start."
      : unassigned
        ? `${unassigned} item${unassigned === 1 ? " has" : "s have"} no reviewer yet.`
        : ineligible
          ? `${ineligible} item${ineligible === 1 ? "'s reviewer" : "s' reviewers"} can no longer decide: reassign them.`
          : null;
  return { total, unassigned, ineligible, ready: why === null, why };
}
