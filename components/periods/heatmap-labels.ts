import type { CoverageSlot, CoverageStatus, SlotState } from "@/lib/coverage/types";

// Words for the coverage states, shared by the heatmap, its legend, the detail panel and the slot list.

export const SLOT_STATE_LABELS: Record<SlotState, string> = {
  COVERED: "covered",
  MISSING: "missing",
  NOT_YET_DUE: "not yet due",
  NOT_IN_OPERATION: "not in operation",
};

export const COVERAGE_STATUS_LABELS: Record<CoverageStatus, string> = {
  OPERATING: "Operating",
  GAPS: "Gaps",
  NOT_OPERATING: "Not operating",
  NOT_YET_DUE: "Not yet due",
  NOT_APPLICABLE: "Not applicable",
};

export const percent = (ratio: number | null) => (ratio === null ? "—" : `${Math.round(ratio * 100)}%`);

export const slotDates = (slot: Pick<CoverageSlot, "start" | "end">) =>
  slot.start === slot.end ? slot.start : `${slot.start} to ${slot.end}`;

/**
 * The accessible name of a heatmap cell, e.g. "AI-SEC-05, 2026-04-01 to 2026-06-30: missing", or
 * for a per-vendor validity control "AI-CONF-02, 2026-04-01 to 2026-06-30: missing for OpenAI".
 */
export const slotName = (control: string, slot: CoverageSlot) =>
  `${control}, ${slotDates(slot)}${slot.change ? ` (change ${slot.change})` : ""}: ${SLOT_STATE_LABELS[slot.state]}` +
  (slot.missingVendors?.length ? ` for ${slot.missingVendors.join(", ")}` : "");

/** Days in a slot, both ends included (calendar dates, so UTC arithmetic is exact). */
export const slotDays = (slot: Pick<CoverageSlot, "start" | "end">) =>
  Math.round((Date.parse(`${slot.end}T00:00:00Z`) - Date.parse(`${slot.start}T00:00:00Z`)) / 86_400_000) + 1;
