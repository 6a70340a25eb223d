"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartSeries {
  key: string;
  name: string;
  color: string;
}

/** One bar: a label, a number per series, and the list behind each segment. */
export interface StackedBarRow {
  label: string;
  values: Record<string, number>;
  links: Record<string, string>;
}

/**
 * Bars stacked by series (the gap assessment's style). A click on a segment opens the list behind
 * it; keyboard and screen-reader users get the same numbers and links in the table beside it.
 */
export function StackedBarChart({
  id,
  tableId,
  caption,
  title,
  summary,
  series,
  rows,
}: {
  id: string;
  /** The id of the table that holds the chart's numbers as text (FigureTable): the chart's description. */
  tableId: string;
  caption: string;
  title: string;
  summary: string;
  series: readonly ChartSeries[];
  rows: StackedBarRow[];
}) {
  const router = useRouter();
  const data = rows.map((r) => ({ label: r.label, ...r.values }));
  return (
    <figure
      className="card dashboard-chart"
      aria-labelledby={`${id}-caption`}
      aria-describedby={tableId}
      data-chart={id}
      style={{ margin: "0 0 12px" }}
    >
      <figcaption id={`${id}-caption`}>
        <strong>{caption}</strong>
      </figcaption>
      <BarChart
        data={data}
        responsive
        style={{ width: "100%", height: 260 }}
        title={title}
        desc={summary}
        margin={{ top: 16, right: 16, bottom: 8, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend itemSorter={null} />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stackId="stack"
            fill={s.color}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(_entry, index) => {
              const href = rows[index]?.links[s.key];
              if (href) router.push(href);
            }}
          />
        ))}
      </BarChart>
    </figure>
  );
}
