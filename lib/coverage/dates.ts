// Day arithmetic on calendar dates. A date is handled as its day number (days since 1970-01-01)
// computed with UTC Date math, so the server's local time zone never leaks in.

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// An instant must carry its offset: without one, Date.parse would read it in the server's zone.
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const MS_PER_DAY = 86_400_000;

/** An inclusive range of day numbers. */
export interface DayRange {
  start: number;
  end: number;
}

/** The day number of a `YYYY-MM-DD` date; throws on anything that is not a real calendar date. */
export function toDay(date: string, what = "date"): number {
  const match = typeof date === "string" ? DATE_PATTERN.exec(date) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    const back = new Date(ms);
    if (back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day) return ms / MS_PER_DAY;
  }
  throw new Error(`${what} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
}

/** The `YYYY-MM-DD` date of a day number. */
export function fromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}

/** Days from `from` to `to` inclusive (0 when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.max(0, toDay(to) - toDay(from) + 1);
}

/** Validated inclusive range; throws when end is before start. */
export function toDayRange(range: { start: string; end: string }, what: string): DayRange {
  const start = toDay(range.start, `${what} start`);
  const end = toDay(range.end, `${what} end`);
  if (end < start) throw new Error(`${what} end ${range.end} is before its start ${range.start}`);
  return { start, end };
}

/** ISO weekday of a day number: 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The Monday that starts the ISO week of a day number. */
export function isoWeekStart(day: number): number {
  return day - isoWeekday(day) + 1;
}

/** ISO 8601 week-numbering year and week of a date (the week's Thursday decides the year). */
export function isoWeek(date: string): { year: number; week: number } {
  const thursday = isoWeekStart(toDay(date)) + 3;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const firstOfYear = Date.UTC(year, 0, 1) / MS_PER_DAY;
  return { year, week: Math.floor((thursday - firstOfYear) / 7) + 1 };
}

/** UTC year and zero-based month of a day number. */
export function yearMonth(day: number): { year: number; month: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() };
}

/** The day number of the first of a month; `month` may overflow (13 = January of the next year). */
export function firstOfMonth(year: number, month: number): number {
  return Date.UTC(year, month, 1) / MS_PER_DAY;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    } catch {
      throw new Error(`Unknown time zone ${JSON.stringify(timeZone)}`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The day number of the calendar date in `timeZone` at an ISO 8601 instant (which must carry an offset). */
export function dayInTimeZone(instant: string, timeZone: string, what = "instant"): number {
  const ms = typeof instant === "string" && INSTANT_PATTERN.test(instant) ? Date.parse(instant) : NaN;
  if (Number.isNaN(ms)) throw new Error(`${what} must be an ISO 8601 instant with an offset or Z, got ${JSON.stringify(instant)}`);
  const parts = formatterFor(timeZone).formatToParts(ms);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part("year"), part("month") - 1, part("day")) / MS_PER_DAY;
}

/** The calendar date (`YYYY-MM-DD`) in `timeZone` at an ISO 8601 instant. */
export function dateInTimeZone(instant: string, timeZone = "UTC"): string {
  return fromDay(dayInTimeZone(instant, timeZone));
}

/** Index of the first element of a sorted array that is >= value. */
export function lowerBound<T>(sorted: readonly T[], value: number | string, key: (item: T) => number | string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (key(sorted[mid]) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
