import "server-only";
import { db } from "@/lib/db";
import { unansweredCount } from "@/lib/dashboard/todo-rules";
import { liveExceptions } from "@/lib/exceptions/live";
import { organisationToday } from "@/lib/org-time";

// How many exceptions of each started, unlocked period have no management response: the number
// beside Periods in the navigation and the lead's to-do (docs/dashboard.md). It is the period
// page's own derivation (liveExceptions), so the two never disagree, and it is remembered per
// period under the database's state, so that the navigation, drawn on every page, derives it again
// only after something was written.
//
// The state is PostgreSQL's current snapshot (`pg_current_snapshot()`, "xmin:xmax:in-progress ids").
// Two equal snapshots see the same committed transactions, so the same rows: any commit or abort
// anywhere on the server since changes it (a new id raises xmax, an ending one leaves the list).
// It is read before the period's inputs, so a stored count was derived from rows at least as new
// as its snapshot; and a snapshot once left is never seen again, so a count derived from newer rows
// is never served under an older snapshot. The organisation's day is part of the key too: missing
// slots appear as days pass without any write. Writes of anything (even a sign-in) only make the
// next call derive again; a stale count is never served, and each instance keeps its own.

export interface PeriodUnanswered {
  periodId: string;
  periodName: string;
  unanswered: number;
}

const remembered = new Map<string, { key: string; unanswered: number }>();
let derivations = 0;

async function databaseState(): Promise<string> {
  const [{ snapshot }] = await db.$queryRaw<{ snapshot: string }[]>`SELECT pg_current_snapshot()::text AS snapshot`;
  return snapshot;
}

/** Unanswered exceptions of every period started by the organisation's today and not locked, newest period first. */
export async function unansweredExceptions(): Promise<PeriodUnanswered[]> {
  // The day the derivation itself reads (its coverage and readiness take the organisation's day).
  const today = await organisationToday();
  const key = `${today} ${await databaseState()}`;
  // Periods ahead have no exceptions yet; a locked period's responses are frozen.
  const periods = await db.auditPeriod.findMany({
    where: { start: { lte: new Date(`${today}T00:00:00Z`) }, lock: { is: null } },
    select: { id: true, name: true },
    orderBy: [{ end: "desc" }, { name: "asc" }],
  });
  const listed = new Set(periods.map((p) => p.id));
  for (const id of remembered.keys()) if (!listed.has(id)) remembered.delete(id);
  return Promise.all(
    periods.map(async (p) => {
      const known = remembered.get(p.id);
      if (known?.key === key) return { periodId: p.id, periodName: p.name, unanswered: known.unanswered };
      derivations += 1;
      const unanswered = unansweredCount((await liveExceptions(p.id)).exceptions);
      remembered.set(p.id, { key, unanswered });
      return { periodId: p.id, periodName: p.name, unanswered };
    }),
  );
}

/** How many times a period's exceptions were derived here, in this process (for the tests). */
export const derivationsSoFar = () => derivations;

/** The database's state as the count is keyed on it (for the tests). */
export const databaseStateForTests = databaseState;
