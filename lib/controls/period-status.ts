import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { evidenceWhere, scopeOf, type Scope } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { organisationToday } from "@/lib/org-time";
import { nextSlotDue, type NextSlotDue } from "@/lib/coverage/next-due";
import type { CoverageSlot, CoverageStatus } from "@/lib/coverage/types";
import { latestCountingEvidence, periodCoverage, type LatestEvidence } from "@/lib/periods/coverage";
import { currentPeriod } from "@/lib/periods/current";
import { shownCoverage } from "@/lib/periods/lock";
import { listPeriods, type PeriodJson } from "@/lib/periods/service";

// Each control's operating status in one audit period, for the controls matrix and a control's
// page (docs/coverage.md, "The controls matrix"). The period's coverage is the period page's
// (shownCoverage over periodCoverage: a locked period's snapshot, else computed now), computed
// once for every control; nothing here decides a slot's or a control's state.

export interface ControlPeriodStatus {
  status: CoverageStatus;
  covered: number;
  expected: number;
  coverage: number | null;
  lastAccepted: Omit<LatestEvidence, "control"> | null;
  nextDue: NextSlotDue | null;
}

/**
 * The period the caller looks at, and the periods they may choose from (their scope's, latest end
 * first). `requested` undefined: the current period (lib/periods/current.ts). A requested period
 * the caller may not see is a 404, whether it exists or not. Null period: there is none for them.
 */
export async function periodInView(principal: Principal, requested: string | undefined) {
  if (!principal.may("periods:read")) return { periods: [] as PeriodJson[], period: null, today: await organisationToday() };
  const [periods, today] = await Promise.all([scopeOf(principal).then(listPeriods), organisationToday()]);
  const period = requested === undefined ? currentPeriod(periods, today) : periods.find((p) => p.id === requested);
  if (period === undefined) throw new AppError("NOT_FOUND", `There is no audit period ${requested}.`);
  return { periods, period, today };
}

export type PeriodInView = Awaited<ReturnType<typeof periodInView>>;

/**
 * Every in-scope control's status in the period, by code (a control outside the period's
 * categories is absent: the period does not measure it). One coverage computation and one query
 * for the latest evidence (a few more for an auditor), whatever the number of controls.
 */
export async function controlsPeriodStatus(periodId: string, today: string, scope: Scope) {
  const coverage = await shownCoverage(periodId, () => periodCoverage(periodId, { listEvidence: false, today }));
  const codes = coverage.items.map((i) => i.control);
  const controls = await db.control.findMany({ where: { code: { in: codes } }, select: { id: true, code: true, frequency: true } });
  const latest = await latestVisible(
    coverage.period,
    controls.map((c) => c.id),
    scope,
  );
  const frequencyOf = new Map(controls.map((c) => [c.code, c.frequency]));
  const latestOf = new Map(latest.map(({ control, ...e }) => [control, e]));
  const byControl = new Map<string, ControlPeriodStatus>();
  for (const item of coverage.items) {
    const frequency = frequencyOf.get(item.control);
    byControl.set(item.control, {
      status: item.status,
      covered: item.covered,
      expected: item.expected,
      coverage: item.coverage,
      lastAccepted: latestOf.get(item.control) ?? null,
      nextDue: frequency ? nextSlotDue(frequency, item.slots, today) : null,
    });
  }
  return { locked: coverage.locked, asOf: coverage.today, byControl };
}

/**
 * One control's slots in the period with the evidence covering each (ids and titles), or null when
 * the period does not measure the control (outside its categories).
 */
export async function controlSlotsInPeriod(periodId: string, code: string, today: string, scope: Scope) {
  const coverage = await shownCoverage(periodId, () => periodCoverage(periodId, { controls: [code], today }), [code]);
  const item = coverage.items.find((i) => i.control === code);
  if (!item) return null;
  const ids = [...new Set(item.slots.flatMap((s) => s.evidence))];
  const titles = ids.length
    ? await db.evidence.findMany({ where: { AND: [{ id: { in: ids } }, evidenceWhere(scope)] }, select: { id: true, title: true } })
    : [];
  const titleOf = new Map(titles.map((e) => [e.id, e.title]));
  // Evidence the caller may not open (an auditor's period names other features) is left out, not named.
  const slots = item.slots.map((s: CoverageSlot) => ({
    ...s,
    evidence: s.evidence.filter((id) => titleOf.has(id)).map((id) => ({ id, title: titleOf.get(id)! })),
  }));
  return { locked: coverage.locked, asOf: coverage.today, item: { ...item, slots } };
}

/**
 * The latest counting evidence the caller's scope holds, per control: a link in the matrix never
 * leads to "not found". For an auditor, evidence their period leaves out (another feature's) is
 * skipped and the next latest taken; after a few rounds a control still without one shows none.
 */
async function latestVisible(period: { start: string; end: string }, controlIds: string[], scope: Scope): Promise<LatestEvidence[]> {
  const excluded: string[] = [];
  for (let round = 0; ; round++) {
    const rows = await latestCountingEvidence(period, controlIds, excluded);
    if (scope.all || rows.length === 0) return rows;
    const visible = new Set(
      (
        await db.evidence.findMany({ where: { AND: [{ id: { in: rows.map((r) => r.id) } }, evidenceWhere(scope)] }, select: { id: true } })
      ).map((v) => v.id),
    );
    const hidden = rows.filter((r) => !visible.has(r.id));
    if (hidden.length === 0 || round === 4) return rows.filter((r) => visible.has(r.id));
    excluded.push(...hidden.map((r) => r.id));
  }
}

/** The API's shape of a control's figures (GET /api/v1/controls?period=); null: the period does not measure it. */
export function operatingToJson(status: ControlPeriodStatus | undefined) {
  if (!status) return null;
  const { lastAccepted, nextDue, ...figures } = status;
  return {
    ...figures,
    lastAcceptedEvidence: lastAccepted && { id: lastAccepted.id, effectiveDate: lastAccepted.effectiveDate },
    nextSlotDue: nextDue,
  };
}
