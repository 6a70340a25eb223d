// Coverage of one control over an audit period (docs/product.md, "Coverage"; docs/coverage.md). Pure: today is a parameter.
import { fromDay, lowerBound, toDay, toDayRange, type DayRange } from "./dates";
import { EVALUATION_CONTROL } from "./evaluation";
import { datedChanges, perEventSlots, type DatedChange } from "./per-event";
import { periodSlots } from "./slots";
import {
  DESIGN_STATUSES,
  FREQUENCIES,
  type CoverageChange,
  type CoverageControl,
  type CoverageEvidence,
  type CoverageItem,
  type CoveragePeriod,
  type CoverageSlot,
  type CoverageStatus,
  type DesignStatus,
  type VendorUse,
} from "./types";
import { validityCoverage, vendorValidityCoverage } from "./validity";

export interface ControlCoverageInput {
  period: CoveragePeriod;
  control: CoverageControl;
  /** Accepted evidence of this control only. */
  evidence: readonly CoverageEvidence[];
  /** Recorded changes, used by per-event controls. */
  changes?: readonly CoverageChange[];
  /** The organisation's calendar date. */
  today: string;
  /** IANA name; only used to turn a change's `mergedAt` into a calendar day. Default UTC. */
  timeZone?: string;
  /** The vendors in use by the period's features in scope, used by per-vendor validity controls. */
  vendorUse?: readonly VendorUse[];
}

/** Validated period and today, shared by every control of a period. */
export interface CoverageContext {
  period: DayRange;
  today: number;
  /**
   * False: calendar slots carry no evidence ids (`evidence: []`); states and counts are the same.
   * For callers that need only the numbers (the dashboard, the heatmap), so that they need not load
   * every evidence id. Per-event and validity slots keep theirs (their rows are few and loaded whole).
   */
  listEvidence: boolean;
  /** Parses an evidence date once per distinct value (100,000 rows share a few hundred dates). */
  day: (date: string, what: string) => number;
  /** The vendors in use by the period's features in scope (per-vendor validity controls). */
  vendorUse: readonly VendorUse[];
}

export function coverageContext(
  period: CoveragePeriod,
  today: string,
  listEvidence = true,
  vendorUse: readonly VendorUse[] = [],
): CoverageContext {
  const days = new Map<string, number>();
  const day = (date: string, what: string) => {
    let value = days.get(date);
    if (value === undefined) {
      value = toDay(date, what);
      days.set(date, value);
    }
    return value;
  };
  return { period: toDayRange(period, "period"), today: toDay(today, "today"), listEvidence, day, vendorUse };
}

export function controlCoverage(input: ControlCoverageInput): CoverageItem {
  const context = coverageContext(input.period, input.today, true, input.vendorUse);
  const changes = input.control.frequency === "PER_EVENT" ? datedChanges(input.changes ?? [], input.timeZone ?? "UTC") : [];
  return coverageOfControl(context, input.control, input.evidence, changes);
}

/**
 * Status from the counts. Choices: a per-event control with no change in its window, like any
 * control with nothing due yet, is `NOT_YET_DUE`; the empty-window test comes before it.
 */
export function coverageStatus(designStatus: DesignStatus, windowEmpty: boolean, expected: number, covered: number): CoverageStatus {
  if (designStatus === "NOT_APPLICABLE") return "NOT_APPLICABLE";
  if (windowEmpty) return "NOT_OPERATING";
  if (expected === 0) return "NOT_YET_DUE";
  if (covered === 0) return "NOT_OPERATING";
  return covered === expected ? "OPERATING" : "GAPS";
}

function checkControl(control: CoverageControl): number | null {
  if (!FREQUENCIES.includes(control.frequency))
    throw new Error(`control ${control.code} has an unknown frequency ${JSON.stringify(control.frequency)}`);
  if (!DESIGN_STATUSES.includes(control.designStatus))
    throw new Error(`control ${control.code} has an unknown design status ${JSON.stringify(control.designStatus)}`);
  return control.operatesSince === null ? null : toDay(control.operatesSince, `control ${control.code} operatesSince`);
}

/** Calendar slots: covered by evidence whose effective date lies in the (clipped) slot. */
function calendarCoverageSlots(
  context: CoverageContext,
  windowStart: number,
  control: CoverageControl,
  evidence: readonly CoverageEvidence[],
) {
  const { period, today } = context;
  if (control.frequency === "PER_EVENT" || control.frequency === "VALIDITY") throw new Error("not a calendar frequency");
  // Sorted once (by day, then id; input that is already in that order is not sorted again); each
  // slot then finds its evidence by binary search.
  let sorted = true;
  const dated = evidence.map((item, i) => {
    const entry = { id: item.id, day: context.day(item.effectiveDate, `evidence ${item.id} effectiveDate`) };
    if (i > 0 && sorted) {
      const previous = evidence[i - 1];
      sorted = previous.effectiveDate < item.effectiveDate || (previous.effectiveDate === item.effectiveDate && previous.id < item.id);
    }
    return entry;
  });
  if (!sorted) dated.sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return periodSlots(period, windowStart, control.frequency).map((slot): CoverageSlot => {
    const range = { start: fromDay(slot.start), end: fromDay(slot.end) };
    if (!slot.inOperation) return { ...range, state: "NOT_IN_OPERATION", evidence: [] };
    const first = lowerBound(dated, slot.start, (d) => d.day);
    const covered = first < dated.length && dated[first].day <= slot.end;
    const state = covered ? "COVERED" : slot.end < today ? "MISSING" : "NOT_YET_DUE";
    if (!covered || !context.listEvidence) return { ...range, state, evidence: [] };
    let last = first;
    while (last + 1 < dated.length && dated[last + 1].day <= slot.end) last++;
    const ids = dated.slice(first, last + 1).map((d) => d.id);
    // Within one day the ids are already in order; a slot of several days is sorted by id.
    if (dated[first].day !== dated[last].day) ids.sort();
    return { ...range, state, evidence: ids.filter((id, i) => i === 0 || id !== ids[i - 1]) };
  });
}

/**
 * Coverage of one control, given its accepted evidence and the period's changes already dated.
 * Choice: a `NOT_APPLICABLE` control lists no slots and counts nothing (expected 0, coverage
 * null), so nothing reads as missing for a control that does not apply.
 */
export function coverageOfControl(
  context: CoverageContext,
  control: CoverageControl,
  evidence: readonly CoverageEvidence[],
  changes: readonly DatedChange[],
): CoverageItem {
  const operatesSince = checkControl(control);
  const windowStart = Math.max(context.period.start, operatesSince ?? context.period.start);
  const item = (expected: number, covered: number, slots: CoverageSlot[]): CoverageItem => ({
    control: control.code,
    expected,
    covered,
    coverage: expected === 0 ? null : covered / expected,
    status: coverageStatus(control.designStatus, windowStart > context.period.end, expected, covered),
    slots,
  });
  if (control.designStatus === "NOT_APPLICABLE") return item(0, 0, []);

  if (control.frequency === "VALIDITY") {
    const validity = control.perVendor
      ? vendorValidityCoverage(context.period, windowStart, context.today, evidence, context.vendorUse)
      : validityCoverage(context.period, windowStart, context.today, evidence);
    return item(validity.expected, validity.covered, validity.slots);
  }
  const slots =
    control.frequency === "PER_EVENT"
      ? perEventSlots(context.period, windowStart, context.today, evidence, changes, control.code === EVALUATION_CONTROL)
      : calendarCoverageSlots(context, windowStart, control, evidence);
  const covered = slots.filter((slot) => slot.state === "COVERED").length;
  const missing = slots.filter((slot) => slot.state === "MISSING").length;
  return item(covered + missing, covered, slots);
}
