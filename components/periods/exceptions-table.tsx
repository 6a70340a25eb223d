import type { ExceptionWithResponse } from "@/lib/exceptions/live";
import type { ExceptionKind } from "@/lib/export/types";
import { ResponseForm } from "@/components/periods/response-form";

export const EXCEPTION_KIND_LABELS: Record<ExceptionKind, string> = {
  MISSING_SLOT: "Missing evidence",
  EVIDENCE_REJECTED: "Evidence rejected",
  EVIDENCE_WITHDRAWN: "Evidence withdrawn",
  READINESS_CHECK: "Readiness check failing",
};

/** The period's exceptions with management's responses; a lead edits the responses of an unlocked period. */
export function ExceptionsTable(props: { periodId: string; exceptions: ExceptionWithResponse[]; editable: boolean }) {
  if (props.exceptions.length === 0) return <div className="card empty">This period has no exceptions.</div>;
  return (
    <div className="card">
      <table className="data" aria-label="Exceptions">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Kind</th>
            <th scope="col">Control</th>
            <th scope="col">Dates</th>
            <th scope="col">Description</th>
            <th scope="col">Management response</th>
          </tr>
        </thead>
        <tbody>
          {props.exceptions.map((e, i) => (
            <tr key={e.id} data-exception-id={e.id}>
              <td>{i + 1}</td>
              <td>{EXCEPTION_KIND_LABELS[e.kind]}</td>
              <td>{e.control ?? "—"}</td>
              <td style={{ whiteSpace: "nowrap" }}>{e.start === e.end ? e.start : `${e.start} to ${e.end}`}</td>
              <td>{e.description}</td>
              <td>
                {props.editable ? (
                  <ResponseForm periodId={props.periodId} exceptionId={e.id} index={i + 1} response={e.response} />
                ) : (
                  e.response || <span className="muted">No response yet</span>
                )}
                {e.respondedBy && (
                  <p className="muted">
                    {e.respondedBy}, {e.respondedAt?.slice(0, 16).replace("T", " ")} UTC
                  </p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
