import Link from "next/link";
import type { GapControl } from "@/lib/controls/gap-assessment";
import { DESIGN_STATUS_LABELS } from "@/lib/validations/control";
import { DesignStatusInlineForm } from "@/components/gap-assessment/design-status-inline-form";

/** One category's controls; compliance leads change the design status inline. */
export function GapCategoryTable({ label, controls, editable }: { label: string; controls: GapControl[]; editable: boolean }) {
  if (controls.length === 0) return <div className="card empty">No {label} controls yet.</div>;
  return (
    <table className="data" aria-label={`${label} controls`}>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Title</th>
          <th scope="col">Design status</th>
          <th scope="col">Owner</th>
          <th scope="col">Operates since</th>
          <th scope="col">Notes</th>
        </tr>
      </thead>
      <tbody>
        {controls.map((c) => (
          <tr key={c.code} data-code={c.code}>
            <td>
              <Link href={`/controls/${encodeURIComponent(c.code)}`}>{c.code}</Link>
            </td>
            <td>{c.title}</td>
            <td data-status={c.designStatus}>
              {editable ? (
                <DesignStatusInlineForm code={c.code} designStatus={c.designStatus} />
              ) : (
                <span className={`badge ${c.designStatus}`}>{DESIGN_STATUS_LABELS[c.designStatus]}</span>
              )}
            </td>
            <td>{c.owner ?? "—"}</td>
            <td>{c.operatesSince ?? "—"}</td>
            <td>{c.notes ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
