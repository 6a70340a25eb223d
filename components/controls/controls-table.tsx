"use client";

import { useTable } from "@tanstack/react-table";
import type { ControlRow } from "@/lib/controls/queries";
import { controlsTableColumns, controlsTableFeatures } from "@/components/controls/controls-table-columns";

/** The controls matrix; filtering happens on the server (URL), sorting here. */
export function ControlsTable({ rows }: { rows: ControlRow[] }) {
  const table = useTable({ features: controlsTableFeatures, columns: controlsTableColumns, data: rows });
  if (rows.length === 0) {
    return <div className="card empty">No control matches these filters. Clear the search or choose another category or status.</div>;
  }
  return (
    <table className="data" aria-label="Controls">
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              return (
                <th key={header.id} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
                  {header.column.getCanSort() ? (
                    <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                      <table.FlexRender header={header} />
                      <span aria-hidden="true">{sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : " ↕"}</span>
                    </button>
                  ) : (
                    <table.FlexRender header={header} />
                  )}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} data-code={row.original.code} data-custom={row.original.custom ? "true" : "false"}>
            {row.getAllCells().map((cell) => (
              <td key={cell.id}>
                <table.FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
