"use client";

import { useTable } from "@tanstack/react-table";
import type { ControlRow } from "@/lib/controls/queries";
import { controlsTableColumns, controlsTableFeatures } from "@/components/controls/controls-table-columns";
import { DataTableBody, DataTableHead } from "@/components/ui/data-table";

/** The controls matrix; filtering happens on the server (URL), sorting here. */
export function ControlsTable({ rows }: { rows: ControlRow[] }) {
  const table = useTable({ features: controlsTableFeatures, columns: controlsTableColumns, data: rows });
  if (rows.length === 0) {
    return <div className="card empty">No control matches these filters. Clear the search or choose another category or status.</div>;
  }
  return (
    <table className="data" aria-label="Controls">
      <DataTableHead table={table} />
      <DataTableBody table={table} rowProps={(r) => ({ "data-code": r.code, "data-custom": r.custom ? "true" : "false" })} />
    </table>
  );
}
