// What an import preview says when rows are wrong: how many, that nothing will be written, and
// each row's problems (row 0 is the file as a whole). Shared by every CSV and JSON import.

export interface RowProblems {
  row: number;
  messages: string[];
}

export function ImportProblems({ errors, fix, limit }: { errors: readonly RowProblems[]; fix: string; limit?: number }) {
  if (errors.length === 0) return null;
  const shown = limit === undefined ? errors : errors.slice(0, limit);
  return (
    <>
      <div className="alert error" role="alert">
        {errors.length} row{errors.length === 1 ? " has" : "s have"} problems, so nothing can be imported. {fix}
      </div>
      <table className="data" aria-label="Rows with problems">
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Problems</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => (
            <tr key={e.row}>
              <td>{e.row === 0 ? "File" : `Row ${e.row}`}</td>
              <td>
                <ul>
                  {e.messages.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length < errors.length && <p className="muted">…and {errors.length - shown.length} more rows with problems.</p>}
    </>
  );
}
