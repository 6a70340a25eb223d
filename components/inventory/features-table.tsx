"use client";

import { useRouter } from "next/navigation";
import { useTable, type SortingState, type Updater } from "@tanstack/react-table";
import type { FeaturePage } from "@/lib/features/queries";
import type { FeatureListQuery } from "@/lib/validations/feature";
import { featuresTableColumns, featuresTableFeatures, SORT_KEYS } from "@/components/inventory/features-table-columns";
import { inventoryHref } from "@/components/inventory/inventory-href";
import { DataTableBody, DataTableHead } from "@/components/ui/data-table";
import { TableScroll } from "@/components/ui/table-scroll";

const COLUMN_OF = Object.fromEntries(Object.entries(SORT_KEYS).map(([column, key]) => [key, column])) as Record<string, string>;

/** One server page of the inventory. Sorting is in the URL: a header click navigates, the server sorts. */
export function FeaturesTable({ page, query }: { page: FeaturePage; query: FeatureListQuery }) {
  const router = useRouter();
  const sorting: SortingState = [{ id: COLUMN_OF[query.sort], desc: query.dir === "desc" }];
  const onSortingChange = (updater: Updater<SortingState>) => {
    const next = typeof updater === "function" ? updater(sorting) : updater;
    const first = next[0];
    const sort = first ? SORT_KEYS[first.id as keyof typeof SORT_KEYS] : "name";
    router.push(inventoryHref(query, { sort, dir: first?.desc ? "desc" : "asc", page: 1 }));
  };
  const table = useTable({
    features: featuresTableFeatures,
    columns: featuresTableColumns,
    data: page.rows,
    manualSorting: true,
    manualPagination: true,
    rowCount: page.total,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting, pagination: { pageIndex: page.page - 1, pageSize: page.pageSize } },
    onSortingChange,
  });
  return (
    <TableScroll label="AI features">
      <table className="data" aria-label="AI features">
        <DataTableHead table={table} />
        <DataTableBody table={table} rowProps={(r) => ({ "data-slug": r.slug })} />
      </table>
    </TableScroll>
  );
}
