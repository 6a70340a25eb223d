import { COVERAGE_STATUSES } from "@/lib/coverage/types";
import { COVERAGE_STATUS_LABELS } from "@/components/periods/heatmap-labels";

// A control's operating status in the matrix: the period's coverage status, or that the period
// does not measure it (its category is not in the period's scope).

export const OPERATING_FILTERS = [...COVERAGE_STATUSES, "OUT_OF_PERIOD"] as const;
export type OperatingFilter = (typeof OPERATING_FILTERS)[number];

export const OPERATING_LABELS: Record<OperatingFilter, string> = { ...COVERAGE_STATUS_LABELS, OUT_OF_PERIOD: "Not in this period" };

/** Sort rank, worst first: what needs attention comes to the top of an ascending sort. */
export const OPERATING_RANK: Record<OperatingFilter, number> = {
  NOT_OPERATING: 0,
  GAPS: 1,
  NOT_YET_DUE: 2,
  OPERATING: 3,
  NOT_APPLICABLE: 4,
  OUT_OF_PERIOD: 5,
};
