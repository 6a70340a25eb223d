"use client";

import { Fragment } from "react";
import { useTable } from "@tanstack/react-table";
import { auditLogTableColumns, auditLogTableFeatures, type AuditLogTableRow } from "@/components/audit-log/audit-log-table-columns";
import styles from "@/components/audit-log/audit-log.module.css";
import { DataTableHead } from "@/components/ui/data-table";
import { TableScroll } from "@/components/ui/table-scroll";

const json = (value: unknown) => (value === null || value === undefined ? "null" : JSON.stringify(value, null, 2));

/** One server page of the audit log (filtering and paging happen on the server, in the URL). */
export function AuditLogTable({ rows }: { rows: AuditLogTableRow[] }) {
  const table = useTable({
    features: auditLogTableFeatures,
    columns: auditLogTableColumns,
    data: rows,
    getRowId: (row) => row.seq,
    getRowCanExpand: () => true,
  });
  return (
    <TableScroll label="Audit log">
      <table className="data" aria-label="Audit log">
        <DataTableHead table={table} />
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <Fragment key={row.id}>
              <tr data-seq={row.original.seq}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
              {row.getIsExpanded() && (
                <tr id={`audit-entry-${row.original.seq}-json`} className={styles.json}>
                  <td colSpan={row.getAllCells().length}>
                    <div className="grid-2">
                      <div>
                        <h3>Before</h3>
                        <pre>{json(row.original.before)}</pre>
                      </div>
                      <div>
                        <h3>After</h3>
                        <pre>{json(row.original.after)}</pre>
                      </div>
                    </div>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
