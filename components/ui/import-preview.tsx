import type { ReactNode } from "react";
import { ImportProblems, type RowProblems } from "@/components/ui/import-problems";

// The one preview design of every import (inventory, access reviews, changes): the rows' problems,
// or what would be written and that nothing has been yet; the rows as they would be recorded;
// then the import button, offered only when every row is good.

export interface PreviewColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
}

export function ImportPreview<Row extends { row: number }>({
  heading,
  errors,
  fix,
  errorLimit,
  summary,
  label,
  caption,
  rows,
  columns,
  children,
}: {
  heading: string;
  errors: readonly RowProblems[];
  /** What to do about the problems ("Fix the file and upload it again."). */
  fix: string;
  errorLimit?: number;
  /** What the import would write, when every row is good; "Nothing has been written yet." follows. */
  summary: ReactNode;
  /** The rows table's accessible name. */
  label: string;
  caption?: ReactNode;
  rows: readonly Row[];
  columns: readonly PreviewColumn<Row>[];
  /** The import button, shown when every row is good and there is something to import. */
  children?: ReactNode;
}) {
  const good = errors.length === 0;
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">{heading}</h2>
      <ImportProblems errors={errors} fix={fix} limit={errorLimit} />
      {good && <p>{summary} Nothing has been written yet.</p>}
      {rows.length > 0 && (
        <table className="data" aria-label={label}>
          {caption && <caption className="muted">{caption}</caption>}
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.row}>
                {columns.map((c) => (
                  <td key={c.header}>{c.cell(r)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {good && rows.length > 0 && children}
    </section>
  );
}
