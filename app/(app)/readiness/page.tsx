import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { furtherReadinessChecks, ITEMS_SHOWN, readinessChecks, type ReadinessCheck } from "@/lib/readiness/checks";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Readiness" };

export default async function ReadinessPage() {
  await requirePage("controls:read");
  const [checks, further] = await Promise.all([readinessChecks(), furtherReadinessChecks()]);
  const failing = checks.filter((c) => c.count > 0).length;
  return (
    <>
      <h1>Readiness</h1>
      <p className="lede">
        The seven findings auditors most often raise when AI features join a SOC 2 scope, checked against today&apos;s data:{" "}
        {failing === 0 ? "all pass." : `${failing} of ${checks.length} need attention.`}
      </p>
      <div className="grid-2" style={{ gap: 16 }}>
        {checks.map((check) => (
          <CheckCard key={check.id} check={check} />
        ))}
      </div>
      <h2 style={{ marginTop: 24 }}>Further checks</h2>
      <div className="grid-2" style={{ gap: 16 }}>
        {further.map((check) => (
          <CheckCard key={check.id} check={check} further />
        ))}
      </div>
    </>
  );
}

/** One check: passes, or its count, the items behind it and where to fix them. `/readiness#<id>` jumps here. */
function CheckCard({ check, further = false }: { check: ReadinessCheck; further?: boolean }) {
  return (
    <section
      id={check.id}
      className="card"
      {...(further ? { "data-further-check": check.id } : { "data-check": check.id })}
      aria-labelledby={`check-${check.id}`}
    >
      <h2 id={`check-${check.id}`}>{check.title}</h2>
      <p className="muted">{check.guideText}</p>
      {check.count === 0 ? (
        <p data-testid="check-state">
          <span className="badge IN_PLACE">Passes</span>
        </p>
      ) : (
        <>
          <p data-testid="check-state">
            <span className="badge MISSING">
              {check.count} {check.count === 1 ? "finding" : "findings"}
            </span>
          </p>
          <ul aria-label={`Items: ${check.title}`}>
            {check.items.map((item) => (
              <li key={`${item.href} ${item.label}`}>
                <Link href={item.href}>{item.label}</Link>
              </li>
            ))}
          </ul>
          {check.count > ITEMS_SHOWN ? (
            <p className="muted">
              The first {ITEMS_SHOWN} of {check.count}.
            </p>
          ) : null}
          <Link className="button secondary" href={check.fixHref}>
            {check.fixLabel}
          </Link>
        </>
      )}
    </section>
  );
}
