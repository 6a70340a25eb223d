import { addDays } from "@/lib/coverage/dates";
import type { CoverageItem, Frequency } from "@/lib/coverage/types";

// A control's slots as members of a sampling population (docs/auditors.md, "Sampling"). Pure.

export interface SlotMember {
  /** `CONTROL/START/END`, and `/CHANGE-ID` for a per-event slot: what the draw key hashes. */
  id: string;
  control: string;
  start: string;
  end: string;
  state: "COVERED" | "MISSING";
  /** The accepted evidence that covers it. */
  evidence: string[];
  /** A per-event slot's change. */
  change: string | null;
}

/**
 * The due slots of a control: covered or missing, the ones its coverage counts as expected (a slot
 * not yet due, or before the control operates, asks nothing of it). A validity control's expected
 * count is days, so its members are days: each day of a covered or missing run.
 */
export function slotMembers(item: CoverageItem, frequency: Frequency): SlotMember[] {
  const members: SlotMember[] = [];
  for (const slot of item.slots) {
    if (slot.state !== "COVERED" && slot.state !== "MISSING") continue;
    const member = (start: string, end: string): SlotMember => ({
      id: [item.control, start, end, ...(slot.change ? [slot.change] : [])].join("/"),
      control: item.control,
      start,
      end,
      state: slot.state as SlotMember["state"],
      evidence: slot.evidence,
      change: slot.change ?? null,
    });
    if (frequency !== "VALIDITY") members.push(member(slot.start, slot.end));
    else for (let d = slot.start; d <= slot.end; d = addDays(d, 1)) members.push(member(d, d));
  }
  return members;
}
