"use client";

import { useTable } from "@tanstack/react-table";
import { controlsTableColumns, controlsTableFeatures, periodColumns, type MatrixRow } from "@/components/controls/controls-table-columns";
import { DataTableBody, DataTableHead } from "@/components/ui/data-table";
import { TableScroll } from "@/components/ui/table-scroll";

const withPeriodColumns = [...controlsTableColumns, ...periodColumns];

/** The controls matrix; filtering happens on the server (URL), sorting here. `withPeriod`: the period's columns too. */
export function ControlsTable({ rows, withPeriod }: { rows: MatrixRow[]; withPeriod: boolean }) {
  const table = useTable({ features: controlsTableFeatures, columns: withPeriod ? withPeriodColumns : controlsTableColumns, data: rows });
  if (rows.length === 0) {
    return <div className="card empty">No control matches these filters. Clear the search or choose another category or status.</div>;
  }
  return (
    <TableScroll label="Controls">
      <table className="data" aria-label="Controls">
        <DataTableHead table={table} />
        <DataTableBody
          table={table}
          rowProps={(r) => ({ "data-code": r.code, "data-custom": r.custom ? "true" : "false", "data-operating": r.operating ?? "" })}
        />
      </table>
    </TableScroll>
  );
}
