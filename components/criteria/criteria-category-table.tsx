import Link from "next/link";
import type { AddressedCriterion, ExclusionReason } from "@/lib/criteria/addressed";

const EXCLUSION_LABELS: Record<ExclusionReason, string> = {
  OUT_OF_SCOPE: "its category is not in this period",
  NOT_APPLICABLE: "marked not applicable",
  NOT_YET_OPERATING: "operates only after this period",
};

const controlLink = (code: string) => <Link href={`/controls/${encodeURIComponent(code)}`}>{code}</Link>;

/** One category's criteria, each with the controls that address it and those mapped that do not count. */
export function CriteriaCategoryTable({ label, criteria }: { label: string; criteria: AddressedCriterion[] }) {
  return (
    <table className="data" aria-label={`${label} criteria`}>
      <thead>
        <tr>
          <th scope="col">Criterion</th>
          <th scope="col">Description</th>
          <th scope="col">Addressed by</th>
        </tr>
      </thead>
      <tbody>
        {criteria.map((criterion) => (
          <tr
            key={criterion.id}
            id={`criterion-${criterion.id}`}
            data-criterion={criterion.id}
            data-addressed={criterion.addressed ? "true" : "false"}
          >
            <th scope="row">{criterion.id}</th>
            <td>{criterion.title}</td>
            <td>
              {!criterion.addressed && <span className="badge MISSING">No control</span>}
              {criterion.controls.map((control) => (
                <div key={control.code} data-control={control.code}>
                  {controlLink(control.code)} {control.title}
                  {control.custom && <span className="muted"> (custom)</span>}
                </div>
              ))}
              {criterion.excluded.map((control) => (
                <div key={control.code} className="muted" data-excluded={control.code}>
                  {controlLink(control.code)} not counted: {EXCLUSION_LABELS[control.reason]}
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
