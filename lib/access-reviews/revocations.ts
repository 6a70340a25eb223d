// Revocations: a REVOKE or MODIFY decision is a change someone still has to make in the system
// that grants the access. It stays open until someone marks it done with the date it was done.
// Pure rules, no I/O (the write is markRevocationDone in decisions.ts).

/** An open revocation is overdue this many days after the access review's sign-off. */
export const REVOCATION_OVERDUE_DAYS = 14;

/** Decisions that need follow-up in the granting system. */
export const FOLLOW_UP_DECISIONS = ["REVOKE", "MODIFY"] as const;

export function needsFollowUp(decision: string | null | undefined): boolean {
  return decision === "REVOKE" || decision === "MODIFY";
}

/** "YYYY-MM-DD" plus n days (calendar arithmetic in UTC, no time zone can shift it). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last day an open revocation is on time: sign-off date + 14 days; null before sign-off. */
export function revocationDueOn(signedOffOn: string | null): string | null {
  return signedOffOn ? addDays(signedOffOn, REVOCATION_OVERDUE_DAYS) : null;
}

/**
 * Overdue: the decision needs follow-up, nobody has marked it done, the access review is signed off
 * and today is more than 14 days after the sign-off date. Dates are "YYYY-MM-DD" in the
 * organisation's calendar.
 */
export function isRevocationOverdue(
  item: { decision: string | null; doneOn: string | null; signedOffOn: string | null },
  today: string,
): boolean {
  if (!needsFollowUp(item.decision) || item.doneOn) return false;
  const due = revocationDueOn(item.signedOffOn);
  return due !== null && today > due;
}

/**
 * Why a done date cannot be accepted, or null: not before the day the decision was made (nothing
 * is revoked before it was decided) and not after today.
 */
export function doneOnProblem(doneOn: string, decidedOn: string | null, today: string): string | null {
  if (doneOn > today) return `The date ${doneOn} is in the future (today is ${today}): mark it done once it is done.`;
  if (decidedOn && doneOn < decidedOn) return `The date ${doneOn} is before the decision was made (${decidedOn}).`;
  return null;
}
