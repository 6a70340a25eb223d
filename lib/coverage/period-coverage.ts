// Coverage of every control of an audit period at once, and its summary.
import { coverageContext, coverageOfControl } from "./engine";
import { datedChanges } from "./per-event";
import {
  COVERAGE_STATUSES,
  type ControlEvidence,
  type CoverageChange,
  type CoverageControl,
  type CoverageItem,
  type CoveragePeriod,
  type CoverageStatus,
  type CoverageSummary,
} from "./types";

export interface PeriodCoverageInput {
  period: CoveragePeriod;
  controls: readonly CoverageControl[];
  /** Accepted evidence of any control; rows of controls not listed are ignored. */
  evidence: readonly ControlEvidence[];
  /** The period's recorded changes; each per-event control is measured against all of them. */
  changes?: readonly CoverageChange[];
  today: string;
  timeZone?: string;
}

/**
 * Every control's coverage, in the order the controls are given. Evidence is grouped by control
 * in one pass and each group sorted once, so the cost is O(evidence log evidence + slots log
 * evidence), not controls x evidence. Changes are dated once for all per-event controls; the
 * caller narrows them (for example to the period's features in scope) before passing them.
 */
export function coverageForPeriod(input: PeriodCoverageInput): CoverageItem[] {
  const context = coverageContext(input.period, input.today);
  const byControl = new Map<string, ControlEvidence[]>();
  for (const control of input.controls) {
    if (byControl.has(control.code)) throw new Error(`control ${control.code} is listed twice`);
    byControl.set(control.code, []);
  }
  for (const item of input.evidence) byControl.get(item.control)?.push(item);

  const needsChanges = input.controls.some((control) => control.frequency === "PER_EVENT");
  const changes = needsChanges ? datedChanges(input.changes ?? [], input.timeZone ?? "UTC") : [];
  return input.controls.map((control) => coverageOfControl(context, control, byControl.get(control.code) ?? [], changes));
}

/**
 * Counts by status and an overall coverage. Choice: the overall coverage is the mean of the
 * controls' coverage ratios (controls with null coverage, such as not applicable or not yet due,
 * left out), so a daily control's 365 slots or a validity control's days do not outweigh an
 * annual control's single slot, and days are never added to slots.
 */
export function coverageSummary(items: readonly CoverageItem[]): CoverageSummary {
  const byStatus = Object.fromEntries(COVERAGE_STATUSES.map((status) => [status, 0])) as Record<CoverageStatus, number>;
  let sum = 0;
  let counted = 0;
  for (const item of items) {
    byStatus[item.status]++;
    if (item.coverage !== null) {
      sum += item.coverage;
      counted++;
    }
  }
  return { controls: items.length, byStatus, coverage: counted === 0 ? null : sum / counted };
}
