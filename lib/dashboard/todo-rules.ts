// What is a person's to do, from facts lib/dashboard/todo.ts reads (docs/dashboard.md). Pure: today
// and the caller's permissions are parameters. Every item links to the page where it is done, and
// an item is listed only when the person may do it there: a link never ends on "Not allowed".
import { nextSlotDue } from "@/lib/coverage/next-due";
import type { CoverageSlot, Frequency } from "@/lib/coverage/types";
import { futureQuarterProblem } from "@/lib/access-reviews/quarter-rules";
import type { Permission } from "@/lib/permissions";

/** How many access reviews ready for sign-off the to-do lists one by one; the rest are one item. */
export const SIGN_OFFS_LISTED = 5;

/** How many of the other open periods the to-do names. */
const OPEN_PERIODS_NAMED = 3;

/** How far ahead a slot counts as falling due. */
export const DUE_HORIZON_DAYS = 30;

export type TodoKind = "decide" | "missed" | "due" | "rejected" | "review" | "sign-off" | "exceptions" | "open-periods" | "period";

export interface TodoItem {
  kind: TodoKind;
  /** What to do, as the link's text. */
  label: string;
  /** A line under it: dates, reasons. */
  detail: string | null;
  href: string;
}

export interface TodoFacts {
  /** Undecided items assigned to the person, per access review in progress. */
  decide: { reviewId: string; reviewName: string; open: number; dueDate: string | null }[];
  /** The person's controls' slots in the current period: missed ones, and the next falling due. */
  slots: ControlSlotsToDo[];
  /** The person's rejected evidence not corrected since (the latest version). */
  rejected: { id: string; title: string; control: string; reason: string | null }[];
  /** Evidence waiting in the review queue. */
  awaitingReview: number;
  /** Access reviews whose every item is decided, in their quarter or later. */
  signOff: { id: string; name: string; quarter: string }[];
  /** Unanswered exceptions of the current period, when it has started and is not locked. */
  exceptions: { periodId: string; periodName: string; unanswered: number }[];
  /** The other periods that have started and are not locked. */
  openPeriods: { id: string; name: string }[];
  /** The periods given to an auditor. */
  periods: { id: string; name: string; start: string; end: string }[];
}

export interface ControlSlotsToDo {
  control: string;
  title: string;
  missed: { start: string; end: string }[];
  due: { start: string; end: string; due: string } | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A control's slots still to meet in a period: the missed ones, and the next slot due when it falls
 * due within DUE_HORIZON_DAYS of today. Null when there is nothing to do for it.
 */
export function slotsToDo(
  control: { code: string; title: string; frequency: Frequency },
  slots: readonly Pick<CoverageSlot, "start" | "end" | "state">[],
  today: string,
): ControlSlotsToDo | null {
  const missed = slots.filter((s) => s.state === "MISSING").map((s) => ({ start: s.start, end: s.end }));
  const next = nextSlotDue(control.frequency, slots, today);
  const due = next && next.due <= addDays(today, DUE_HORIZON_DAYS) ? next : null;
  if (missed.length === 0 && !due) return null;
  return { control: control.code, title: control.title, missed, due };
}

const window = (s: { start: string; end: string }) => (s.start === s.end ? s.start : `${s.start} to ${s.end}`);

/** The first few slots by their dates (a daily control can miss hundreds). */
export function listSlots(slots: readonly { start: string; end: string }[], shown = 3): string {
  const head = slots.slice(0, shown).map(window).join(", ");
  return slots.length > shown ? `${head} and ${slots.length - shown} more` : head;
}

/** Whether an access review can be signed off: in progress, with items, every one decided, its quarter begun. */
export function isReadyToSignOff(review: { status: string; items: number; decided: number; quarter: string }, today: string): boolean {
  return (
    review.status === "IN_PROGRESS" && review.items > 0 && review.decided === review.items && !futureQuarterProblem(review.quarter, today)
  );
}

/** How many exceptions have no management response yet. */
export const unansweredCount = (exceptions: readonly { response: string }[]) => exceptions.filter((e) => !e.response.trim()).length;

/** The person's to-do list, in the order it is shown; only what `may` allows. */
export function todoItems(facts: TodoFacts, may: (permission: Permission) => boolean): TodoItem[] {
  const items: TodoItem[] = [];
  if (may("evidence:review") && facts.awaitingReview > 0)
    items.push({
      kind: "review",
      label: `Review ${plural(facts.awaitingReview, "piece")} of evidence`,
      detail: "Accept or reject what was uploaded.",
      href: "/evidence/review",
    });
  if (may("access-reviews:write")) {
    for (const r of facts.signOff.slice(0, SIGN_OFFS_LISTED))
      items.push({
        kind: "sign-off",
        label: `Sign off ${r.name}`,
        detail: `${r.quarter}: every item is decided.`,
        href: `/access-reviews/${r.id}#sign-off-heading`,
      });
    const more = facts.signOff.length - SIGN_OFFS_LISTED;
    if (more > 0)
      items.push({
        kind: "sign-off",
        label: `Sign off ${plural(more, "more access review")}`,
        detail: "Every item of each is decided: the access reviews list shows them in progress.",
        href: "/access-reviews",
      });
  }
  if (may("periods:write"))
    for (const p of facts.exceptions.filter((e) => e.unanswered > 0))
      items.push({
        kind: "exceptions",
        label: `Answer ${plural(p.unanswered, "exception")} of ${p.periodName}`,
        detail: "Write management's response to each.",
        href: `/periods/${p.periodId}#exceptions`,
      });
  if (may("periods:write") && facts.openPeriods.length) {
    const named = facts.openPeriods.slice(0, OPEN_PERIODS_NAMED).map((p) => p.name);
    const more = facts.openPeriods.length - named.length;
    items.push({
      kind: "open-periods",
      label: `${plural(facts.openPeriods.length, "other period")} still open`,
      detail: `${named.join(", ")}${more ? ` and ${more} more` : ""}: not locked. Answer each one's exceptions, then lock it once its audit is done.`,
      href: "/periods",
    });
  }
  if (may("access-reviews:decide"))
    for (const r of facts.decide.filter((d) => d.open > 0))
      items.push({
        kind: "decide",
        label: `Decide ${plural(r.open, "access-review item")} in ${r.reviewName}`,
        detail: r.dueDate ? `Due ${r.dueDate}.` : null,
        href: "/access-reviews/inbox",
      });
  if (may("evidence:write")) {
    for (const e of facts.rejected)
      items.push({
        kind: "rejected",
        label: `Correct rejected evidence: ${e.title}`,
        detail: `${e.control}${e.reason ? `: ${e.reason}` : ""}`,
        href: `/evidence/${e.id}`,
      });
    for (const s of facts.slots) {
      const upload = `/evidence/upload?control=${encodeURIComponent(s.control)}`;
      if (s.missed.length)
        items.push({
          kind: "missed",
          label: `Upload evidence for ${s.control}: ${plural(s.missed.length, "slot")} missed`,
          detail: `${s.title}. ${listSlots(s.missed)}.`,
          href: upload,
        });
      if (s.due)
        items.push({
          kind: "due",
          label: `Upload evidence for ${s.control}, due ${s.due.due}`,
          detail: `${s.title}. Slot ${window(s.due)}.`,
          href: upload,
        });
    }
  }
  if (may("periods:read"))
    for (const p of facts.periods)
      items.push({ kind: "period", label: `Audit ${p.name}`, detail: `${p.start} to ${p.end}.`, href: `/periods/${p.id}` });
  return items;
}

/** What an empty to-do list says: plainly that nothing waits, and what was looked at, in the person's terms. */
export function emptyTodoText(may: (permission: Permission) => boolean, auditor: boolean): string {
  if (auditor) return "Nothing to do: no audit period has been given to you yet. A compliance lead gives you the periods you audit.";
  const checked = [
    may("evidence:review") && "no evidence waits for review",
    may("access-reviews:write") && "no access review waits for sign-off",
    may("periods:write") && "no open period has an exception waiting for a response",
    may("access-reviews:decide") && "no access-review item waits for your decision",
    may("evidence:write") && "none of your evidence is rejected",
    may("evidence:write") && `no control you own has a slot missed or due in the next ${DUE_HORIZON_DAYS} days`,
  ].filter((s): s is string => typeof s === "string");
  if (checked.length === 0) return "Nothing to do.";
  const last = checked.pop()!;
  return `Nothing to do: ${checked.length ? `${checked.join(", ")}, and ${last}` : last}.`;
}
