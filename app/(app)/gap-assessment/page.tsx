import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { gapAssessment, gapChartRows } from "@/lib/controls/gap-assessment";
import { DESIGN_STATUSES, DESIGN_STATUS_LABELS } from "@/lib/validations/control";
import { GapChart } from "@/components/gap-assessment/gap-chart";
import { GapCategoryTable } from "@/components/gap-assessment/gap-category-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Gap assessment" };

export default async function GapAssessmentPage() {
  const principal = await requirePage("controls:read");
  const categories = await gapAssessment(await scopeOf(principal));
  const editable = principal.may("controls:write");
  const total = categories.reduce((n, c) => n + c.controls.length, 0);
  const summary = categories
    .map((c) => `${c.label}: ${DESIGN_STATUSES.map((s) => `${c.counts[s]} ${DESIGN_STATUS_LABELS[s].toLowerCase()}`).join(", ")}`)
    .join("; ");
  return (
    <>
      <h1>Gap assessment</h1>
      <p className="lede">
        The design status of each of the {total} controls, by Trust Services category: what is in place, what is partial, what is missing,
        and what does not apply.
      </p>
      <p className="toolbar">
        <a className="button secondary" href="/gap-assessment/export" download>
          Export CSV
        </a>
      </p>
      <GapChart rows={gapChartRows(categories)} summary={summary} tableId="gap-table" />
      <table className="data" id="gap-table" aria-label="Design status counts by category">
        <thead>
          <tr>
            <th scope="col">Category</th>
            {DESIGN_STATUSES.map((s) => (
              <th key={s} scope="col">
                {DESIGN_STATUS_LABELS[s]}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.category} data-category={c.category}>
              <th scope="row">
                <a href={`#category-${c.category}`}>{c.label}</a>
              </th>
              {DESIGN_STATUSES.map((s) => (
                <td key={s} data-status={s}>
                  {c.counts[s]}
                </td>
              ))}
              <td data-status="TOTAL">{c.controls.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {categories.map((c) => (
        <section key={c.category} id={`category-${c.category}`} aria-labelledby={`heading-${c.category}`} style={{ marginTop: 24 }}>
          <h2 id={`heading-${c.category}`}>{c.label}</h2>
          <p className="muted">{DESIGN_STATUSES.map((s) => `${DESIGN_STATUS_LABELS[s]}: ${c.counts[s]}`).join(" · ")}</p>
          <GapCategoryTable label={c.label} controls={c.controls} editable={editable} />
        </section>
      ))}
      {editable && (
        <p className="muted">
          A control marked not applicable needs a justification: set it on the control&apos;s page.{" "}
          <Link href="/controls">All controls</Link>
        </p>
      )}
    </>
  );
}
