import type { Principal } from "@/lib/auth/principal";
import { scopeOf } from "@/lib/auth/scope";
import { currentPrincipal } from "@/lib/auth/session";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { evidenceWithVersions } from "@/lib/evidence/queries";
import { formatBytes } from "@/lib/format";
import { canWithdrawEvidence } from "@/lib/evidence/ownership";
import { EVIDENCE_SOURCE_LABELS, EVIDENCE_STATUS_LABELS } from "@/lib/validations/evidence";
import { ReviewForm } from "@/components/evidence/review-form";
import { WithdrawForm } from "@/components/evidence/withdraw-form";
import { FeatureLinks } from "@/components/inventory/feature-links";
import { featureLabels } from "@/lib/features/labels";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

// Evidence outside the caller's scope (an auditor's periods) is not found, in the title as on the page.
const load = async (raw: string, principal: Principal | null) => {
  const id = z.uuid().safeParse(raw);
  return id.success && principal ? evidenceWithVersions(id.data, await scopeOf(principal)) : null;
};

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await load((await params).id, await currentPrincipal()))?.evidence.title ?? "Evidence" };
}

export default async function EvidencePage({ params }: Params) {
  const principal = await requirePage("evidence:read");
  const found = await load((await params).id, principal);
  if (!found) notFound();
  const { evidence, uploader } = found;
  const features = await featureLabels(evidence.features);
  const canReview = principal.may("evidence:review");
  const latest = evidence.supersededBy === null;
  // A generated record (a signed-off access review's) stays as it is: no correction, no withdrawal.
  const generated = evidence.source === "GENERATED";
  // Withdrawal and correction follow one rule (lib/evidence/ownership.ts): the uploader, or a reviewer.
  const mayChange = canWithdrawEvidence(uploader, principal).ok;
  const mayWithdraw = !generated && evidence.status !== "WITHDRAWN" && mayChange;
  return (
    <>
      <p>
        <Link href="/evidence">← Evidence</Link>
      </p>
      <h1>{evidence.title}</h1>
      <p className="lede">
        <span className={`badge ${evidence.status}`}>{EVIDENCE_STATUS_LABELS[evidence.status]}</span> for{" "}
        <Link href={`/controls/${evidence.control}`}>{evidence.control}</Link> · effective {evidence.effectiveDate} · version{" "}
        {evidence.version}
      </p>
      {!latest && (
        <div role="note" className="alert warn">
          A newer version exists: <Link href={`/evidence/${evidence.supersededBy}`}>open the latest version</Link>. This one stays on
          record.
        </div>
      )}
      <div className="toolbar">
        {evidence.sha256 ? (
          <a className="button" href={`/api/v1/evidence/${evidence.id}/file`} download>
            Download {evidence.fileName}
          </a>
        ) : (
          <a className="button" href={evidence.url!} rel="noopener noreferrer nofollow" target="_blank">
            Open link
          </a>
        )}
        {latest && !generated && mayChange && (
          <Link className="button secondary" href={`/evidence/upload?supersedes=${evidence.id}`}>
            Upload a corrected version
          </Link>
        )}
        {mayWithdraw && <WithdrawForm id={evidence.id} />}
      </div>
      {canReview && evidence.status === "SUBMITTED" && latest && (
        <section className="card" aria-labelledby="review-heading">
          <h2 id="review-heading">Review</h2>
          <p className="muted">Only accepted evidence counts toward coverage.</p>
          <ReviewForm id={evidence.id} title={evidence.title} />
        </section>
      )}
      <section className="card" aria-labelledby="facts-heading">
        <h2 id="facts-heading">Record</h2>
        <dl className="facts">
          <dt>Description</dt>
          <dd>{evidence.description ?? "—"}</dd>
          {evidence.sha256 ? (
            <>
              <dt>File</dt>
              <dd>
                {evidence.fileName} · {formatBytes(evidence.size ?? 0)} · {evidence.mediaType}
              </dd>
              <dt>SHA-256</dt>
              <dd>
                <code>{evidence.sha256}</code>
              </dd>
            </>
          ) : (
            <>
              <dt>URL</dt>
              <dd>
                <code>{evidence.url}</code>
              </dd>
            </>
          )}
          <dt>Valid</dt>
          <dd>{evidence.validFrom || evidence.validUntil ? `${evidence.validFrom ?? "…"} to ${evidence.validUntil ?? "…"}` : "—"}</dd>
          <dt>Features</dt>
          <dd>
            <FeatureLinks features={features} none="—" />
          </dd>
          <dt>Uploaded</dt>
          <dd>
            {evidence.uploadedAt.replace("T", " ").slice(0, 19)} UTC by {evidence.uploadedBy ?? "—"} (
            {EVIDENCE_SOURCE_LABELS[evidence.source]})
          </dd>
          {(evidence.commitSha || evidence.pullRequest || evidence.runUrl) && (
            <>
              <dt>From CI</dt>
              <dd>
                {evidence.commitSha && (
                  <>
                    commit <code>{evidence.commitSha}</code>{" "}
                  </>
                )}
                {evidence.pullRequest && <>pull request {evidence.pullRequest} </>}
                {evidence.runUrl && (
                  <a href={evidence.runUrl} rel="noopener noreferrer nofollow" target="_blank">
                    CI run
                  </a>
                )}
              </dd>
            </>
          )}
          {evidence.reviewedAt && (
            <>
              <dt>{evidence.status === "REJECTED" ? "Rejected" : "Reviewed"}</dt>
              <dd>
                {evidence.reviewedAt.replace("T", " ").slice(0, 19)} UTC by {evidence.reviewedBy}
                {evidence.selfReviewed && (
                  <>
                    {" "}
                    <span className="badge PARTIAL" data-testid="self-reviewed">
                      Self-reviewed
                    </span>{" "}
                    <span className="muted">(by the person who uploaded it; the organisation allows self-review)</span>
                  </>
                )}
                {evidence.reviewReason && <p>{evidence.reviewReason}</p>}
              </dd>
            </>
          )}
          {evidence.withdrawnAt && (
            <>
              <dt>Withdrawn</dt>
              <dd>
                {evidence.withdrawnAt.replace("T", " ").slice(0, 19)} UTC: {evidence.withdrawnReason}
              </dd>
            </>
          )}
        </dl>
      </section>
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">Versions</h2>
        <ol className="versions">
          {evidence.versions.map((v) => (
            <li key={v.id}>
              {v.id === evidence.id ? (
                <strong>Version {v.version} (this one)</strong>
              ) : (
                <Link href={`/evidence/${v.id}`}>Version {v.version}</Link>
              )}{" "}
              · {EVIDENCE_STATUS_LABELS[v.status]} · uploaded {v.uploadedAt.replace("T", " ").slice(0, 16)} UTC
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
