"use client";

import { useRouter } from "next/navigation";
import { useTable, type SortingState, type Updater } from "@tanstack/react-table";
import type { FeaturePage } from "@/lib/features/queries";
import type { FeatureListQuery } from "@/lib/validations/feature";
import { featuresTableColumns, featuresTableFeatures, SORT_KEYS } from "@/components/inventory/features-table-columns";
import { inventoryHref } from "@/components/inventory/inventory-href";

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
    <table className="data" aria-label="AI features">
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
          <tr key={row.id} data-slug={row.original.slug}>
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
