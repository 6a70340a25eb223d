// Per-event controls: one slot per recorded change, covered by evidence naming its commit or PR.
import { dayInTimeZone, fromDay, type DayRange } from "./dates";
import { changeMatcher } from "./matching";
import type { CoverageChange, CoverageEvidence, CoverageSlot } from "./types";

/** A change with its merge instant turned into the organisation's calendar day. */
export interface DatedChange {
  change: CoverageChange;
  day: number;
  instant: number;
}

/** Dates each change in the organisation's time zone, once, sorted by day, instant and id. */
export function datedChanges(changes: readonly CoverageChange[], timeZone: string): DatedChange[] {
  return changes
    .map((change) => ({
      change,
      day: dayInTimeZone(change.mergedAt, timeZone, `change ${change.id} mergedAt`),
      instant: Date.parse(change.mergedAt),
    }))
    .sort((a, b) => a.day - b.day || a.instant - b.instant || (a.change.id < b.change.id ? -1 : a.change.id > b.change.id ? 1 : 0));
}

/**
 * Choices:
 * - a change merged inside the period but before `operatesSince` is listed as a
 *   `NOT_IN_OPERATION` slot (like a calendar slot before the window); changes outside the
 *   period are left out;
 * - with `beforeRelease` (the evaluation control, AI-PI-02; lib/coverage/evaluation.ts), only
 *   evidence effective on or before the change's merge day covers it: an evaluation dated later
 *   is "after release", a finding, and the slot stays `MISSING`; for other per-event controls
 *   (the change record, AI-PI-01) the effective date does not matter, only what it names;
 * - a change merged today or later (organisation's calendar) is `NOT_YET_DUE` until covered,
 *   like a calendar slot that ends today; a change naming no commit and no PR can never be
 *   covered and is `MISSING` once due.
 */
export function perEventSlots(
  period: DayRange,
  windowStart: number,
  today: number,
  evidence: readonly CoverageEvidence[],
  changes: readonly DatedChange[],
  beforeRelease = false,
): CoverageSlot[] {
  const match = changeMatcher(evidence);
  const effective = new Map(evidence.map((e) => [e.id, e.effectiveDate]));
  const slots: CoverageSlot[] = [];
  for (const { change, day } of changes) {
    if (day < period.start || day > period.end) continue;
    const date = fromDay(day);
    if (day < windowStart) {
      slots.push({ start: date, end: date, state: "NOT_IN_OPERATION", evidence: [], change: change.id });
      continue;
    }
    const matched = match(change);
    const mergeDay = beforeRelease ? date : "";
    const ids = beforeRelease ? matched.filter((id) => effective.get(id)! <= mergeDay) : matched;
    const state = ids.length > 0 ? "COVERED" : day < today ? "MISSING" : "NOT_YET_DUE";
    slots.push({ start: date, end: date, state, evidence: ids, change: change.id });
  }
  return slots;
}
