import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { periodCoverage } from "@/lib/periods/coverage";
import { shownCoverage } from "@/lib/periods/lock";
import { loadPeriod, periodToJson } from "@/lib/periods/service";
import type { CoverageItem } from "@/lib/coverage/types";

// What the period page shows: the period, its coverage, and what the coverage engine does not
// carry (control titles and expected evidence, evidence titles), each read in one query.
// The page uses the numbers mode: a calendar slot says whether it is covered but not by what (a
// year of daily evidence would be every id in the page); opening a cell loads its evidence
// (slotEvidence). Per-event and validity slots list their ids, whose titles come with the page.

export interface HeatmapRow extends CoverageItem {
  title: string;
  frequency: string;
  expectedEvidence: string;
}

/** Null when there is no such period. */
export async function periodHeatmap(periodId: string) {
  const row = await loadPeriod(db, periodId);
  if (!row) return null;
  // A locked period shows its snapshot (docs/periods-lock.md).
  const coverage = await shownCoverage(periodId, () => periodCoverage(periodId, { listEvidence: false }));
  const codes = coverage.items.map((i) => i.control);
  const evidenceIds = [...new Set(coverage.items.flatMap((i) => i.slots.flatMap((s) => s.evidence)))];
  const [controls, evidence] = await Promise.all([
    db.control.findMany({ where: { code: { in: codes } }, select: { code: true, title: true, frequency: true, expectedEvidence: true } }),
    evidenceIds.length ? db.evidence.findMany({ where: { id: { in: evidenceIds } }, select: { id: true, title: true } }) : [],
  ]);
  const byCode = new Map(controls.map((c) => [c.code, c]));
  const rows: HeatmapRow[] = coverage.items.map((item) => {
    const control = byCode.get(item.control);
    return {
      ...item,
      title: control?.title ?? "",
      frequency: control?.frequency ?? "",
      expectedEvidence: control?.expectedEvidence ?? "",
    };
  });
  return {
    period: periodToJson(row),
    today: coverage.today,
    timeZone: coverage.timeZone,
    summary: coverage.summary,
    locked: coverage.locked,
    rows,
    evidenceTitles: Object.fromEntries(evidence.map((e) => [e.id, e.title])) as Record<string, string>,
  };
}

export type PeriodHeatmap = NonNullable<Awaited<ReturnType<typeof periodHeatmap>>>;

/**
 * The evidence that covers one slot (by its position in the control's slots, the same in both
 * modes), computed by the engine for that control alone with every id listed. Null when the period,
 * the control or the slot is not there (any more).
 */
/** One piece of evidence behind a slot; a signed-off access review's record names its access review. */
export interface SlotEvidence {
  id: string;
  title: string;
  /** The access review whose record this is: its quarter label, the quarter it was performed in, and whether it was late. */
  accessReview: { id: string; name: string; quarter: string; performedIn: string | null; late: boolean | null } | null;
}

export async function slotEvidence(periodId: string, control: string, slot: number): Promise<SlotEvidence[] | null> {
  const coverage = await shownCoverage(periodId, () => periodCoverage(periodId, { controls: [control] }), [control]).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.code === "NOT_FOUND") return null; // no such period (any more)
      throw error;
    },
  );
  if (!coverage) return null;
  const found = coverage.items.find((i) => i.control === control)?.slots[slot];
  if (!found) return null;
  const rows = await db.evidence.findMany({
    where: { id: { in: found.evidence } },
    select: { id: true, title: true, accessReview: { select: { id: true, name: true, quarter: true, performedIn: true, late: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return found.evidence.map((id) => ({ id, title: byId.get(id)?.title ?? id, accessReview: byId.get(id)?.accessReview ?? null }));
}
