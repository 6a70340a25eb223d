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

export function previousQuarter(value: string): string {
  const quarter = parseQuarter(value);
  if (!quarter) throw new Error(`Not a quarter: ${value}`);
  return quarter.q === 1 ? `${quarter.year - 1}-Q4` : `${quarter.year}-Q${quarter.q - 1}`;
}

/** An access review as the schedule sees it: its quarter, its status and, once signed off, the quarter it was performed in. */
export interface ScheduledReview {
  quarter: string;
  status: "DRAFT" | "IN_PROGRESS" | "SIGNED_OFF";
  performedIn?: string | null;
}

export interface NextAccessReview {
  quarter: string;
  /** The last day of that quarter (YYYY-MM-DD). */
  dueBy: string;
  /** Quarters since the last covered one went by without a signed-off access review. */
  overdue: boolean;
  /** Those quarters, first and last (inclusive), or null when none was missed. */
  missed: { from: string; to: string } | null;
  /** The latest signed-off quarter, or null when none was ever signed off. */
  after: string | null;
}

const latestOf = (quarters: Iterable<string>) => [...quarters].sort(compareQuarters).at(-1) ?? null;

/**
 * The next quarterly access review to run. `today` is the organisation's calendar day.
 *
 * A quarter is covered by a signed-off review labelled with it or performed in it (performedIn, the
 * coverage slot stored at sign-off). If the current quarter is not covered and no open review (draft
 * or in progress) is for it, the current quarter is proposed: proposing "the quarter after the last
 * sign-off" offered a quarter long gone (2025-Q2 in 2026-Q4) after a gap. Otherwise the quarter after
 * the latest covered one. Quarters skipped since the latest covered one are reported as missed.
 */
export function nextAccessReview(reviews: readonly ScheduledReview[], today: string): NextAccessReview {
  const current = quarterOf(today);
  const signed = reviews.filter((r) => r.status === "SIGNED_OFF");
  const covered = new Set(
    signed.flatMap((r) => [r.quarter, r.performedIn ?? ""]).filter((q) => parseQuarter(q) !== null && compareQuarters(q, current) <= 0),
  );
  const open = reviews.some((r) => r.status !== "SIGNED_OFF" && r.quarter === current);
  const latestCovered = latestOf(covered);
  const latestSigned = latestOf(signed.map((r) => r.quarter).filter((q) => parseQuarter(q) !== null));
  let quarter: string;
  if (!covered.has(current) && !open) quarter = current;
  else {
    const ahead = latestSigned && compareQuarters(latestSigned, current) > 0 ? latestSigned : current;
    quarter = nextQuarter(ahead);
  }
  const firstMissed = latestCovered ? nextQuarter(latestCovered) : null;
  const lastMissed = previousQuarter(current);
  const missed = firstMissed && compareQuarters(firstMissed, lastMissed) <= 0 ? { from: firstMissed, to: lastMissed } : null;
  return { quarter, dueBy: quarterRange(quarter).end, overdue: missed !== null, missed, after: latestSigned };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2027-03-31" -> "31 Mar 2027". */
export function formatDay(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}
