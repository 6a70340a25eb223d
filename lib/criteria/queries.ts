import "server-only";
import { db } from "@/lib/db";
import { controlWhere, periodWhere, type Scope } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { currentPeriodId } from "@/lib/dashboard/queries";
import { organisationToday } from "@/lib/org-time";
import { CRITERIA_CATEGORIES, criteriaForScope, type CriteriaCategory, type CriteriaForScope } from "@/lib/criteria/addressed";

export interface CriteriaPeriod {
  id: string;
  name: string;
  start: string;
  end: string;
  categories: CriteriaCategory[];
}

export interface CriteriaView extends CriteriaForScope {
  /** The audit period the scope comes from; null: no period, every category. */
  period: CriteriaPeriod | null;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The criteria of a period's categories with the controls that address them (lib/criteria/addressed.ts).
 * `periodId` undefined: the current period (lib/dashboard currentPeriodId), or none when there is no
 * period yet; null: no period, every category. An unknown period is a 404.
 */
export async function criteriaForPeriod(periodId: string | null | undefined, scope: Scope): Promise<CriteriaView> {
  const id = periodId === undefined ? await currentPeriodId(await organisationToday(), scope) : periodId;
  const [row, criteria, controls] = await Promise.all([
    id
      ? db.auditPeriod.findFirst({
          where: { AND: [{ id }, periodWhere(scope)] },
          select: { id: true, name: true, start: true, end: true, categories: true },
        })
      : null,
    db.criterion.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, title: true, category: true } }),
    db.control.findMany({
      where: controlWhere(scope),
      select: {
        code: true,
        title: true,
        category: true,
        designStatus: true,
        operatesSince: true,
        custom: true,
        criteria: { select: { criterionId: true } },
      },
    }),
  ]);
  if (id && !row) throw new AppError("NOT_FOUND", `There is no audit period ${id}.`);
  const period = row ? { id: row.id, name: row.name, start: day(row.start), end: day(row.end), categories: row.categories } : null;
  const result = criteriaForScope(
    criteria,
    controls.map((c) => ({
      ...c,
      operatesSince: c.operatesSince ? day(c.operatesSince) : null,
      criteria: c.criteria.map((x) => x.criterionId),
    })),
    period ? { categories: period.categories, end: period.end } : { categories: CRITERIA_CATEGORIES, end: null },
  );
  return { period, ...result };
}
