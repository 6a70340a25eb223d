import type { Scope } from "@/lib/auth/scope";
import Link from "next/link";
import { featureMappings } from "@/lib/mapping/queries";
import { DESIGN_STATUS_LABELS } from "@/lib/validations/control";
import { MappingDecision } from "@/components/mapping/mapping-decision";

/** The controls that apply to a feature, and what its answers suggest, for the feature page. */
export async function FeatureMappings({ slug, canEdit, scope }: { slug: string; canEdit: boolean; scope: Scope }) {
  const rows = await featureMappings(slug, scope);
  if (!rows) return null;
  const relevant = rows.filter((r) => r.applies !== null || r.suggested);
  return (
    <section aria-labelledby="mappings-heading">
      <h2 id="mappings-heading">Controls</h2>
      <p className="muted">
        Suggestions come from the answers above; each says why. A person confirms each one. Other controls can be mapped on the{" "}
        <Link href="/mapping">mapping matrix</Link>.
      </p>
      {relevant.length === 0 ? (
        <p className="muted">No control is mapped or suggested yet.{canEdit ? " Answer the questions to get suggestions." : ""}</p>
      ) : (
        <table className="data" aria-label="Mapped controls">
          <thead>
            <tr>
              <th>Control</th>
              <th>Applies</th>
              <th>Why</th>
              <th>Design status</th>
              {canEdit && <th>Decision</th>}
            </tr>
          </thead>
          <tbody>
            {relevant.map((r) => (
              <tr key={r.code} data-code={r.code}>
                <td>
                  <Link href={`/controls/${r.code}`}>{r.code}</Link> {r.title}
                </td>
                <td>{r.applies === null ? "Suggested, not confirmed" : r.applies ? "Applies" : "Does not apply"}</td>
                <td>{r.applies === false ? r.justification : r.reasons.join(" ")}</td>
                <td>
                  <span className={`badge ${r.designStatus}`}>
                    {DESIGN_STATUS_LABELS[r.designStatus as keyof typeof DESIGN_STATUS_LABELS]}
                  </span>
                </td>
                {canEdit && (
                  <td>
                    <MappingDecision slug={slug} code={r.code} applies={r.applies} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
