import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { criteriaSupport } from "@/lib/controls/criteria";
import { DESIGN_STATUS_LABELS } from "@/lib/validations/control";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Criteria" };

export default async function CriteriaPage() {
  await requirePage("controls:read");
  const categories = await criteriaSupport();
  const unsupported = categories.flatMap((c) => c.criteria.filter((x) => x.unsupported));
  const total = categories.reduce((n, c) => n + c.criteria.length, 0);
  return (
    <>
      <h1>Criteria</h1>
      <p className="lede">The {total} Trust Services criteria Attest tracks, by category, with the controls that support each one.</p>
      <p className="muted" data-testid="scope-rule">
        In scope, until audit periods exist: Security is always in scope; another category is in scope when at least one of its controls is
        not marked not applicable. A control marked not applicable supports no criterion.
      </p>
      <div role="status" className={`alert ${unsupported.length ? "warn" : "success"}`} data-testid="unsupported-count">
        {unsupported.length === 0
          ? "Every in-scope criterion is supported by at least one control."
          : `${unsupported.length} in-scope criteri${unsupported.length === 1 ? "on has" : "a have"} no control: ${unsupported.map((c) => c.id).join(", ")}.`}
      </div>
      {categories.map((category) => (
        <section key={category.category} aria-labelledby={`criteria-${category.category}`} style={{ marginTop: 24 }}>
          <h2 id={`criteria-${category.category}`}>
            {category.label} <span className="muted">({category.inScope ? "in scope" : "out of scope"})</span>
          </h2>
          <table className="data" aria-label={`${category.label} criteria`}>
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col">Description</th>
                <th scope="col">Supporting controls</th>
              </tr>
            </thead>
            <tbody>
              {category.criteria.map((criterion) => (
                <tr key={criterion.id} data-criterion={criterion.id} data-unsupported={criterion.unsupported ? "true" : "false"}>
                  <th scope="row">{criterion.id}</th>
                  <td>{criterion.title}</td>
                  <td>
                    {criterion.unsupported && <span className="badge MISSING">No control</span>}
                    {criterion.controls.length === 0 && !criterion.unsupported && (
                      <span className="muted">None (category out of scope)</span>
                    )}
                    {criterion.controls.map((control) => (
                      <div key={control.code}>
                        <Link href={`/controls/${encodeURIComponent(control.code)}`}>{control.code}</Link> {control.title}
                        {control.custom && <span className="muted"> (custom)</span>}
                        {control.designStatus === "NOT_APPLICABLE" && (
                          <span className="muted"> ({DESIGN_STATUS_LABELS.NOT_APPLICABLE.toLowerCase()})</span>
                        )}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
