// Quarterly access-review schedule: pure arithmetic on "YYYY-Qn" quarters and calendar dates
// (YYYY-MM-DD, UTC). No I/O, so the list page and the unit tests agree exactly.

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

export interface Quarter {
  year: number;
  q: 1 | 2 | 3 | 4;
}

export function parseQuarter(value: string): Quarter | null {
  const m = QUARTER_PATTERN.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2999) return null;
  return { year, q: Number(m[2]) as Quarter["q"] };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The first and last calendar day of a quarter, inclusive: "2026-Q4" -> 2026-10-01 .. 2026-12-31. */
export function quarterRange(value: string): { start: string; end: string } {
  const quarter = parseQuarter(value);
  if (!quarter) throw new Error(`Not a quarter: ${value}`);
  const firstMonth = (quarter.q - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(quarter.year, lastMonth, 0)).getUTCDate();
  return { start: `${quarter.year}-${pad(firstMonth)}-01`, end: `${quarter.year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** The quarter a calendar date (YYYY-MM-DD) falls in. */
export function quarterOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

export function nextQuarter(value: string): string {
  const quarter = parseQuarter(value);
  if (!quarter) throw new Error(`Not a quarter: ${value}`);
  return quarter.q === 4 ? `${quarter.year + 1}-Q1` : `${quarter.year}-Q${quarter.q + 1}`;
}

/** Sorts "YYYY-Qn" strings chronologically (they sort lexically too, but say so explicitly). */
export const compareQuarters = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface NextAccessReview {
  quarter: string;
  /** The last day of that quarter (YYYY-MM-DD). */
  dueBy: string;
  overdue: boolean;
  /** The latest signed-off quarter it follows, or null when none was ever signed off. */
  after: string | null;
}

/**
 * The next quarterly access review: the quarter after the latest signed-off one, due by that quarter's
 * end; overdue once today is past that end. With nothing signed off yet, the current quarter is due.
 */
export function nextAccessReview(signedOffQuarters: readonly string[], today: string): NextAccessReview {
  const valid = signedOffQuarters.filter((q) => parseQuarter(q) !== null).sort(compareQuarters);
  const latest = valid.at(-1) ?? null;
  const quarter = latest ? nextQuarter(latest) : quarterOf(today);
  const dueBy = quarterRange(quarter).end;
  return { quarter, dueBy, overdue: today > dueBy, after: latest };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2027-03-31" -> "31 Mar 2027". */
export function formatDay(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}
