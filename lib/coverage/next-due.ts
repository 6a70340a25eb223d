// The next slot of a control that still needs evidence, and the day it falls due
// (docs/coverage.md, "The controls matrix"). Pure: today is a parameter.
import type { CoverageSlot, Frequency } from "./types";

type SlotDates = Pick<CoverageSlot, "start" | "end" | "state">;

export interface NextSlotDue {
  start: string;
  end: string;
  /** The last day on which the slot can still be met before it turns missing. */
  due: string;
}

/**
 * The first slot that is not covered and not yet due and has not passed (`end` today or later: a
 * locked period's frozen slots can be older than today). A calendar or per-event slot is due on its
 * last day (evidence dated in it covers it). A validity control needs a valid document on every
 * day: its next day due is the first day of its not-yet-due run (today, in a running period), met
 * only by a document valid that day. Null when no slot is left to meet: the period has ended, every
 * remaining slot is already covered, or the control has no slots (not applicable).
 */
export function nextSlotDue(frequency: Frequency, slots: readonly SlotDates[], today: string): NextSlotDue | null {
  const next = slots
    .filter((s) => s.state === "NOT_YET_DUE" && s.end >= today)
    .reduce<SlotDates | null>((first, s) => (first === null || dueOf(frequency, s) < dueOf(frequency, first) ? s : first), null);
  return next && { start: next.start, end: next.end, due: dueOf(frequency, next) };
}

const dueOf = (frequency: Frequency, slot: Pick<CoverageSlot, "start" | "end">) => (frequency === "VALIDITY" ? slot.start : slot.end);
