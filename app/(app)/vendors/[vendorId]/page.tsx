import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { organisationToday } from "@/lib/org-time";
import { controlForKind, ITEM_STATE_LABELS, KIND_LABELS, PACKAGE_KINDS, REQUIRED_KINDS } from "@/lib/vendors/package";
import { controlChoices, getVendor, linkableEvidence } from "@/lib/vendors/queries";
import { readinessScope } from "@/lib/readiness/scope";
import { EVIDENCE_STATUS_LABELS } from "@/lib/validations/evidence";
import { dpaTermsSummary, PackageBadge, PackageStateBadge } from "@/components/vendors/package-badge";
import { RecordReviewForm } from "@/components/vendors/record-review-form";
import { FallbackForm } from "@/components/vendors/fallback-form";
import { LinkEvidenceForm } from "@/components/vendors/link-evidence-form";
import { SubserviceSection } from "@/components/vendors/subservice-section";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Vendor" };

const validity = (from: string | null, until: string | null) =>
  from || until ? `${from ?? "…"} to ${until ?? "open-ended"}` : "No validity dates";

export default async function VendorPage({ params }: { params: Promise<{ vendorId: string }> }) {
  const principal = await requirePage("vendors:read");
  const id = z.uuid().safeParse((await params).vendorId);
  const vendor = id.success ? await getVendor(id.data, await scopeOf(principal)) : null;
  if (!vendor) notFound();
  const lead = principal.may("vendors:write");
  const [evidence, today, period, controls] = await Promise.all([
    lead ? linkableEvidence() : [],
    organisationToday(),
    readinessScope(undefined, await scopeOf(principal)), // the readiness page's default period, so both say the same about its reports
    lead ? controlChoices() : [],
  ]);
  const evidenceChoices = evidence.map((e) => ({ ...e, control: e.control.code }));
  const { review } = vendor.package;
  return (
    <>
      <p>
        <Link href="/vendors">← Vendors</Link>
      </p>
      <h1>{vendor.name}</h1>
      <p className="lede">
        Package: <PackageStateBadge complete={vendor.package.complete} />
        {vendor.package.reasons.length > 0 && <> — {vendor.package.reasons.join("; ")}.</>}
      </p>
      {lead && (
        <p>
          <Link className="button secondary" href={`/vendors/${vendor.id}/edit`}>
            Edit vendor
          </Link>
        </p>
      )}

      <div className="grid-2" style={{ gap: 16 }}>
        <section className="card" aria-labelledby="terms-heading">
          <h2 id="terms-heading">Terms and contacts</h2>
          <dl>
            <dt>Website</dt>
            <dd>{vendor.website ? <a href={vendor.website}>{vendor.website}</a> : "—"}</dd>
            <dt>Security contact</dt>
            <dd data-field="securityContact">{vendor.securityContact ?? "—"}</dd>
            <dt>DPA terms</dt>
            <dd data-field="dpaTerms">{dpaTermsSummary(vendor)}</dd>
            <dt>Transfer safeguards</dt>
            <dd>{vendor.transferSafeguards ?? "—"}</dd>
            <dt>Incident notification commitment</dt>
            <dd data-field="incidentNotification">{vendor.incidentNotification ?? "—"}</dd>
            <dt>Models</dt>
            <dd>{vendor.models.join(", ") || "—"}</dd>
            {vendor.notes && (
              <>
                <dt>Notes</dt>
                <dd>{vendor.notes}</dd>
              </>
            )}
          </dl>
        </section>
        <section
          className="card"
          aria-labelledby="review-heading"
          data-review={review.overdue ? "overdue" : review.notReviewed ? "not-reviewed" : "current"}
        >
          <h2 id="review-heading">Annual review</h2>
          <p>
            Last reviewed: {review.lastReviewedAt ?? "not reviewed yet"}. Next review due: {review.nextReviewDue ?? "—"}
            {review.overdue && (
              <>
                {" "}
                <span className="badge MISSING">Overdue</span>
              </>
            )}
          </p>
          {lead && <RecordReviewForm vendorId={vendor.id} today={today} />}
        </section>
      </div>

      <section aria-labelledby="package-heading" style={{ marginTop: 24 }}>
        <h2 id="package-heading">Due-diligence package</h2>
        <table className="data" aria-label="Package items">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">State</th>
              <th scope="col">Evidence</th>
              {lead && <th scope="col">Add</th>}
            </tr>
          </thead>
          <tbody>
            {PACKAGE_KINDS.map((kind) => {
              const items = vendor.packageItems.filter((i) => i.kind === kind);
              return (
                <tr key={kind} data-kind={kind}>
                  <th scope="row">
                    {KIND_LABELS[kind]}
                    {REQUIRED_KINDS.includes(kind) ? "" : " (if available)"}
                  </th>
                  <td>
                    <PackageBadge kind={kind} state={vendor.package.items[kind]} />
                  </td>
                  <td>
                    {items.length === 0 ? (
                      "—"
                    ) : (
                      <ul>
                        {items.map((i) => (
                          <li key={i.id}>
                            {i.evidence ? (
                              <>
                                <Link href={`/evidence/${i.evidence.id}`}>{i.evidence.title}</Link> (
                                {EVIDENCE_STATUS_LABELS[i.evidence.status]}, {validity(i.evidence.validFrom, i.evidence.validUntil)})
                              </>
                            ) : (
                              "No evidence linked"
                            )}
                            {i.notes ? ` — ${i.notes}` : ""}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  {lead && (
                    <td>
                      <Link
                        href={`/evidence/upload?vendor=${vendor.id}&vendorItem=${kind}`}
                        aria-label={`Upload ${KIND_LABELS[kind]} for ${vendor.name}`}
                      >
                        Upload ({controlForKind(kind)})
                      </Link>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="muted">
          States: {Object.values(ITEM_STATE_LABELS).join(", ")}. &ldquo;Present&rdquo; needs accepted evidence valid today;
          &ldquo;Expiring&rdquo; means it ends within 30 days. A SOC 2 report&apos;s validity is the period it covers; it stays current for
          12 months after that period ends.
        </p>
        {lead && (
          <details>
            <summary>Link evidence that is already uploaded</summary>
            <LinkEvidenceForm vendorId={vendor.id} evidence={evidenceChoices} />
          </details>
        )}
      </section>

      <SubserviceSection vendor={vendor} lead={lead} period={period} controls={controls} evidence={evidenceChoices} />

      <section aria-labelledby="features-heading" style={{ marginTop: 24 }}>
        <h2 id="features-heading">Features that depend on it</h2>
        {vendor.features.length === 0 ? (
          <p className="muted">No feature in the inventory depends on this vendor.</p>
        ) : (
          <ul className="plain">
            {vendor.features.map((f) => (
              <li key={f.slug} data-feature={f.slug} className="card">
                <p>
                  <Link href={`/inventory/${f.slug}`}>{f.name}</Link>
                  {f.status === "RETIRED" ? " (retired)" : ""} — model: {f.model ?? "not recorded"}
                </p>
                {lead ? (
                  <FallbackForm vendorId={vendor.id} feature={f} fallbackStrategy={f.fallbackStrategy} />
                ) : (
                  <p data-field="fallbackStrategy">Fallback strategy: {f.fallbackStrategy ?? "none recorded"}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
