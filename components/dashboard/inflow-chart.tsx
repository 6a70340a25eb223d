"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import type { InflowWeek } from "@/lib/dashboard/queries";

/**
 * Evidence uploads per ISO week, labelled with their counts; a bar opens the evidence list, newest
 * uploads first. The weeks and counts are also a table under the chart (folded away; the chart's
 * description), for screen readers and keyboards.
 */
export function InflowChart({ weeks, summary }: { weeks: InflowWeek[]; summary: string }) {
  const router = useRouter();
  return (
    <figure
      className="card dashboard-chart"
      aria-labelledby="inflow-caption"
      aria-describedby="inflow-table"
      data-chart="inflow"
      style={{ margin: "0 0 12px" }}
    >
      <figcaption id="inflow-caption">
        <strong>Evidence inflow per week</strong>
      </figcaption>
      <BarChart
        data={weeks}
        responsive
        style={{ width: "100%", height: 240 }}
        title="Evidence uploads per ISO week, the last 12 weeks"
        desc={summary}
        margin={{ top: 20, right: 16, bottom: 8, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="week" tickFormatter={(week: string) => week.slice(5)} />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Bar
          dataKey="uploads"
          name="Uploads"
          fill="#175cd3"
          cursor="pointer"
          isAnimationActive={false}
          onClick={() => router.push("/evidence?sort=uploaded&dir=desc")}
        >
          <LabelList dataKey="uploads" position="top" />
        </Bar>
      </BarChart>
      <details>
        <summary>The numbers</summary>
        <table className="data" id="inflow-table" aria-label="Evidence uploads per ISO week">
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col">Uploads</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.week}>
                <th scope="row">{w.week}</th>
                <td>{w.uploads}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
