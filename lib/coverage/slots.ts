// Calendar slots of a frequency: the days, ISO weeks (Monday first), months, calendar quarters,
// half-years (January-June, July-December) and calendar years that intersect a period.
import { firstOfMonth, isoWeekStart, yearMonth, type DayRange } from "./dates";
import type { CalendarFrequency } from "./types";

const MONTHS_PER_SLOT: Record<Exclude<CalendarFrequency, "DAILY" | "WEEKLY">, number> = {
  MONTHLY: 1,
  QUARTERLY: 3,
  SEMI_ANNUAL: 6,
  ANNUAL: 12,
};

/** The calendar slot (unclipped) that contains a day. */
export function calendarSlotOf(day: number, frequency: CalendarFrequency): DayRange {
  if (frequency === "DAILY") return { start: day, end: day };
  if (frequency === "WEEKLY") {
    const start = isoWeekStart(day);
    return { start, end: start + 6 };
  }
  const step = MONTHS_PER_SLOT[frequency];
  if (!step) throw new Error(`Unknown calendar frequency ${JSON.stringify(frequency)}`);
  const { year, month } = yearMonth(day);
  const first = Math.floor(month / step) * step;
  return { start: firstOfMonth(year, first), end: firstOfMonth(year, first + step) - 1 };
}

/** The calendar slots that intersect `range`, each clipped to it, in order. */
export function calendarSlots(range: DayRange, frequency: CalendarFrequency): DayRange[] {
  const slots: DayRange[] = [];
  let day = range.start;
  while (day <= range.end) {
    const slot = calendarSlotOf(day, frequency);
    slots.push({ start: Math.max(slot.start, range.start), end: Math.min(slot.end, range.end) });
    day = slot.end + 1;
  }
  return slots;
}

export interface PeriodSlot extends DayRange {
  inOperation: boolean;
}

/**
 * The calendar slots of a period, clipped to it, and split where the control's window starts.
 * Choice: a slot that straddles `operatesSince` becomes two slots, the days before it
 * (not in operation) and the days from it (in operation), so the listed slots always tile the
 * whole period and the in-operation ones tile the window exactly.
 */
export function periodSlots(period: DayRange, windowStart: number, frequency: CalendarFrequency): PeriodSlot[] {
  const result: PeriodSlot[] = [];
  for (const slot of calendarSlots(period, frequency)) {
    if (slot.end < windowStart) result.push({ ...slot, inOperation: false });
    else if (slot.start >= windowStart) result.push({ ...slot, inOperation: true });
    else {
      result.push({ start: slot.start, end: windowStart - 1, inOperation: false });
      result.push({ start: windowStart, end: slot.end, inOperation: true });
    }
  }
  return result;
}
