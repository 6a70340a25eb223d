import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { gapAssessment } from "@/lib/controls/gap-assessment";
import { dashboard } from "@/lib/dashboard/queries";
import { todoFor } from "@/lib/dashboard/todo";
import { emptyTodoText } from "@/lib/dashboard/todo-rules";
import { TodoList } from "@/components/dashboard/todo-list";
import { StackedBarChart, type StackedBarRow } from "@/components/dashboard/stacked-bar-chart";
import { InflowChart } from "@/components/dashboard/inflow-chart";
import { FigureTable } from "@/components/dashboard/figure-table";
import { DueSlotsList, ExpiringList } from "@/components/dashboard/due-lists";
import { COVERAGE_SERIES, DESIGN_SERIES } from "@/components/dashboard/series";
import { ReadinessSummary } from "@/components/dashboard/readiness-summary";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard" };

const summarise = (rows: StackedBarRow[], series: typeof DESIGN_SERIES) =>
  rows.map((r) => `${r.label}: ${series.map((s) => `${r.values[s.key]} ${s.name.toLowerCase()}`).join(", ")}`).join("; ");

export default async function DashboardPage() {
  const principal = await requirePage("controls:read");
  const scope = await scopeOf(principal);
  const [todo, categories, board] = await Promise.all([todoFor(principal), gapAssessment(scope), dashboard(principal)]);
  const designRows: StackedBarRow[] = categories.map((c) => ({
    label: c.label,
    values: c.counts,
    links: Object.fromEntries(DESIGN_SERIES.map((s) => [s.key, `/controls?category=${c.category}&status=${s.key}`])),
  }));
  const coverage = board.coverage;
  const coverageRows: StackedBarRow[] = (coverage?.rows ?? []).map((r) => ({
    // The period page holds the per-control coverage behind every segment.
    label: r.label,
    values: Object.fromEntries(COVERAGE_SERIES.map((s) => [s.key, r[s.key as keyof typeof r] as number])),
    links: Object.fromEntries(COVERAGE_SERIES.map((s) => [s.key, `/periods/${coverage?.period.id}`])),
  }));
  const inflowTotal = board.inflow.reduce((n, w) => n + w.uploads, 0);
  return (
    <>
      <h1>Dashboard</h1>
      <TodoList items={todo} empty={emptyTodoText((p) => principal.may(p), !scope.all)} />

      <p className="lede" style={{ marginTop: 24 }}>
        Where the programme stands today ({board.today}, {board.timeZone}): how the controls are designed, how well the current audit period
        is covered, and what needs attention next. Every number opens the list behind it.
      </p>

      <div className="grid-2" style={{ gap: 16 }}>
        <section aria-labelledby="awaiting-heading" className="card" data-figure="awaiting-review">
          <h2 id="awaiting-heading">Evidence awaiting review</h2>
          <p style={{ fontSize: "2rem", margin: "4px 0" }}>
            <Link
              href="/evidence?status=SUBMITTED"
              data-testid="awaiting-review-count"
              aria-label={`${board.awaitingReview} awaiting review`}
            >
              {board.awaitingReview}
            </Link>
          </p>
          {principal.may("evidence:review") ? (
            <Link href="/evidence/review">Open the review queue</Link>
          ) : (
            <span className="muted">A compliance lead reviews them.</span>
          )}
        </section>
        <section aria-labelledby="inflow-total-heading" className="card" data-figure="inflow-total">
          <h2 id="inflow-total-heading">Uploads, last 12 weeks</h2>
          <p style={{ fontSize: "2rem", margin: "4px 0" }}>
            <Link href="/evidence?sort=uploaded&dir=desc">{inflowTotal}</Link>
          </p>
        </section>
      </div>

      <ReadinessSummary visible={scope} />

      <section aria-labelledby="design-heading" style={{ marginTop: 24 }}>
        <h2 id="design-heading">Design status</h2>
        <StackedBarChart
          id="design-chart"
          tableId="design-table"
          caption="Design status by category"
          title="Controls per Trust Services category, stacked by design status"
          summary={summarise(designRows, DESIGN_SERIES)}
          series={DESIGN_SERIES}
          rows={designRows}
        />
        <FigureTable
          id="design-table"
          label="Design status counts by category"
          rowHeader="Category"
          series={DESIGN_SERIES}
          rows={designRows}
        />
        <p>
          <Link href="/gap-assessment">Open the gap assessment</Link>
        </p>
      </section>

      <section aria-labelledby="coverage-heading" style={{ marginTop: 24 }}>
        <h2 id="coverage-heading">Coverage{coverage ? `: ${coverage.period.name}` : ""}</h2>
        {coverage ? (
          <>
            <p className="muted" data-testid="current-period">
              <Link href={`/periods/${coverage.period.id}`}>{coverage.period.name}</Link>, {coverage.period.start} to {coverage.period.end};
              mean coverage {coverage.summary.coverage === null ? "—" : `${Math.round(coverage.summary.coverage * 100)}%`}.
            </p>
            <StackedBarChart
              id="coverage-chart"
              tableId="coverage-table"
              caption="Coverage by category, current period"
              title={`In-scope controls of ${coverage.period.name} per category, stacked by coverage status`}
              summary={summarise(coverageRows, COVERAGE_SERIES)}
              series={COVERAGE_SERIES}
              rows={coverageRows}
            />
            <FigureTable
              id="coverage-table"
              label="Coverage status counts by category"
              rowHeader="Category"
              series={COVERAGE_SERIES}
              rows={coverageRows}
              extra={{ header: "Mean coverage", values: coverage.rows.map((r) => (r.coverage === null ? "—" : `${r.coverage}%`)) }}
            />
          </>
        ) : (
          <div className="card empty">
            {principal.may("periods:write") ? (
              <>
                No audit period yet — <Link href="/periods/new">create one</Link>.
              </>
            ) : scope.all ? (
              "No audit period yet: a compliance lead creates one."
            ) : (
              "No audit period has been given to you yet."
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="inflow-heading" style={{ marginTop: 24 }}>
        <h2 id="inflow-heading">Evidence inflow</h2>
        <InflowChart weeks={board.inflow} summary={board.inflow.map((w) => `${w.week}: ${w.uploads}`).join("; ")} />
      </section>

      <section aria-labelledby="due-heading" style={{ marginTop: 24 }}>
        <h2 id="due-heading">Falling due in the next 30 days</h2>
        {coverage ? <DueSlotsList slots={coverage.dueSoon} /> : <p className="muted">No audit period yet.</p>}
      </section>

      <section aria-labelledby="expiring-heading" style={{ marginTop: 24 }}>
        <h2 id="expiring-heading">Documents expiring in the next 60 days</h2>
        <ExpiringList evidence={board.expiring} />
      </section>
    </>
  );
}
