import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { recordView } from "@/lib/access-reviews/decision-queries";
import { DECISION_LABELS } from "@/lib/access-reviews/record";
import { PRINCIPAL_KIND_LABELS, RESOURCE_KIND_LABELS } from "@/lib/validations/access-review";
import { PrintButton } from "@/app/(app)/access-reviews/[reviewId]/record/print-button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Access review record" };

const utc = (d: Date | null) => (d ? `${d.toISOString().slice(0, 19).replace("T", " ")} UTC` : "—");

// The printable record of a signed-off access review: every item and decision, the sign-off, and the
// SHA-256 of the CSV stored as AI-SEC-05 evidence (the CSV is the record of truth; this page shows it).
export default async function RecordPage({ params }: { params: Promise<{ reviewId: string }> }) {
  const principal = await requirePage("access-reviews:read");
  const { reviewId } = await params;
  if (!z.uuid().safeParse(reviewId).success) notFound();
  const review = await recordView(reviewId, await scopeOf(principal));
  if (!review) notFound();
  const signed = review.status === "SIGNED_OFF";
  return (
    <article aria-label="Access review record">
      <p className="toolbar no-print">
        <Link href={`/access-reviews/${review.id}`}>← Access review</Link>
        {signed && <PrintButton />}
        {signed && review.evidence && (
          <>
            <a href={`/api/v1/access-reviews/${review.id}/record`} download>
              Download record (CSV)
            </a>
            <Link href={`/evidence/${review.evidence.id}`}>Evidence for AI-SEC-05</Link>
          </>
        )}
      </p>
      <h1>Access review record: {review.name}</h1>
      {!signed && (
        <div className="alert warn" role="note">
          This access review is not signed off yet, so it has no record: the record is generated at sign-off. What follows is the current
          state.
        </div>
      )}
      <dl className="facts">
        <dt>Quarter</dt>
        <dd>{review.quarter}</dd>
        {review.performedIn && (
          <>
            <dt>Performed in</dt>
            <dd>
              {review.performedIn}
              {review.late ? `, late for ${review.quarter}` : ""}
            </dd>
          </>
        )}
        <dt>Control</dt>
        <dd>AI-SEC-05</dd>
        <dt>Scope</dt>
        <dd>
          {[...review.resources.map((r) => RESOURCE_KIND_LABELS[r]), ...review.features.map((f) => f.feature.name)].join(", ") || "—"}
        </dd>
        <dt>Started</dt>
        <dd>{utc(review.startedAt)}</dd>
        <dt>Due</dt>
        <dd>{review.dueDate?.toISOString().slice(0, 10) ?? "—"}</dd>
        <dt>Items</dt>
        <dd>
          {review.items.length}:{" "}
          {(["KEEP", "REVOKE", "MODIFY"] as const)
            .map((d) => `${review.items.filter((i) => i.decision === d).length} ${DECISION_LABELS[d].toLowerCase()}`)
            .join(", ")}
        </dd>
      </dl>
      <h2>Items</h2>
      <table className="data" aria-label="Record items">
        <thead>
          <tr>
            <th scope="col">Principal</th>
            <th scope="col">Resource</th>
            <th scope="col">Access level</th>
            <th scope="col">Source</th>
            <th scope="col">Reviewer</th>
            <th scope="col">Decision</th>
            <th scope="col">Comment</th>
            <th scope="col">Decided</th>
          </tr>
        </thead>
        <tbody>
          {review.items.map((i) => (
            <tr key={i.id}>
              <td>
                {i.principal}
                <div className="muted">{PRINCIPAL_KIND_LABELS[i.principalKind]}</div>
              </td>
              <td>
                {i.resource}
                <div className="muted">{RESOURCE_KIND_LABELS[i.resourceKind]}</div>
              </td>
              <td>{i.accessLevel}</td>
              <td>{i.source}</td>
              <td>{i.reviewer?.email ?? "—"}</td>
              <td>{i.decision ? DECISION_LABELS[i.decision] : "Not decided"}</td>
              <td>
                {i.comment ?? "—"}
                {i.selfJustification && <div className="muted">Self-review justification: {i.selfJustification}</div>}
              </td>
              <td>
                {utc(i.decidedAt)}
                <div className="muted">{i.decidedBy?.email ?? ""}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {signed && (
        <section aria-labelledby="record-sign-off" className="card">
          <h2 id="record-sign-off">Sign-off</h2>
          <dl className="facts">
            <dt>Signed off by</dt>
            <dd>
              {review.signOffName} ({review.signedOffBy?.email ?? "—"})
            </dd>
            <dt>Signed off at</dt>
            <dd>{utc(review.signedOffAt)}</dd>
            <dt>Statement</dt>
            <dd>{review.signOffStatement}</dd>
            {review.evidence && (
              <>
                <dt>Stored record</dt>
                <dd>
                  {review.evidence.fileName}, {review.evidence.file ? `${review.evidence.file.size} bytes` : ""}, evidence{" "}
                  {review.evidence.status.toLowerCase()} for {review.evidence.control.code}
                </dd>
                <dt>SHA-256</dt>
                <dd>
                  <code data-testid="record-sha256">{review.evidence.fileSha256}</code>
                </dd>
              </>
            )}
          </dl>
        </section>
      )}
    </article>
  );
}
