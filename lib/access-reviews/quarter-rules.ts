import { parseQuarter, quarterOf, quarterRange } from "@/lib/access-reviews/schedule";

// Which quarter an access review counts for. Pure: "today" and the sign-off day are calendar dates
// (YYYY-MM-DD) in the organisation's time zone, given by the caller, so that the edges (the last
// day of a quarter, the first day of the next, a sign-off near midnight) are unit-tested exactly.
//
// The rules (docs/access-reviews.md):
// - An access review's quarter cannot be in the future: refused when the quarter starts after today.
// - A second access review for a quarter (any other access review with the same label, whatever its status)
//   needs a written reason, which is stored with it.
// - An access review counts for the quarter it was performed in: the quarter of its sign-off day. A
//   sign-off after the labelled quarter's last day is late; the access review's due date does not
//   extend the quarter.

export const SAME_QUARTER_REASON_MAX = 1000;

/** The calendar date (YYYY-MM-DD) in a time zone at an instant. */
export function dayIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** Why a quarter cannot be given to an access review today, or null when it can (the current quarter or an earlier one). */
export function futureQuarterProblem(quarter: string, today: string): string | null {
  if (!parseQuarter(quarter)) return "Give the quarter as YYYY-Qn, such as 2026-Q4.";
  const { start } = quarterRange(quarter);
  if (start <= today) return null;
  return `${quarter} has not started yet (it starts on ${start}; today is ${today}): a review counts for the quarter it is performed in, so choose ${quarterOf(today)} or an earlier quarter.`;
}

/**
 * Why an access review for `quarter` cannot be saved given the other access reviews already labelled with that
 * quarter (not counting itself), or null. A second access review needs a reason.
 */
export function sameQuarterProblem(quarter: string, others: readonly { name: string }[], reason: string | null | undefined): string | null {
  if (others.length === 0 || (reason ?? "").trim().length > 0) return null;
  const names = others
    .slice(0, 3)
    .map((o) => `“${o.name}”`)
    .join(", ");
  const more = others.length > 3 ? ` and ${others.length - 3} more` : "";
  return `${quarter} already has an access review (${names}${more}): give the reason for another access review for the same quarter.`;
}

export interface SignOffTiming {
  /** The quarter of the sign-off day: the slot the record counts for. */
  performedIn: string;
  /** Signed off after the labelled quarter's last day. */
  late: boolean;
}

/** When an access review labelled `quarter` is signed off on `signOffDay` (YYYY-MM-DD, organisation time). */
export function signOffTiming(quarter: string, signOffDay: string): SignOffTiming {
  return { performedIn: quarterOf(signOffDay), late: signOffDay > quarterRange(quarter).end };
}

/** "performed in 2027-Q1, late for 2026-Q4", or "performed in 2026-Q4". */
export function performedPhrase(quarter: string, timing: SignOffTiming): string {
  return timing.late ? `performed in ${timing.performedIn}, late for ${quarter}` : `performed in ${timing.performedIn}`;
}
