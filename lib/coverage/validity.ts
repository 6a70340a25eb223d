// Validity controls (a DPA, a policy): coverage counts the days a valid document was on file.
import { fromDay, toDay, type DayRange } from "./dates";
import type { CoverageEvidence, CoverageSlot, SlotState, VendorUse } from "./types";

interface Validity extends DayRange {
  id: string;
}

/**
 * A document is valid from `validFrom` (no date: from its effective date) through `validUntil`
 * (no date: open-ended, so through the end of the window). Throws when it ends before it starts.
 */
export function validityOf(evidence: CoverageEvidence): { start: number; end: number | null } {
  const start = toDay(
    evidence.validFrom ?? evidence.effectiveDate,
    `evidence ${evidence.id} ${evidence.validFrom ? "validFrom" : "effectiveDate"}`,
  );
  const end = evidence.validUntil === null ? null : toDay(evidence.validUntil, `evidence ${evidence.id} validUntil`);
  if (end !== null && end < start)
    throw new Error(`evidence ${evidence.id} validUntil ${evidence.validUntil} is before its validity start`);
  return { start, end };
}

export interface ValidityCoverage {
  expected: number;
  covered: number;
  slots: CoverageSlot[];
}

/**
 * Days due are the window's days before today. Choice: today itself is not yet due (it has not
 * ended, as a daily slot ending today is not yet due), so the first day of a window counts from
 * the next day on. Slots are the maximal runs of covered and uncovered due days (`COVERED` lists
 * the documents valid on some day of the run), then one `NOT_YET_DUE` slot from today to the
 * window's end, whatever is on file for it, and one `NOT_IN_OPERATION` slot for the period's days
 * before the window.
 */
export function validityCoverage(
  period: DayRange,
  windowStart: number,
  today: number,
  evidence: readonly CoverageEvidence[],
): ValidityCoverage {
  const slots: CoverageSlot[] = [];
  const push = (start: number, end: number, state: SlotState, ids: string[] = []) =>
    slots.push({ start: fromDay(start), end: fromDay(end), state, evidence: ids });

  if (windowStart > period.start) push(period.start, Math.min(windowStart - 1, period.end), "NOT_IN_OPERATION");
  if (windowStart > period.end) return { expected: 0, covered: 0, slots };

  const dueEnd = Math.min(period.end, today - 1);
  const intervals: Validity[] = [];
  for (const item of evidence) {
    const validity = validityOf(item);
    const start = Math.max(validity.start, windowStart);
    const end = Math.min(validity.end ?? period.end, dueEnd);
    if (start <= end) intervals.push({ id: item.id, start, end });
  }
  intervals.sort((a, b) => a.start - b.start || a.end - b.end);

  let covered = 0;
  let cursor = windowStart;
  for (let i = 0; i < intervals.length;) {
    // Merge every interval that overlaps or touches the current run.
    const run = { start: intervals[i].start, end: intervals[i].end, ids: [intervals[i].id] };
    for (i++; i < intervals.length && intervals[i].start <= run.end + 1; i++) {
      run.end = Math.max(run.end, intervals[i].end);
      run.ids.push(intervals[i].id);
    }
    if (run.start > cursor) push(cursor, run.start - 1, "MISSING");
    push(run.start, run.end, "COVERED", [...new Set(run.ids)].sort());
    covered += run.end - run.start + 1;
    cursor = run.end + 1;
  }
  if (cursor <= dueEnd) push(cursor, dueEnd, "MISSING");
  const notDueStart = Math.max(windowStart, today);
  if (notDueStart <= period.end) push(notDueStart, period.end, "NOT_YET_DUE");

  return { expected: Math.max(0, dueEnd - windowStart + 1), covered, slots };
}

/**
 * Validity of vendor documents (a DPA, transfer safeguards; docs/coverage.md, "Vendor documents").
 * A vendor's document covers that vendor only: a due day is covered when every vendor in use that
 * day holds a valid document of its own (`evidence[].vendors`); a document of no vendor, or of a
 * vendor not in use, covers nobody. Choice: a day with no vendor in use falls back to the plain
 * rule (any valid document of the control), so a control in scope still needs something on file
 * rather than counting as covered because nothing was checked. Runs split where the state or the
 * set of missing vendors changes, so a `MISSING` slot names exactly the vendors missing on each of
 * its days (`missingVendors`, empty on days with no vendor in use and no document). Cost: days x
 * (vendor uses + documents), a few hundred days and a few dozen rows.
 */
export function vendorValidityCoverage(
  period: DayRange,
  windowStart: number,
  today: number,
  evidence: readonly CoverageEvidence[],
  uses: readonly VendorUse[],
): ValidityCoverage {
  const slots: CoverageSlot[] = [];
  if (windowStart > period.start)
    slots.push({
      start: fromDay(period.start),
      end: fromDay(Math.min(windowStart - 1, period.end)),
      state: "NOT_IN_OPERATION",
      evidence: [],
    });
  if (windowStart > period.end) return { expected: 0, covered: 0, slots };

  const dueEnd = Math.min(period.end, today - 1);
  const documents: (Validity & { vendors: readonly string[] })[] = [];
  for (const item of evidence) {
    const validity = validityOf(item);
    const start = Math.max(validity.start, windowStart);
    const end = Math.min(validity.end ?? period.end, dueEnd);
    if (start <= end) documents.push({ id: item.id, start, end, vendors: item.vendors ?? [] });
  }
  const inUse = new Map<string, DayRange[]>();
  for (const use of uses) {
    const start = use.start === null ? windowStart : Math.max(toDay(use.start, `vendor ${use.vendor} in use from`), windowStart);
    const end = use.end === null ? dueEnd : Math.min(toDay(use.end, `vendor ${use.vendor} in use until`), dueEnd);
    if (start > end) continue;
    const ranges = inUse.get(use.vendor) ?? [];
    ranges.push({ start, end });
    inUse.set(use.vendor, ranges);
  }
  const vendors = [...inUse.keys()].sort();

  let covered = 0;
  let run: { start: number; end: number; state: SlotState; missing: string[]; key: string; ids: Set<string> } | null = null;
  const flush = () => {
    if (!run) return;
    const slot: CoverageSlot = { start: fromDay(run.start), end: fromDay(run.end), state: run.state, evidence: [...run.ids].sort() };
    if (run.state === "MISSING") slot.missingVendors = run.missing;
    slots.push(slot);
  };
  for (let day = windowStart; day <= dueEnd; day++) {
    const used = vendors.filter((vendor) => inUse.get(vendor)!.some((r) => r.start <= day && day <= r.end));
    const valid = documents.filter((d) => d.start <= day && day <= d.end);
    let ids: string[];
    let missing: string[];
    if (used.length === 0) {
      ids = valid.map((d) => d.id);
      missing = [];
    } else {
      missing = used.filter((vendor) => !valid.some((d) => d.vendors.includes(vendor)));
      ids = missing.length ? [] : valid.filter((d) => d.vendors.some((vendor) => used.includes(vendor))).map((d) => d.id);
    }
    const state: SlotState = ids.length > 0 && missing.length === 0 ? "COVERED" : "MISSING";
    if (state === "COVERED") covered++;
    const key = `${state}|${missing.join("\u0000")}`;
    if (run && run.key === key) {
      run.end = day;
      for (const id of ids) run.ids.add(id);
    } else {
      flush();
      run = { start: day, end: day, state, missing, key, ids: new Set(ids) };
    }
  }
  flush();
  const notDueStart = Math.max(windowStart, today);
  if (notDueStart <= period.end) slots.push({ start: fromDay(notDueStart), end: fromDay(period.end), state: "NOT_YET_DUE", evidence: [] });

  return { expected: Math.max(0, dueEnd - windowStart + 1), covered, slots };
}
