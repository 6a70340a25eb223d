import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { scopeOf } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { criteriaForPeriod } from "@/lib/criteria/queries";
import { listPeriods, type PeriodJson } from "@/lib/periods/service";
import { PeriodPicker } from "@/components/periods/period-picker";
import { criteriaQuerySchema } from "@/lib/validations/criteria";
import { CATEGORY_LABELS } from "@/lib/validations/control";
import { CriteriaCategoryTable } from "@/components/criteria/criteria-category-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Criteria" };

const pageQuery = criteriaQuerySchema.pick({ period: true });

export default async function CriteriaPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePage("controls:read");
  const raw = (await searchParams).period;
  const query = pageQuery.safeParse({ period: typeof raw === "string" && raw !== "" ? raw : undefined });
  const visible = await scopeOf(principal);
  const [periods, view] = await Promise.all([
    listPeriods(visible),
    query.success
      ? criteriaForPeriod(query.data.period, visible).catch((error: unknown) => {
          // An unknown period is the caller's mistake, said as such; anything else (an outage) goes to error.tsx.
          if (error instanceof AppError && error.code === "NOT_FOUND") return null;
          throw error;
        })
      : null,
  ]);
  if (!view) return <UnknownPeriod periods={periods} />;
  const { period, categories, unaddressed } = view;
  const total = categories.reduce((n, c) => n + c.criteria.length, 0);
  return (
    <>
      <h1>Criteria</h1>
      <p className="lede">
        The Trust Services criteria of an audit period&apos;s categories, the controls in its scope that address each one, and the criteria
        no control addresses.
      </p>
      {periods.length === 0 ? (
        <div className="card empty" data-testid="no-period">
          No audit period yet, so every category is shown and every control counts.{" "}
          {principal.may("periods:write") && <Link href="/periods/new">Create a period</Link>}
        </div>
      ) : (
        <PeriodPicker action="/criteria" periods={periods} selected={period?.id} />
      )}
      <p className="muted" data-testid="scope-rule">
        {period
          ? `${period.name}, ${period.start} to ${period.end}: ${total} criteria in ${categories.map((c) => CATEGORY_LABELS[c.category]).join(", ")}.`
          : `All ${total} criteria of the five categories.`}{" "}
        A control addresses a criterion when it is mapped to it, its category is in the period, it is not marked not applicable, and it
        operates by the period&apos;s end.
      </p>
      <section aria-labelledby="unaddressed-heading" data-testid="unaddressed">
        <h2 id="unaddressed-heading">Unaddressed criteria ({unaddressed.length})</h2>
        {unaddressed.length === 0 ? (
          <div role="status" className="alert success">
            Every criterion in scope is addressed by at least one control.
          </div>
        ) : (
          <>
            <div role="status" className="alert warn" data-testid="unaddressed-count">
              {unaddressed.length} of {total} criteria no control in scope addresses.
            </div>
            <ul aria-label="Unaddressed criteria">
              {unaddressed.map((c) => (
                <li key={c.id} data-unaddressed={c.id}>
                  <a href={`#criterion-${c.id}`}>{c.id}</a> {c.title}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {categories.map((category) => (
        <section key={category.category} aria-labelledby={`criteria-${category.category}`} style={{ marginTop: 24 }}>
          <h2 id={`criteria-${category.category}`}>{CATEGORY_LABELS[category.category]}</h2>
          <CriteriaCategoryTable label={CATEGORY_LABELS[category.category]} criteria={category.criteria} />
        </section>
      ))}
    </>
  );
}

function UnknownPeriod({ periods }: { periods: PeriodJson[] }) {
  return (
    <>
      <h1>Criteria</h1>
      <div role="alert" className="alert error" data-testid="unknown-period">
        There is no such audit period. {periods.length ? "Choose one below." : "No audit period exists yet."}
      </div>
      {periods.length > 0 && <PeriodPicker action="/criteria" periods={periods} />}
    </>
  );
}
