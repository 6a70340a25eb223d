import Link from "next/link";
import type { EvidenceTimelineEntry } from "@/lib/evidence/timeline";
import { EvidenceStatusBadge } from "@/components/evidence/evidence-table-columns";
import styles from "@/components/evidence/evidence.module.css";

interface Props {
  code: string;
  entries: EvidenceTimelineEntry[];
  total: number;
  canUpload: boolean;
}

/** A control's evidence, newest effective date first; rejected and withdrawn records stay, marked. */
export function EvidenceTimeline({ code, entries, total, canUpload }: Props) {
  const encoded = encodeURIComponent(code);
  return (
    <section aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence</h2>
      <div className="toolbar">
        {canUpload && (
          <Link className="button" href={`/evidence/upload?control=${encoded}`}>
            Upload evidence for {code}
          </Link>
        )}
        {total > 0 && (
          <Link className="button secondary" href={`/evidence?control=${encoded}`}>
            All evidence for {code}
          </Link>
        )}
      </div>
      {entries.length === 0 ? (
        <div className="card empty">No evidence is recorded for {code} yet.</div>
      ) : (
        <>
          <p className="muted">
            {total > entries.length ? `The latest ${entries.length} of ${total}, by effective date.` : `${total} by effective date.`}
          </p>
          <ol className={styles.timeline} aria-label={`Evidence for ${code}`}>
            {entries.map((e) => {
              const voided = e.status === "REJECTED" || e.status === "WITHDRAWN";
              return (
                <li key={e.id} className={voided ? styles.voided : undefined} data-status={e.status}>
                  <time dateTime={e.effectiveDate} className={styles.date}>
                    {e.effectiveDate}
                  </time>
                  <div>
                    <Link href={`/evidence/${e.id}`}>{e.title}</Link>{" "}
                    <EvidenceStatusBadge status={e.status} selfReviewed={e.selfReviewed} />
                    <div className="muted">
                      v{e.version}
                      {e.superseded && " (superseded)"} · uploaded by {e.uploadedBy ?? "unknown"}
                    </div>
                    {voided && e.reason && (
                      <div className={styles.reason}>
                        {e.status === "REJECTED" ? "Rejected" : "Withdrawn"}: {e.reason}
                      </div>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
