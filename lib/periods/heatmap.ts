import "server-only";
import { db } from "@/lib/db";
import { periodCoverage } from "@/lib/periods/coverage";
import { loadPeriod, periodToJson } from "@/lib/periods/service";
import type { CoverageItem } from "@/lib/coverage/types";

// What the period page shows: the period, its coverage, and what the coverage engine does not
// carry (control titles and expected evidence, evidence titles), each read in one query.

export interface HeatmapRow extends CoverageItem {
  title: string;
  frequency: string;
  expectedEvidence: string;
}

/** Null when there is no such period. */
export async function periodHeatmap(periodId: string) {
  const row = await loadPeriod(db, periodId);
  if (!row) return null;
  const coverage = await periodCoverage(periodId);
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
    rows,
    evidenceTitles: Object.fromEntries(evidence.map((e) => [e.id, e.title])) as Record<string, string>,
  };
}

export type PeriodHeatmap = NonNullable<Awaited<ReturnType<typeof periodHeatmap>>>;
