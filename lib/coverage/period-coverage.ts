// Coverage of every control of an audit period at once, and its summary.
import { coverageContext, coverageOfControl } from "./engine";
import { toDay, toDayRange } from "./dates";
import { datedChanges } from "./per-event";
import { periodSlots } from "./slots";
import {
  COVERAGE_STATUSES,
  type ControlEvidence,
  type CoverageChange,
  type CoverageControl,
  type CoverageItem,
  type CoveragePeriod,
  type CoverageStatus,
  type CoverageSummary,
  type VendorUse,
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
  /** False: the same states and counts, but calendar slots list no evidence ids (see CoverageContext). */
  listEvidence?: boolean;
  /** The vendors in use by the period's features in scope, for per-vendor validity controls. */
  vendorUse?: readonly VendorUse[];
}

/**
 * Every control's coverage, in the order the controls are given. Evidence is grouped by control
 * in one pass and each group sorted once, so the cost is O(evidence log evidence + slots log
 * evidence), not controls x evidence. Changes are dated once for all per-event controls; the
 * caller narrows them (for example to the period's features in scope) before passing them.
 */
export function coverageForPeriod(input: PeriodCoverageInput): CoverageItem[] {
  const context = coverageContext(input.period, input.today, input.listEvidence ?? true, input.vendorUse);
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
 * One calendar slot of one control, in operation: covered when any counting evidence falls in it.
 * Days are day numbers (days since 1970-01-01), so that thousands of probes pass to SQL cheaply.
 */
export interface SlotProbe {
  control: string;
  start: number;
  end: number;
}

/**
 * The in-operation slots of every calendar control (not-applicable ones left out). A slot's state
 * depends only on whether some accepted evidence falls in it, so coverage computed from one
 * evidence per covered probe (any one) has exactly the states and counts of coverage computed
 * from all of it: a caller that needs only the numbers loads that much and no more.
 */
export function calendarProbes(period: PeriodCoverageInput["period"], controls: readonly CoverageControl[]): SlotProbe[] {
  const range = toDayRange(period, "period");
  const probes: SlotProbe[] = [];
  for (const control of controls) {
    if (control.designStatus === "NOT_APPLICABLE" || control.frequency === "PER_EVENT" || control.frequency === "VALIDITY") continue;
    const since = control.operatesSince === null ? range.start : toDay(control.operatesSince, `control ${control.code} operatesSince`);
    for (const slot of periodSlots(range, Math.max(range.start, since), control.frequency)) {
      if (slot.inOperation) probes.push({ control: control.code, start: slot.start, end: slot.end });
    }
  }
  return probes;
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
