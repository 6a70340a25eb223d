// Validity controls (a DPA, a policy): coverage counts the days a valid document was on file.
import { fromDay, toDay, type DayRange } from "./dates";
import type { CoverageEvidence, CoverageSlot, SlotState } from "./types";

interface Validity extends DayRange {
  id: string;
}

/**
 * A document is valid from `validFrom` (no date: from its effective date) through `validUntil`
 * (no date: open-ended, so through the end of the window). Throws when it ends before it starts.
 */
export function validityOf(evidence: CoverageEvidence): { start: number; end: number | null } {
  const start = toDay(
    evidence.validFrom ?? evidence.effectiveDate,
    `evidence ${evidence.id} ${evidence.validFrom ? "validFrom" : "effectiveDate"}`,
  );
  const end = evidence.validUntil === null ? null : toDay(evidence.validUntil, `evidence ${evidence.id} validUntil`);
  if (end !== null && end < start)
    throw new Error(`evidence ${evidence.id} validUntil ${evidence.validUntil} is before its validity start`);
  return { start, end };
}

export interface ValidityCoverage {
  expected: number;
  covered: number;
  slots: CoverageSlot[];
}

/**
 * Days due are the window's days before today. Choice: today itself is not yet due (it has not
 * ended, as a daily slot ending today is not yet due), so the first day of a window counts from
 * the next day on. Slots are the maximal runs of covered and uncovered due days (`COVERED` lists
 * the documents valid on some day of the run), then one `NOT_YET_DUE` slot from today to the
 * window's end, whatever is on file for it, and one `NOT_IN_OPERATION` slot for the period's days
 * before the window.
 */
export function validityCoverage(
  period: DayRange,
  windowStart: number,
  today: number,
  evidence: readonly CoverageEvidence[],
): ValidityCoverage {
  const slots: CoverageSlot[] = [];
  const push = (start: number, end: number, state: SlotState, ids: string[] = []) =>
    slots.push({ start: fromDay(start), end: fromDay(end), state, evidence: ids });

  if (windowStart > period.start) push(period.start, Math.min(windowStart - 1, period.end), "NOT_IN_OPERATION");
  if (windowStart > period.end) return { expected: 0, covered: 0, slots };

  const dueEnd = Math.min(period.end, today - 1);
  const intervals: Validity[] = [];
  for (const item of evidence) {
    const validity = validityOf(item);
    const start = Math.max(validity.start, windowStart);
    const end = Math.min(validity.end ?? period.end, dueEnd);
    if (start <= end) intervals.push({ id: item.id, start, end });
  }
  intervals.sort((a, b) => a.start - b.start || a.end - b.end);

  let covered = 0;
  let cursor = windowStart;
  for (let i = 0; i < intervals.length;) {
    // Merge every interval that overlaps or touches the current run.
    const run = { start: intervals[i].start, end: intervals[i].end, ids: [intervals[i].id] };
    for (i++; i < intervals.length && intervals[i].start <= run.end + 1; i++) {
      run.end = Math.max(run.end, intervals[i].end);
      run.ids.push(intervals[i].id);
    }
    if (run.start > cursor) push(cursor, run.start - 1, "MISSING");
    push(run.start, run.end, "COVERED", [...new Set(run.ids)].sort());
    covered += run.end - run.start + 1;
    cursor = run.end + 1;
  }
  if (cursor <= dueEnd) push(cursor, dueEnd, "MISSING");
  const notDueStart = Math.max(windowStart, today);
  if (notDueStart <= period.end) push(notDueStart, period.end, "NOT_YET_DUE");

  return { expected: Math.max(0, dueEnd - windowStart + 1), covered, slots };
}
