import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { unansweredCount } from "@/lib/dashboard/todo-rules";
import { liveExceptions } from "@/lib/exceptions/live";
import { organisationToday } from "@/lib/org-time";
import { currentPeriod } from "@/lib/periods/current";

// What waits for a compliance lead in the audit periods (docs/dashboard.md): the number of
// unanswered exceptions of the current period (the one the dashboard shows), beside Periods in the
// navigation and on the to-do, and the other periods still open (started, not locked), listed on
// the to-do without a count.
//
// The count is the period page's own derivation (liveExceptions), so the two never disagree. It is
// too heavy for every page, so it is remembered under the database's state: PostgreSQL's current
// snapshot (`pg_current_snapshot()`, "xmin:xmax:in-progress ids") and the organisation's day.
// Two equal snapshots see the same committed transactions, so the same rows: any commit or abort
// anywhere on the server since changes it (a new id raises xmax, an ending one leaves the list).
// It is read before the period's inputs, so a stored count was derived from rows at least as new
// as its snapshot, and a snapshot once left is never seen again, so a count derived from newer rows
// is never served under an older snapshot. The day is part of the key because missing slots appear
// as days pass without any write. A write of anything (even a sign-in) only makes the next call
// derive again: a stale count is never served, and each instance keeps its own.
//
// Only the current period is counted: each period's derivation reads its coverage, evidence and
// readiness checks, and an installation can hold many periods nobody locked.

export interface PeriodUnanswered {
  periodId: string;
  periodName: string;
  unanswered: number;
}

export interface OpenPeriods {
  /** The current period, when it has started and is not locked, with its unanswered exceptions. */
  current: PeriodUnanswered | null;
  /** Every other period that has started and is not locked (newest end first). */
  others: { id: string; name: string }[];
}

const remembered = new Map<string, { key: string; unanswered: number }>();
let derivations = 0;

async function databaseState(): Promise<string> {
  const [{ snapshot }] = await db.$queryRaw<{ snapshot: string }[]>`SELECT pg_current_snapshot()::text AS snapshot`;
  return snapshot;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** How many of the period's live exceptions have no response: the period page's figure, remembered until the next commit or day. */
export async function unansweredOf(periodId: string, today?: string): Promise<number> {
  // The snapshot first, then everything the count is derived from (see above).
  const key = `${today ?? (await organisationToday())} ${await databaseState()}`;
  const known = remembered.get(periodId);
  if (known?.key === key) return known.unanswered;
  derivations += 1;
  const unanswered = unansweredCount((await liveExceptions(periodId)).exceptions);
  remembered.set(periodId, { key, unanswered });
  return unanswered;
}

/**
 * The open periods on the organisation's today (the day the derivation itself reads). Read once per
 * request with React's cache(): the dashboard's to-do and the navigation both ask.
 */
export const openPeriods = cache(async (): Promise<OpenPeriods> => {
  const today = await organisationToday();
  const rows = await db.auditPeriod.findMany({
    select: { id: true, name: true, type: true, start: true, end: true, lock: { select: { periodId: true } } },
    orderBy: [{ end: "desc" }, { name: "asc" }],
  });
  const periods = rows.map((p) => ({
    id: p.id,
    name: p.name,
    type: p.type,
    start: day(p.start),
    end: day(p.end),
    locked: p.lock !== null,
  }));
  // A period ahead has no exceptions yet; a locked period's responses are frozen.
  const open = periods.filter((p) => p.start <= today && !p.locked);
  const chosen = currentPeriod(periods, today);
  const current = chosen && open.includes(chosen) ? chosen : null;
  const others = open.filter((p) => p !== current).map((p) => ({ id: p.id, name: p.name }));
  if (!current) return { current: null, others };
  // Only ever the current period is remembered; another that was current before is dropped.
  for (const id of remembered.keys()) if (id !== current.id) remembered.delete(id);
  return { current: { periodId: current.id, periodName: current.name, unanswered: await unansweredOf(current.id, today) }, others };
});

/** How many times the current period's exceptions were derived here, in this process (for the tests). */
export const derivationsSoFar = () => derivations;

/** The database's state as the count is keyed on it (for the tests). */
export const databaseStateForTests = databaseState;
