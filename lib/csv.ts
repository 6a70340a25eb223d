import Papa from "papaparse";

// How Attest writes a CSV file (the inventory's, the changes', the access-review record, the
// auditor package's tables): CRLF line ends, a line end after the last row, and no cell that a
// spreadsheet would run as a formula.

/** Spreadsheets run cells that start with these as formulas (OWASP "CSV injection"). */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell with a leading apostrophe when it would start a formula; "" for no value. */
export function safeCell(value: string | null | undefined): string {
  const text = value ?? "";
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A header and its rows as CSV text; every cell through safeCell (null and undefined: empty). */
export function csvTable(columns: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  const data = rows.map((row) => row.map((cell) => safeCell(cell === null || cell === undefined ? "" : String(cell))));
  const csv = Papa.unparse({ fields: [...columns], data }, { newline: "\r\n" });
  return csv.endsWith("\r\n") ? csv : `${csv}\r\n`;
}
