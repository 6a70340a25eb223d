import type { Scope } from "@/lib/auth/scope";
import Link from "next/link";
import { furtherReadinessChecks, readinessChecks } from "@/lib/readiness/checks";
import { readinessScope } from "@/lib/readiness/scope";

/** The current period's readiness checks at a glance: each with its count (or "passes"), opening its card on /readiness. */
export async function ReadinessSummary({ visible }: { visible: Scope }) {
  const scope = await readinessScope(undefined, visible);
  if (!scope) {
    return (
      <section aria-labelledby="readiness-summary-heading" className="card" data-figure="readiness" style={{ marginTop: 24 }}>
        <h2 id="readiness-summary-heading">Readiness checks</h2>
        <p className="muted">The readiness checks run for an audit period, and there is none yet.</p>
      </section>
    );
  }
  const [guide, further] = await Promise.all([readinessChecks(scope), furtherReadinessChecks(scope)]);
  const checks = [...guide, ...further];
  const failing = checks.filter((c) => c.count > 0).length;
  return (
    <section aria-labelledby="readiness-summary-heading" className="card" data-figure="readiness" style={{ marginTop: 24 }}>
      <h2 id="readiness-summary-heading">Readiness checks</h2>
      <p className="muted">
        {scope.name} ({scope.startDate} to {scope.endDate}):{" "}
        {failing === 0 ? "every check passes." : `${failing} of ${checks.length} need attention.`}
      </p>
      <ul aria-label="Readiness checks">
        {checks.map((check) => (
          <li key={check.id} data-readiness={check.id}>
            <Link href={`/readiness#${check.id}`}>{check.title}</Link>:{" "}
            {check.count === 0 ? (
              <span className="badge IN_PLACE">Passes</span>
            ) : (
              <span className="badge MISSING" data-testid="readiness-count">
                {check.count} {check.count === 1 ? "finding" : "findings"}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
