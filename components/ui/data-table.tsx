"use client";

import type { HTMLAttributes } from "react";
import type { ReactTable, RowData, TableFeatures } from "@tanstack/react-table";

// The markup every TanStack table of the app shares: a header row whose sortable columns are
// buttons with aria-sort (the server sorts when the caller's onSortingChange navigates), and one
// row per record with the caller's data attributes. Columns, features and state stay with each table.

/** What a header needs of a column; columns of tables without the sorting feature have none of it. */
interface SortableColumn {
  getIsSorted?: () => false | "asc" | "desc";
  getCanSort?: () => boolean;
  getToggleSortingHandler?: () => ((event: unknown) => void) | undefined;
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;
const ARROW = { asc: " ▲", desc: " ▼" } as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any selected state: only headers and rows are read
type AnyTable<TFeatures extends TableFeatures, TData extends RowData> = ReactTable<TFeatures, TData, any>;

export function DataTableHead<TFeatures extends TableFeatures, TData extends RowData>({ table }: { table: AnyTable<TFeatures, TData> }) {
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => {
            const column = header.column as unknown as SortableColumn;
            const sorted = column.getIsSorted?.() ?? false;
            return (
              <th key={header.id} scope="col" aria-sort={sorted ? ARIA_SORT[sorted] : undefined}>
                {column.getCanSort?.() ? (
                  <button type="button" className="sort" onClick={column.getToggleSortingHandler?.()}>
                    <table.FlexRender header={header} />
                    <span aria-hidden="true">{sorted ? ARROW[sorted] : " ↕"}</span>
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
  );
}

export function DataTableBody<TFeatures extends TableFeatures, TData extends RowData>({
  table,
  rowProps,
}: {
  table: AnyTable<TFeatures, TData>;
  /** Attributes of each row's <tr>, such as data-id, that tests and styles find rows by. */
  rowProps?: (row: TData) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
}) {
  return (
    <tbody>
      {table.getRowModel().rows.map((row) => (
        <tr key={row.id} {...rowProps?.(row.original)}>
          {row.getAllCells().map((cell) => (
            <td key={cell.id}>
              <table.FlexRender cell={cell} />
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
