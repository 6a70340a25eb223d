"use client";

import { useTable } from "@tanstack/react-table";
import type { VendorJson } from "@/lib/vendors/service";
import { DataTableBody, DataTableHead } from "@/components/ui/data-table";
import { vendorsTableColumns, vendorsTableFeatures } from "@/components/vendors/vendors-table-columns";
import { TableScroll } from "@/components/ui/table-scroll";

/** One server page of vendors with their package state at a glance. */
export function VendorsTable({ rows, page, pageSize, total }: { rows: VendorJson[]; page: number; pageSize: number; total: number }) {
  const table = useTable({
    features: vendorsTableFeatures,
    columns: vendorsTableColumns,
    data: rows,
    manualPagination: true,
    rowCount: total,
    state: { pagination: { pageIndex: page - 1, pageSize } },
  });
  return (
    <TableScroll label="Vendors">
      <table className="data" aria-label="Vendors">
        <DataTableHead table={table} />
        <DataTableBody table={table} rowProps={(r) => ({ "data-vendor": r.name })} />
      </table>
    </TableScroll>
  );
}
