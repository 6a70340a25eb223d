import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { EVERYTHING, scopeOf } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { awaitingReviewCount } from "@/lib/evidence/queries";
import { openPeriods } from "@/lib/exceptions/unanswered";
import { organisationToday } from "@/lib/org-time";
import { periodCoverage } from "@/lib/periods/coverage";
import { currentPeriod } from "@/lib/periods/current";
import { listPeriods } from "@/lib/periods/service";
import { isReadyToSignOff, slotsToDo, todoItems, type TodoFacts, type TodoItem } from "@/lib/dashboard/todo-rules";

// The facts behind a person's to-do list (lib/dashboard/todo-rules.ts, docs/dashboard.md), each read
// only when the person may act on it, and the counts the navigation shows beside its sections.

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const REJECTED_SHOWN = 20;

/** Undecided items assigned to the user, per access review in progress. */
async function itemsToDecide(userId: string): Promise<TodoFacts["decide"]> {
  const groups = await db.accessReviewItem.groupBy({
    by: ["reviewId"],
    where: { reviewerId: userId, decision: null, review: { status: "IN_PROGRESS" } },
    _count: { _all: true },
  });
  if (groups.length === 0) return [];
  const reviews = await db.accessReview.findMany({
    where: { id: { in: groups.map((g) => g.reviewId) } },
    select: { id: true, name: true, dueDate: true },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { name: "asc" }],
  });
  const open = new Map(groups.map((g) => [g.reviewId, g._count._all]));
  return reviews.map((r) => ({ reviewId: r.id, reviewName: r.name, open: open.get(r.id) ?? 0, dueDate: day(r.dueDate) }));
}

/**
 * The slots of the controls the user owns (a control's owner is their e-mail or their name) in the
 * current period, unless it is locked (its slots are frozen: nothing can be done about them).
 */
async function ownSlots(user: { email: string; name: string }, today: string): Promise<TodoFacts["slots"]> {
  const owned = await db.control.findMany({
    where: { OR: [{ owner: { equals: user.email, mode: "insensitive" } }, { owner: { equals: user.name, mode: "insensitive" } }] },
    select: { code: true, title: true, frequency: true },
    orderBy: { code: "asc" },
  });
  if (owned.length === 0) return [];
  const period = currentPeriod(await listPeriods(EVERYTHING), today);
  if (!period || (await db.periodLock.findUnique({ where: { periodId: period.id }, select: { periodId: true } }))) return [];
  const coverage = await periodCoverage(period.id, { today, listEvidence: false, controls: owned.map((c) => c.code) });
  return owned.flatMap((c) => {
    const item = coverage.items.find((i) => i.control === c.code);
    const todo = item ? slotsToDo(c, item.slots, today) : null;
    return todo ? [todo] : [];
  });
}

/** The latest version of the user's evidence that was rejected: a correction replaces it. */
const rejectedWhere = (userId: string) => ({ uploadedById: userId, status: "REJECTED" as const, supersededBy: null });

async function rejectedEvidence(userId: string): Promise<TodoFacts["rejected"]> {
  const rows = await db.evidence.findMany({
    where: rejectedWhere(userId),
    select: { id: true, title: true, reviewReason: true, control: { select: { code: true } } },
    orderBy: [{ reviewedAt: "desc" }, { id: "asc" }],
    take: REJECTED_SHOWN,
  });
  return rows.map((e) => ({ id: e.id, title: e.title, control: e.control.code, reason: e.reviewReason }));
}

/** Access reviews in progress whose every item is decided and whose quarter has begun. */
async function readyToSignOff(today: string): Promise<TodoFacts["signOff"]> {
  const rows = await db.accessReview.findMany({
    where: { status: "IN_PROGRESS", items: { some: {}, none: { decision: null } } },
    select: { id: true, name: true, quarter: true, status: true, _count: { select: { items: true } } },
    orderBy: [{ quarter: "asc" }, { name: "asc" }],
  });
  return rows
    .filter((r) => isReadyToSignOff({ status: r.status, quarter: r.quarter, items: r._count.items, decided: r._count.items }, today))
    .map((r) => ({ id: r.id, name: r.name, quarter: r.quarter }));
}

/** The periods given to an auditor; everyone else has none here (they are not theirs to audit). */
async function auditedPeriods(principal: Principal): Promise<TodoFacts["periods"]> {
  if (principal.periods === "all" || !principal.may("periods:read")) return [];
  const periods = await listPeriods(await scopeOf(principal));
  return periods.map((p) => ({ id: p.id, name: p.name, start: p.start, end: p.end }));
}

const none = <T>(): Promise<T[]> => Promise.resolve([]);

/** The person's to-do list. A caller without a person (a token for nobody) has none. */
export async function todoFor(principal: Principal, today?: string): Promise<TodoItem[]> {
  const user = principal.user;
  if (!user) return [];
  const on = today ?? (await organisationToday());
  const scoped = principal.periods !== "all";
  const [decide, slots, rejected, awaitingReview, signOff, open, periods] = await Promise.all([
    principal.may("access-reviews:decide") ? itemsToDecide(user.id) : none<TodoFacts["decide"][number]>(),
    principal.may("evidence:write") ? ownSlots(user, on) : none<TodoFacts["slots"][number]>(),
    principal.may("evidence:write") ? rejectedEvidence(user.id) : none<TodoFacts["rejected"][number]>(),
    principal.may("evidence:review") && !scoped ? awaitingReviewCount(EVERYTHING) : Promise.resolve(0),
    principal.may("access-reviews:write") && !scoped ? readyToSignOff(on) : none<TodoFacts["signOff"][number]>(),
    principal.may("periods:write") && !scoped ? openPeriods() : Promise.resolve({ current: null, others: [] }),
    auditedPeriods(principal),
  ]);
  const exceptions = open.current ? [open.current] : [];
  return todoItems({ decide, slots, rejected, awaitingReview, signOff, exceptions, openPeriods: open.others, periods }, (p) =>
    principal.may(p),
  );
}

/**
 * The numbers beside the navigation's sections. The layout runs them on every page: each is one count
 * query, but for the current period's unanswered exceptions, derived again only after a write (lib/exceptions/unanswered.ts).
 */
export interface NavCounts {
  awaitingReview?: number;
  accessReviews?: number;
  rejectedEvidence?: number;
  unansweredExceptions?: number;
}

export async function navCounts(principal: Principal): Promise<NavCounts> {
  const user = principal.user;
  const scoped = principal.periods !== "all";
  const [awaitingReview, toDecide, toSignOff, rejected, unanswered] = await Promise.all([
    principal.may("evidence:review") ? awaitingReviewCount(await scopeOf(principal)) : undefined,
    user && principal.may("access-reviews:decide")
      ? db.accessReviewItem.count({ where: { reviewerId: user.id, decision: null, review: { status: "IN_PROGRESS" } } })
      : 0,
    user && principal.may("access-reviews:write") ? readyToSignOff(await organisationToday()).then((r) => r.length) : 0,
    user && principal.may("evidence:write") ? db.evidence.count({ where: rejectedWhere(user.id) }) : 0,
    user && principal.may("periods:write") && !scoped ? openPeriods().then((open) => open.current?.unanswered ?? 0) : 0,
  ]);
  return { awaitingReview, accessReviews: toDecide + toSignOff, rejectedEvidence: rejected, unansweredExceptions: unanswered };
}
