import { addDays, fromDay, toDay } from "@/lib/coverage/dates";
import { addMonths } from "@/lib/vendors/package";

// The pure date rules of the readiness checks (docs/readiness.md): which days of an audit period
// a document must be valid on, which of them no document covers, and the twelve months a tabletop
// exercise must fall in. Dates are calendar dates (YYYY-MM-DD) in the organisation's time zone.

/** The audit period a readiness check runs for (inclusive calendar dates). */
export interface ReadinessPeriod {
  id: string;
  startDate: string;
  endDate: string;
}

export interface DateRange {
  start: string;
  end: string;
}

/**
 * The days a document must be valid on for a period: from its first day through today, or through
 * its last day once it has ended. Strict reading: every elapsed day, today included (a DPA that
 * expired yesterday is not on file today). A period that has not begun yet needs its first day.
 */
export function elapsedDays(period: Pick<ReadinessPeriod, "startDate" | "endDate">, today: string): DateRange {
  const end = today < period.endDate ? today : period.endDate;
  return { start: period.startDate, end: end < period.startDate ? period.startDate : end };
}

/** A document's validity: from `validFrom` (else its effective date) through `validUntil` (none: open-ended). */
export interface ValidityDates {
  effectiveDate: string;
  validFrom: string | null;
  validUntil: string | null;
}

/** lib/coverage/validity.ts validityOf's interval, as dates (null end: open-ended). */
export function validityInterval(doc: ValidityDates): { start: string; end: string | null } {
  return { start: doc.validFrom ?? doc.effectiveDate, end: doc.validUntil };
}

/**
 * The runs of days in `range` on which none of `docs` is valid (empty: the documents together
 * cover every day). Documents that overlap or touch merge, as in coverage.
 */
export function uncoveredDays(range: DateRange, docs: readonly ValidityDates[]): DateRange[] {
  const first = toDay(range.start, "range start");
  const last = toDay(range.end, "range end");
  const intervals = docs
    .map(validityInterval)
    .map((v) => ({ start: Math.max(toDay(v.start), first), end: Math.min(v.end === null ? last : toDay(v.end), last) }))
    .filter((v) => v.start <= v.end)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const gaps: DateRange[] = [];
  let cursor = first;
  for (const v of intervals) {
    if (v.start > cursor) gaps.push({ start: fromDay(cursor), end: fromDay(v.start - 1) });
    cursor = Math.max(cursor, v.end + 1);
  }
  if (cursor <= last) gaps.push({ start: fromDay(cursor), end: fromDay(last) });
  return gaps;
}

/** "2026-01-01 to 2026-02-03" (one day: just the date). */
export function describeRange(r: DateRange): string {
  return r.start === r.end ? r.start : `${r.start} to ${r.end}`;
}

/** The same calendar date `months` months earlier, clamped to the month's last day (2028-02-29 less 12 months: 2027-02-28). */
export const monthsBefore = (date: string, months: number): string => addMonths(date, -months);

/**
 * The twelve months a tabletop exercise must fall in to count for a period: the twelve months
 * ending on the period's last day, both ends included, so an exercise exactly a year before the
 * last day (2025-12-31 for a period ending 2026-12-31) is already too old. An exercise after the
 * period's end did not happen in it.
 */
export function tabletopWindow(periodEnd: string): DateRange {
  return { start: addDays(monthsBefore(periodEnd, 12), 1), end: periodEnd };
}

export function withinTabletopWindow(exerciseDate: string, periodEnd: string): boolean {
  const w = tabletopWindow(periodEnd);
  return exerciseDate >= w.start && exerciseDate <= w.end;
}

/**
 * The instant a calendar date begins in a time zone (the first instant whose local date is that
 * date), for comparing timestamps (a change's merge, a feature's creation) with period days.
 */
export function startOfDayIn(timeZone: string, date: string): Date {
  const utc = Date.parse(`${date}T00:00:00Z`);
  // The zone's offset at an instant: its local wall-clock time read as UTC, less the instant.
  const offset = (at: number) => {
    const parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    }).formatToParts(new Date(at));
    const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
    return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - at;
  };
  let guess = utc - offset(utc);
  guess = utc - offset(guess);
  return new Date(guess);
}
