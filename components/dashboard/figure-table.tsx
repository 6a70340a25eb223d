import Link from "next/link";
import type { ChartSeries, StackedBarRow } from "@/components/dashboard/stacked-bar-chart";

/** A stacked chart's numbers as a table, each one a link to the list behind it (the chart's text fallback). */
export function FigureTable({
  id,
  label,
  rowHeader,
  series,
  rows,
  extra,
}: {
  /** Named by the chart's aria-describedby. */
  id: string;
  label: string;
  rowHeader: string;
  series: readonly ChartSeries[];
  rows: StackedBarRow[];
  extra?: { header: string; values: string[] };
}) {
  return (
    <table className="data" id={id} aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {series.map((s) => (
            <th key={s.key} scope="col">
              {s.name}
            </th>
          ))}
          {extra && <th scope="col">{extra.header}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.label} data-row={r.label}>
            <th scope="row">{r.label}</th>
            {series.map((s) => (
              <td key={s.key} data-series={s.key}>
                <Link href={r.links[s.key]} aria-label={`${r.label}, ${s.name}: ${r.values[s.key]}`}>
                  {r.values[s.key]}
                </Link>
              </td>
            ))}
            {extra && <td>{extra.values[i]}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
