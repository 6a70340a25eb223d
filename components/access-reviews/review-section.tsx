import { quarterBesideName } from "@/lib/access-reviews/title";
import "server-only";
import { scopeOf } from "@/lib/auth/scope";
import Link from "next/link";
import { currentPrincipal } from "@/lib/auth/session";
import type { Principal } from "@/lib/auth/principal";
import { canMarkRevocationDone, canSignOff } from "@/lib/access-reviews/caller-rules";
import { listRevocations, openInboxCount, signOffState, type RevocationRow } from "@/lib/access-reviews/decision-queries";
import { REVOCATION_OVERDUE_DAYS } from "@/lib/access-reviews/revocations";
import { RevocationForm } from "@/components/access-reviews/revocation-form";
import { SignOffForm } from "@/components/access-reviews/sign-off-form";

const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** The bottom of an access review page: sign-off (or who signed, when and what), the record, the revocations. */
export async function ReviewSection({ reviewId }: { reviewId: string }) {
  const principal = await currentPrincipal();
  if (!principal) return null;
  const state = await signOffState(reviewId);
  if (!state) return null;
  const revocations = state.status === "DRAFT" ? null : await listRevocations({ reviewId, state: "all" }, await scopeOf(principal));
  const open = state.total - state.decided;
  return (
    <section aria-labelledby="sign-off-heading" className="review-section">
      <h2 id="sign-off-heading">Sign-off</h2>
      {state.status === "DRAFT" && <p className="muted">Sign-off comes once the access review is started and every item is decided.</p>}
      {state.status === "IN_PROGRESS" && (
        <>
          <p>
            {state.decided} of {state.total} item{state.total === 1 ? "" : "s"} decided.
          </p>
          {canSignOff(principal).ok ? (
            <SignOffForm reviewId={state.id} open={open} total={state.total} />
          ) : (
            <p className="muted">A compliance lead signs off once every item is decided.</p>
          )}
        </>
      )}
      {state.status === "SIGNED_OFF" && (
        <>
          <p className="alert warn" role="note" data-testid="review-locked">
            <strong>Locked.</strong> This access review is signed off; nothing in it can change. Only revocations are followed up below.
          </p>
          <dl className="facts">
            <dt>Signed off by</dt>
            <dd data-testid="signed-off-by">
              {state.signOffName} ({state.signedOffBy})
            </dd>
            <dt>Signed off at</dt>
            <dd>{state.signedOffAt ? utc(state.signedOffAt) : "—"}</dd>
            <dt>Statement</dt>
            <dd data-testid="sign-off-statement">{state.signOffStatement}</dd>
            {state.evidence && (
              <>
                <dt>Record</dt>
                <dd>
                  <span className="toolbar">
                    <Link href={`/access-reviews/${state.id}/record`}>Printable record</Link>
                    <a href={`/api/v1/access-reviews/${state.id}/record`} download>
                      Download record (CSV)
                    </a>
                    <Link href={`/evidence/${state.evidence.id}`}>Evidence for AI-SEC-05</Link>
                  </span>
                  <code className="muted" data-testid="record-sha256">
                    SHA-256 {state.evidence.fileSha256}
                  </code>
                </dd>
              </>
            )}
          </dl>
        </>
      )}
      {revocations && (
        <>
          <h2>Revocations</h2>
          <RevocationTable rows={revocations.items} principal={principal} today={revocations.today} />
          {revocations.pageCount > 1 && (
            <p>
              <Link href={`/access-reviews/revocations?state=all&review=${state.id}`}>
                All {revocations.total} revocations of this access review
              </Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** Links from the access review list: the signed-in reviewer's inbox with its open count, and the revocations. */
export async function AccessReviewLinks() {
  const principal = await currentPrincipal();
  if (!principal) return null;
  const open = principal.may("access-reviews:decide") ? await openInboxCount(principal.user.id) : null;
  return (
    <p className="toolbar">
      {open !== null && <Link href="/access-reviews/inbox">My inbox ({open})</Link>}
      <Link href="/access-reviews/revocations">Revocations</Link>
    </p>
  );
}

/** Revocations and modifications: open ones with a mark-done form (for a lead or the item's reviewer), overdue ones said in words. */
export function RevocationTable({
  rows,
  principal,
  today,
  showAccessReview = false,
}: {
  rows: RevocationRow[];
  principal: Principal;
  today: string;
  showAccessReview?: boolean;
}) {
  if (rows.length === 0) return <div className="card empty">No revocation or modification to follow up.</div>;
  return (
    <table className="data" aria-label="Revocations">
      <thead>
        <tr>
          {showAccessReview && <th scope="col">Access review</th>}
          <th scope="col">Access</th>
          <th scope="col">Decision</th>
          <th scope="col">Reviewer</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-revocation={r.id} className={r.overdue ? "overdue" : undefined}>
            {showAccessReview && (
              <td>
                <Link href={`/access-reviews/${r.review.id}`}>{r.review.name}</Link>
                {quarterBesideName(r.review.name, r.review.quarter) && <div className="muted">{r.review.quarter}</div>}
              </td>
            )}
            <td>
              {r.principal} on {r.resource}
              <div className="muted">{r.accessLevel}</div>
            </td>
            <td>
              {r.decision === "REVOKE" ? "Revoke" : "Modify"}
              {r.comment && <div className="muted">{r.comment}</div>}
              <div className="muted">decided {r.decidedOn ?? "—"}</div>
            </td>
            <td>{r.reviewer ?? "—"}</td>
            <td>
              {r.doneOn ? (
                <span data-state="done">
                  <span className="badge ACCEPTED">Done</span> on {r.doneOn} by {r.doneBy ?? "—"}
                  {r.note && <div className="muted">{r.note}</div>}
                </span>
              ) : (
                <>
                  {r.overdue ? (
                    <span className="badge REJECTED" data-state="overdue">
                      Overdue
                    </span>
                  ) : (
                    <span className="badge SUBMITTED" data-state="open">
                      Open
                    </span>
                  )}{" "}
                  <span className="muted">
                    {r.dueOn
                      ? `${r.overdue ? "was due" : "due"} by ${r.dueOn} (${REVOCATION_OVERDUE_DAYS} days after sign-off)`
                      : `due ${REVOCATION_OVERDUE_DAYS} days after sign-off`}
                  </span>
                  {canMarkRevocationDone(r, principal).ok && (
                    <RevocationForm
                      reviewId={r.review.id}
                      itemId={r.id}
                      label={`${r.principal} on ${r.resource}`}
                      today={today}
                      earliest={r.decidedOn}
                    />
                  )}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
