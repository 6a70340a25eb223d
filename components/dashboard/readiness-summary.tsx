import Link from "next/link";
import { furtherReadinessChecks, readinessChecks } from "@/lib/readiness/checks";

/** The readiness checks at a glance: each with its count (or "passes"), opening its card on /readiness. */
export async function ReadinessSummary() {
  const [guide, further] = await Promise.all([readinessChecks(), furtherReadinessChecks()]);
  const checks = [...guide, ...further];
  const failing = checks.filter((c) => c.count > 0).length;
  return (
    <section aria-labelledby="readiness-summary-heading" className="card" data-figure="readiness" style={{ marginTop: 24 }}>
      <h2 id="readiness-summary-heading">Readiness checks</h2>
      <p className="muted">{failing === 0 ? "Every check passes." : `${failing} of ${checks.length} need attention.`}</p>
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
