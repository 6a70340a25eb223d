import type { Principal } from "@/lib/auth/principal";
import { controlWhere, evidenceWhere, periodWhere, scopeOf, type Scope } from "@/lib/auth/scope";
import "server-only";
import { db } from "@/lib/db";
import { organisationTimeZone, dateIn } from "@/lib/org-time";
import { awaitingReviewCount } from "@/lib/evidence/queries";
import { periodCoverage } from "@/lib/periods/coverage";
import { COVERAGE_STATUSES, type CoverageStatus } from "@/lib/coverage/types";
import { CATEGORIES, CATEGORY_LABELS } from "@/lib/validations/control";

// The dashboard's figures, each a plain array the chart components render as they are. Every
// "today" is the organisation's (lib/org-time.ts), like the coverage engine's.

type Category = (typeof CATEGORIES)[number];

/** One bar of the coverage chart: a category's in-scope controls, counted by coverage status. */
export type CoverageChartRow = { category: Category; label: string; coverage: number | null } & Record<CoverageStatus, number>;
export interface InflowWeek {
  /** ISO week, e.g. 2026-W48. */
  week: string;
  /** Monday of the week, YYYY-MM-DD. */
  start: string;
  uploads: number;
}
export interface DueSlot {
  control: string;
  title: string;
  start: string;
  end: string;
}
export interface ExpiringEvidence {
  id: string;
  control: string;
  title: string;
  validUntil: string;
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The period whose window holds today, else the one that ended last; null when there is none yet. */
export async function currentPeriodId(today: string, scope: Scope): Promise<string | null> {
  const at = new Date(`${today}T00:00:00Z`);
  const visible = periodWhere(scope);
  const current =
    (await db.auditPeriod.findFirst({
      where: { ...visible, start: { lte: at }, end: { gte: at } },
      orderBy: [{ start: "desc" }, { createdAt: "desc" }],
    })) ?? (await db.auditPeriod.findFirst({ where: { ...visible, end: { lt: at } }, orderBy: [{ end: "desc" }, { createdAt: "desc" }] }));
  return current?.id ?? null;
}

/** The current period's coverage by category, and its slots falling due in the next 30 days. */
export async function currentCoverage(today: string, scope: Scope) {
  const periodId = await currentPeriodId(today, scope);
  if (!periodId) return null;
  const [result, controls] = await Promise.all([
    periodCoverage(periodId, { today, listEvidence: false }),
    db.control.findMany({ where: controlWhere(scope), select: { code: true, title: true, category: true } }),
  ]);
  const byCode = new Map(controls.map((c) => [c.code, c]));
  const rows: CoverageChartRow[] = CATEGORIES.filter((category) => controls.some((c) => c.category === category))
    .map((category) => {
      const items = result.items.filter((i) => byCode.get(i.control)?.category === category);
      const ratios = items.map((i) => i.coverage).filter((r): r is number => r !== null);
      const counts = Object.fromEntries(COVERAGE_STATUSES.map((s) => [s, items.filter((i) => i.status === s).length])) as Record<
        CoverageStatus,
        number
      >;
      const coverage = ratios.length ? Math.round((100 * ratios.reduce((a, b) => a + b, 0)) / ratios.length) : null;
      return { category, label: CATEGORY_LABELS[category], coverage, ...counts, total: items.length };
    })
    .filter((row) => row.total > 0)
    .map(({ total: _total, ...row }) => row);
  const horizon = addDays(today, 30);
  const dueSoon: DueSlot[] = result.items
    .flatMap((i) =>
      i.slots
        .filter((s) => s.state === "NOT_YET_DUE" && s.end >= today && s.end <= horizon)
        .map((s) => ({ control: i.control, title: byCode.get(i.control)?.title ?? "", start: s.start, end: s.end })),
    )
    .sort((a, b) => a.end.localeCompare(b.end) || a.control.localeCompare(b.control));
  return { period: result.period, summary: result.summary, rows, dueSoon };
}

/** Uploads per ISO week (by uploadedAt, in the organisation's zone), the last 12 weeks, empty weeks included. */
export async function evidenceInflow(timeZone: string, scope: Scope): Promise<InflowWeek[]> {
  // An auditor counts only the evidence in their scope: its ids, of the last 13 weeks (a bounded list).
  const only = scope.all
    ? null
    : (
        await db.evidence.findMany({
          where: { AND: [evidenceWhere(scope), { uploadedAt: { gte: new Date(Date.now() - 13 * 7 * 86_400_000) } }] },
          select: { id: true },
        })
      ).map((e) => e.id);
  const rows = await db.$queryRaw<{ start: Date; week: string; uploads: number }[]>`
    WITH weeks AS (
      SELECT generate_series(
        date_trunc('week', now() AT TIME ZONE ${timeZone}) - interval '11 weeks',
        date_trunc('week', now() AT TIME ZONE ${timeZone}),
        interval '1 week'
      ) AS start
    )
    SELECT w.start::date AS start, to_char(w.start, 'IYYY-"W"IW') AS week, count(e.id)::int AS uploads
    FROM weeks w
    LEFT JOIN "Evidence" e ON date_trunc('week', e."uploadedAt" AT TIME ZONE ${timeZone}) = w.start
      AND (${only === null} OR e.id = ANY(${only ?? []}::uuid[]))
    GROUP BY w.start ORDER BY w.start`;
  return rows.map((r) => ({ week: r.week, start: day(r.start), uploads: Number(r.uploads) }));
}

/** Accepted, current evidence whose validity ends within the next 60 days, soonest first. */
export async function expiringEvidence(today: string, scope: Scope): Promise<ExpiringEvidence[]> {
  const rows = await db.evidence.findMany({
    where: {
      AND: [evidenceWhere(scope)],
      status: "ACCEPTED",
      supersededBy: null,
      validUntil: { gte: new Date(`${today}T00:00:00Z`), lte: new Date(`${addDays(today, 60)}T00:00:00Z`) },
    },
    select: { id: true, title: true, validUntil: true, control: { select: { code: true } } },
    orderBy: [{ validUntil: "asc" }, { title: "asc" }],
  });
  return rows.map((r) => ({ id: r.id, control: r.control.code, title: r.title, validUntil: day(r.validUntil!) }));
}

export async function dashboard(principal: Principal) {
  const timeZone = await organisationTimeZone();
  const today = dateIn(timeZone);
  const scope = await scopeOf(principal);
  const [coverage, inflow, expiring, awaitingReview] = await Promise.all([
    currentCoverage(today, scope),
    evidenceInflow(timeZone, scope),
    expiringEvidence(today, scope),
    awaitingReviewCount(scope),
  ]);
  return { today, timeZone, coverage, inflow, expiring, awaitingReview };
}
