import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requirePage } from "@/lib/auth/guard";
import { mayFollow } from "@/lib/auth/page-access";
import type { Principal } from "@/lib/auth/principal";
import { scopeOf } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { listPeriods } from "@/lib/periods/service";
import { PeriodPicker } from "@/components/periods/period-picker";
import { furtherReadinessChecks, ITEMS_SHOWN, readinessChecks, type ReadinessCheck } from "@/lib/readiness/checks";
import { readinessScope, type ReadinessScope } from "@/lib/readiness/scope";
import { isReady, readinessBadge, readinessState } from "@/lib/readiness/state";
import { readinessQuerySchema } from "@/lib/validations/readiness";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Readiness" };

export default async function ReadinessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePage("controls:read");
  const raw = (await searchParams).period;
  const query = readinessQuerySchema.safeParse({ period: typeof raw === "string" && raw !== "" ? raw : undefined });
  const visible = await scopeOf(principal);
  const [periods, scope] = await Promise.all([
    listPeriods(visible),
    query.success
      ? readinessScope(query.data.period, visible).catch((error: unknown) => {
          // An unknown period is the caller's mistake, said as such; anything else (an outage) goes to error.tsx.
          if (error instanceof AppError && error.code === "NOT_FOUND") return undefined;
          throw error;
        })
      : undefined,
  ]);
  if (scope === undefined) {
    return (
      <>
        <h1>Readiness</h1>
        <div role="alert" className="alert error" data-testid="unknown-period">
          There is no such audit period. {periods.length ? "Choose one below." : "No audit period exists yet."}
        </div>
        {periods.length > 0 && <PeriodPicker action="/readiness" periods={periods} />}
      </>
    );
  }
  if (scope === null) {
    return (
      <>
        <h1>Readiness</h1>
        <div className="card empty" data-testid="no-period">
          The readiness checks run for an audit period, and there is none yet.{" "}
          {principal.may("periods:write") ? (
            <Link href="/periods/new">Create an audit period</Link>
          ) : (
            "Ask a compliance lead to create one."
          )}
        </div>
      </>
    );
  }
  const current = scope.startDate <= scope.today && scope.today <= scope.endDate;
  return (
    <>
      <h1>Readiness</h1>
      <PeriodPicker action="/readiness" periods={periods} selected={scope.id} />
      <p className="muted" data-testid="readiness-period">
        {scope.name}, {scope.startDate} to {scope.endDate}
        {current ? " (current)" : ""}. Counted: changes merged in the period, features in its scope, and accepted evidence valid on every
        day from {scope.elapsed.start} to {scope.elapsed.end}.{" "}
        {principal.may("evidence:review") && <Link href="/readiness/incident-response">Incident plan and tabletop exercises</Link>}
      </p>
      {/* The checks are the page's slow part (a query or two each): the page shows at once, they follow. */}
      <Suspense
        fallback={
          <p className="muted" role="status">
            Running the readiness checks…
          </p>
        }
      >
        <ReadinessResults scope={scope} principal={principal} />
      </Suspense>
    </>
  );
}

async function ReadinessResults({ scope, principal }: { scope: ReadinessScope; principal: Principal }) {
  const [checks, further] = await Promise.all([readinessChecks(scope), furtherReadinessChecks(scope)]);
  // Not ready: failing, or with nothing recorded yet to check.
  const failing = checks.filter((c) => !isReady(c)).length;
  return (
    <>
      <p className="lede">
        The seven findings auditors most often raise when AI features join a SOC 2 scope, checked for one audit period:{" "}
        {failing === 0 ? "all pass." : `${failing} of ${checks.length} need attention.`}
      </p>
      <div className="grid-2" style={{ gap: 16 }}>
        {checks.map((check) => (
          <CheckCard key={check.id} check={check} principal={principal} />
        ))}
      </div>
      <h2 style={{ marginTop: 24 }}>Further checks</h2>
      <div className="grid-2" style={{ gap: 16 }}>
        {further.map((check) => (
          <CheckCard key={check.id} check={check} principal={principal} further />
        ))}
      </div>
    </>
  );
}

/**
 * One check: passes, nothing recorded yet, or its count, the items behind it, what would make it
 * pass and where. `/readiness#<id>` jumps here. A link to a page the person may not open (an
 * auditor's "Upload…") is left out: the item reads as text, and the remedy still says what is missing.
 */
function CheckCard({ check, principal, further = false }: { check: ReadinessCheck; principal: Principal; further?: boolean }) {
  return (
    <section
      id={check.id}
      className="card"
      {...(further ? { "data-further-check": check.id } : { "data-check": check.id })}
      aria-labelledby={`check-${check.id}`}
    >
      <h2 id={`check-${check.id}`}>{check.title}</h2>
      <p className="muted">{check.guideText}</p>
      {readinessState(check) === "PASSES" ? (
        <p data-testid="check-state">
          <span className="badge IN_PLACE">Passes</span>
        </p>
      ) : readinessState(check) === "NOTHING_RECORDED" ? (
        <>
          <p data-testid="check-state">
            <span className="badge MISSING">Nothing recorded yet</span>
          </p>
          <p className="muted" data-testid="check-remedy">
            There is nothing for this check to examine in this period yet, so it does not pass. Record what it checks first.
          </p>
          <FixLink check={check} principal={principal} />
        </>
      ) : (
        <>
          <p data-testid="check-state">
            <span className="badge MISSING">{readinessBadge(check)}</span>
          </p>
          <ul aria-label={`Items: ${check.title}`}>
            {check.items.map((item) => (
              <li key={`${item.href} ${item.label}`}>
                {mayFollow(principal, item.href) ? <Link href={item.href}>{item.label}</Link> : item.label}
              </li>
            ))}
          </ul>
          {check.count > ITEMS_SHOWN ? (
            <p className="muted">
              The first {ITEMS_SHOWN} of {check.count}.
            </p>
          ) : null}
          <p data-testid="check-remedy">
            <strong>To pass:</strong> {check.remedy}
          </p>
          <FixLink check={check} principal={principal} />
        </>
      )}
    </section>
  );
}

/** The check's fix-it button, for who may open the page it leads to (an auditor gets none). */
function FixLink({ check, principal }: { check: ReadinessCheck; principal: Principal }) {
  return mayFollow(principal, check.fixHref) ? (
    <Link className="button secondary" href={check.fixHref}>
      {check.fixLabel}
    </Link>
  ) : null;
}
