import { db } from "@/lib/db";
import { Prisma, type CategoryCode } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { organisationTimeZone } from "@/lib/org-time";
import { addDays } from "@/lib/coverage/dates";
import { startOfDayIn } from "@/lib/readiness/period";
import type { Principal } from "@/lib/auth/principal";

// What a caller may see, as one value every query narrows by (docs/auditors.md, "What an auditor
// sees"). Everyone but an auditor sees everything. An auditor sees the periods they are given and,
// per period, what it holds: its categories' controls, its features (none listed: all), the
// evidence of those controls effective or valid in its window, the changes merged in it, the
// access reviews and vendor documents that are such evidence, and the audit-log entries written in
// it. Anything else does not exist for them: callers answer 404, never 403.

export interface ScopedPeriod {
  id: string;
  /** YYYY-MM-DD, inclusive. */
  start: string;
  end: string;
  categories: CategoryCode[];
  /** The period's features; empty: every feature. */
  featureIds: string[];
  /** The window's first instant and the instant after its last day, in the organisation's time zone. */
  startsAt: Date;
  endsBefore: Date;
}

export type Scope = { all: true } | { all: false; periods: ScopedPeriod[] };

/** Everything: the scope of everyone but an auditor (and of the command line, benches and tests that read as the system). */
export const EVERYTHING: Scope = { all: true };
const ALL = EVERYTHING;
const loaded = new WeakMap<Principal, Promise<Scope>>();
const day = (d: Date) => d.toISOString().slice(0, 10);
const date = (d: string) => new Date(`${d}T00:00:00Z`);

/** The caller's scope, read once per principal (a principal lives for one request). */
export function scopeOf(principal: Principal): Promise<Scope> {
  if (principal.periods === "all") return Promise.resolve(ALL);
  let scope = loaded.get(principal);
  if (!scope) {
    scope = loadScope(principal.periods);
    loaded.set(principal, scope);
  }
  return scope;
}

async function loadScope(ids: readonly string[]): Promise<Scope> {
  if (ids.length === 0) return { all: false, periods: [] };
  const [rows, timeZone] = await Promise.all([
    db.auditPeriod.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, start: true, end: true, categories: true, features: { select: { featureId: true } } },
      orderBy: [{ start: "asc" }, { id: "asc" }],
    }),
    organisationTimeZone(),
  ]);
  return {
    all: false,
    periods: rows.map((p) => ({
      id: p.id,
      start: day(p.start),
      end: day(p.end),
      categories: p.categories,
      featureIds: p.features.map((f) => f.featureId),
      startsAt: startOfDayIn(timeZone, day(p.start)),
      endsBefore: startOfDayIn(timeZone, addDays(day(p.end), 1)),
    })),
  };
}

/** What one period holds: the scope of an auditor given that period alone (the export package's contents). */
export function periodScope(periodId: string): Promise<Scope> {
  return loadScope([periodId]);
}

/** Whether the caller may see the period (false too when there is no such period for them). */
export async function isPeriodVisible(principal: Principal, periodId: string): Promise<boolean> {
  const scope = await scopeOf(principal);
  return scope.all || scope.periods.some((p) => p.id === periodId);
}

/** A 404 when the caller may not see the period, whether it exists or not. */
export async function assertPeriodVisible(principal: Principal, periodId: string): Promise<void> {
  if (!(await isPeriodVisible(principal, periodId))) throw new AppError("NOT_FOUND", `There is no audit period ${periodId}.`);
}

/** A 404 for a record the caller's scope does not hold: it does not exist for them. */
export function outOfScope(what: string): AppError {
  return new AppError("NOT_FOUND", `There is no ${what}.`);
}

/** The ids of the periods the caller may see, or "all". */
export async function visiblePeriodIds(principal: Principal): Promise<"all" | string[]> {
  const scope = await scopeOf(principal);
  return scope.all ? "all" : scope.periods.map((p) => p.id);
}

// ---- One where-clause per kind of record. `{}` when the caller sees everything. ----

/** Nothing: a clause no row satisfies (an auditor given no period). */
const NONE = { id: { in: [] as string[] } };

export function periodWhere(scope: Scope): Prisma.AuditPeriodWhereInput {
  return scope.all ? {} : { id: { in: scope.periods.map((p) => p.id) } };
}

const categoriesOf = (periods: ScopedPeriod[]) => [...new Set(periods.flatMap((p) => p.categories))];

export function controlWhere(scope: Scope): Prisma.ControlWhereInput {
  if (scope.all) return {};
  return { category: { in: categoriesOf(scope.periods) } };
}

export function featureWhere(scope: Scope): Prisma.FeatureWhereInput {
  if (scope.all) return {};
  if (scope.periods.length === 0) return NONE;
  if (scope.periods.some((p) => p.featureIds.length === 0)) return {};
  return { id: { in: [...new Set(scope.periods.flatMap((p) => p.featureIds))] } };
}

/** Evidence of a period: its control in the period's categories, effective or valid in its window, and of its features (or of none). */
function evidenceOfPeriod(p: ScopedPeriod): Prisma.EvidenceWhereInput {
  const start = date(p.start);
  const end = date(p.end);
  const inWindow: Prisma.EvidenceWhereInput = {
    OR: [
      { effectiveDate: { gte: start, lte: end } },
      { validFrom: { not: null, lte: end }, OR: [{ validUntil: null }, { validUntil: { gte: start } }] },
    ],
  };
  return {
    AND: [
      { control: { category: { in: p.categories } } },
      inWindow,
      p.featureIds.length === 0 ? {} : { OR: [{ features: { none: {} } }, { features: { some: { featureId: { in: p.featureIds } } } }] },
    ],
  };
}

export function evidenceWhere(scope: Scope): Prisma.EvidenceWhereInput {
  if (scope.all) return {};
  if (scope.periods.length === 0) return NONE;
  return { OR: scope.periods.map(evidenceOfPeriod) };
}

export function changeWhere(scope: Scope): Prisma.ChangeWhereInput {
  if (scope.all) return {};
  if (scope.periods.length === 0) return NONE;
  return {
    OR: scope.periods.map((p) => ({
      mergedAt: { gte: p.startsAt, lt: p.endsBefore },
      ...(p.featureIds.length === 0 ? {} : { OR: [{ featureId: null }, { featureId: { in: p.featureIds } }] }),
    })),
  };
}

/** changeWhere in SQL, over "Change" as `c` (the change list's evaluation query is SQL). */
export function changeScopeSql(scope: Scope): Prisma.Sql {
  if (scope.all) return Prisma.sql`TRUE`;
  if (scope.periods.length === 0) return Prisma.sql`FALSE`;
  const one = (p: ScopedPeriod) =>
    Prisma.sql`(c."mergedAt" >= ${p.startsAt} AND c."mergedAt" < ${p.endsBefore}${
      p.featureIds.length === 0
        ? Prisma.empty
        : Prisma.sql` AND (c."featureId" IS NULL OR c."featureId" IN (${Prisma.join(p.featureIds.map((id) => Prisma.sql`${id}::uuid`))}))`
    })`;
  return Prisma.sql`(${Prisma.join(scope.periods.map(one), " OR ")})`;
}

/** An access review is the auditor's when its signed-off record is evidence in their scope. */
export function accessReviewWhere(scope: Scope): Prisma.AccessReviewWhereInput {
  if (scope.all) return {};
  if (scope.periods.length === 0) return NONE;
  return { evidence: { is: evidenceWhere(scope) } };
}

/** A vendor document is the auditor's when its evidence is. */
export function vendorItemWhere(scope: Scope): Prisma.VendorPackageItemWhereInput {
  if (scope.all) return {};
  if (scope.periods.length === 0) return NONE;
  return { evidence: { is: evidenceWhere(scope) } };
}

/** A vendor is the auditor's when an in-scope feature uses it or one of its documents is theirs. */
export function vendorWhere(scope: Scope): Prisma.VendorWhereInput {
  if (scope.all) return {};
  if (scope.periods.length === 0) return NONE;
  return { OR: [{ features: { some: { feature: featureWhere(scope) } } }, { items: { some: vendorItemWhere(scope) } }] };
}

/**
 * Audit-log entries written in a window; never one about a period the auditor was not given (its
 * name and dates would tell them it exists).
 */
export function auditLogWhere(scope: Scope): Prisma.AuditLogEntryWhereInput {
  if (scope.all) return {};
  if (scope.periods.length === 0) return { seq: { in: [] } };
  return {
    AND: [
      { OR: scope.periods.map((p) => ({ at: { gte: p.startsAt, lt: p.endsBefore } })) },
      { NOT: { entityType: "AuditPeriod", entityId: { notIn: scope.periods.map((p) => p.id) } } },
    ],
  };
}
