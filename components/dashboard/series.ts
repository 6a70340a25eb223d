import type { ChartSeries } from "@/components/dashboard/stacked-bar-chart";

// Colours follow the status badges: green in place / operating, amber partial / gaps, red missing /
// not operating, blue not yet due, grey not applicable.

export const DESIGN_SERIES: readonly ChartSeries[] = [
  { key: "IN_PLACE", name: "In place", color: "#067647" },
  { key: "PARTIAL", name: "Partial", color: "#dc6803" },
  { key: "MISSING", name: "Missing", color: "#b42318" },
  { key: "NOT_APPLICABLE", name: "Not applicable", color: "#98a2b3" },
];

export const COVERAGE_SERIES: readonly ChartSeries[] = [
  { key: "OPERATING", name: "Operating", color: "#067647" },
  { key: "GAPS", name: "Gaps", color: "#dc6803" },
  { key: "NOT_OPERATING", name: "Not operating", color: "#b42318" },
  { key: "NOT_YET_DUE", name: "Not yet due", color: "#175cd3" },
  { key: "NOT_APPLICABLE", name: "Not applicable", color: "#98a2b3" },
];
