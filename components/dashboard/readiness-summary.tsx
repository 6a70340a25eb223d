import type { Scope } from "@/lib/auth/scope";
import Link from "next/link";
import { furtherReadinessChecks, readinessChecks } from "@/lib/readiness/checks";
import { readinessScope } from "@/lib/readiness/scope";
import { isReady, readinessBadge } from "@/lib/readiness/state";

/** The current period's readiness checks at a glance: each with its count (or "passes", or "nothing recorded yet"), opening its card on /readiness. */
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
  // Not ready: failing, or with nothing recorded yet to check.
  const failing = checks.filter((c) => !isReady(c)).length;
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
            {isReady(check) ? (
              <span className="badge IN_PLACE">Passes</span>
            ) : check.count === 0 ? (
              <span className="badge MISSING">{readinessBadge(check)}</span>
            ) : (
              <span className="badge MISSING" data-testid="readiness-count">
                {readinessBadge(check)}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
