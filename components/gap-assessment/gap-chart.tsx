"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { GapChartRow } from "@/lib/controls/gap-assessment";

// Status colours follow the badges: green in place, amber partial, red missing, grey not applicable.
const SERIES = [
  { key: "IN_PLACE", name: "In place", color: "#067647" },
  { key: "PARTIAL", name: "Partial", color: "#dc6803" },
  { key: "MISSING", name: "Missing", color: "#b42318" },
  { key: "NOT_APPLICABLE", name: "Not applicable", color: "#98a2b3" },
] as const;

/** Controls per category, stacked by design status. The table below holds the same numbers as text. */
export function GapChart({ rows, summary, tableId }: { rows: GapChartRow[]; summary: string; tableId: string }) {
  return (
    <figure className="card gap-chart" aria-labelledby="gap-chart-caption" aria-describedby={tableId} style={{ margin: "0 0 16px" }}>
      <figcaption id="gap-chart-caption">
        <strong>Design status by category</strong>
      </figcaption>
      <BarChart
        data={rows}
        responsive
        style={{ width: "100%", height: 280 }}
        title="Controls per Trust Services category, stacked by design status"
        desc={summary}
        margin={{ top: 16, right: 16, bottom: 8, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="category" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        {/* In the order of the statuses, not alphabetical (the default). */}
        <Legend itemSorter={null} />
        {SERIES.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} stackId="status" fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </figure>
  );
}
