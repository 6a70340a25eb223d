import "server-only";
import { periodWhere, type Scope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { currentPeriodId } from "@/lib/dashboard/queries";
import { dateIn, organisationTimeZone } from "@/lib/org-time";
import { addDays } from "@/lib/coverage/dates";
import { elapsedDays, startOfDayIn, type DateRange, type ReadinessPeriod } from "@/lib/readiness/period";

// The audit period a readiness run is for, with what every check needs from it: its days as
// instants in the organisation's time zone, the features in its scope, and its elapsed days.

export interface ReadinessScope extends ReadinessPeriod {
  name: string;
  /** The period's Trust Services categories (which controls are in its scope). */
  categories: string[];
  /** Today in the organisation's time zone. */
  today: string;
  timeZone: string;
  /** The period's features; empty: every feature (as in coverage). */
  featureIds: string[];
  /** The days a document must be valid on (lib/readiness/period.ts elapsedDays). */
  elapsed: DateRange;
  /** The first instant of the period's first day, and of the day after its last, in the organisation's time zone. */
  startsAt: Date;
  endsBefore: Date;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * `caller`: the scope of who asks (an auditor's period not given is a 404, and the current period is one of theirs).
 * `periodId` undefined: the current period (the one holding today, latest start first; else the one
 * that ended last; else the next to begin); null when there is no period at all. An unknown id is a 404.
 */
export async function readinessScope(periodId: string | undefined, caller: Scope): Promise<ReadinessScope | null> {
  const timeZone = await organisationTimeZone();
  const today = dateIn(timeZone);
  if (periodId && !caller.all && !caller.periods.some((p) => p.id === periodId)) {
    throw new AppError("NOT_FOUND", `There is no audit period ${periodId}.`);
  }
  let id = periodId ?? (await currentPeriodId(today, caller));
  if (!id && periodId === undefined) {
    const next = await db.auditPeriod.findFirst({
      where: periodWhere(caller),
      orderBy: [{ start: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    id = next?.id ?? null;
  }
  if (!id) return null;
  const row = await db.auditPeriod.findUnique({ where: { id }, include: { features: { select: { featureId: true } } } });
  if (!row) throw new AppError("NOT_FOUND", `There is no audit period ${id}.`);
  const period = { id: row.id, startDate: day(row.start), endDate: day(row.end) };
  return {
    ...period,
    name: row.name,
    categories: row.categories,
    today,
    timeZone,
    featureIds: row.features.map((f) => f.featureId),
    elapsed: elapsedDays(period, today),
    startsAt: startOfDayIn(timeZone, period.startDate),
    endsBefore: startOfDayIn(timeZone, addDays(period.endDate, 1)),
  };
}
