// What an import preview says when rows are wrong: how many, that nothing will be written, and
// each row's problems (row 0 is the file as a whole). Shared by every CSV and JSON import.

export interface RowProblems {
  row: number;
  messages: string[];
}

export function ImportProblems({ errors, fix }: { errors: readonly RowProblems[]; fix: string }) {
  if (errors.length === 0) return null;
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
          {errors.map((e) => (
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
    </>
  );
}
