"use client";

import { useRouter } from "next/navigation";
import { useTable, type SortingState, type Updater } from "@tanstack/react-table";
import { defaultDir, type EvidenceTableQuery } from "@/lib/validations/evidence-table";
import {
  evidenceTableColumns,
  evidenceTableFeatures,
  SORT_KEYS,
  type EvidenceTableRow,
} from "@/components/evidence/evidence-table-columns";
import { evidenceTableHref } from "@/components/evidence/evidence-table-href";
import { DataTableBody, DataTableHead } from "@/components/ui/data-table";
import { TableScroll } from "@/components/ui/table-scroll";

const COLUMN_OF = Object.fromEntries(Object.entries(SORT_KEYS).map(([column, key]) => [key, column])) as Record<string, string>;

/** One server page of evidence. Sorting is in the URL: a header click navigates, the server sorts. */
export function EvidenceTable({
  rows,
  total,
  pageSize,
  query,
}: {
  rows: EvidenceTableRow[];
  total: number;
  pageSize: number;
  query: EvidenceTableQuery;
}) {
  const router = useRouter();
  const sorting: SortingState = [{ id: COLUMN_OF[query.sort], desc: query.dir === "desc" }];
  const onSortingChange = (updater: Updater<SortingState>) => {
    const next = typeof updater === "function" ? updater(sorting) : updater;
    const first = next[0];
    const sort = first ? SORT_KEYS[first.id as keyof typeof SORT_KEYS] : "uploaded";
    router.push(evidenceTableHref(query, { sort, dir: first ? (first.desc ? "desc" : "asc") : defaultDir(sort), page: 1 }));
  };
  const table = useTable({
    features: evidenceTableFeatures,
    columns: evidenceTableColumns,
    data: rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting, pagination: { pageIndex: query.page - 1, pageSize } },
    onSortingChange,
  });
  return (
    <TableScroll label="Evidence">
      <table className="data" aria-label="Evidence">
        <DataTableHead table={table} />
        <DataTableBody table={table} rowProps={(r) => ({ "data-id": r.id, "data-status": r.status })} />
      </table>
    </TableScroll>
  );
}
