import { quarterBesideName } from "@/lib/access-reviews/title";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { inboxPage } from "@/lib/access-reviews/decision-queries";
import { canDecideItem } from "@/lib/access-reviews/caller-rules";
import { PRINCIPAL_KIND_LABELS, RESOURCE_KIND_LABELS } from "@/lib/validations/access-review";
import { DecisionForm } from "@/components/access-reviews/decision-form";
import { ProgressBar } from "@/components/access-reviews/progress-bar";
import { PageLinks } from "@/components/ui/page-links";
import { CredentialDetails, CredentialFlags } from "@/components/access-reviews/credential-facts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "My access-review inbox" };

const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) }).catch({ page: 1 });
const DECISION = { KEEP: "Keep", REVOKE: "Revoke", MODIFY: "Modify" } as const;

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePage("access-reviews:decide");
  const { page } = pageQuery.parse(await searchParams);
  const inbox = await inboxPage(principal.user.id, page);
  // The service's own rule (lib/access-reviews/caller-rules.ts), so the inbox never offers a decision it would refuse.
  const verdicts = new Map(
    inbox.groups.flatMap((g) => g.items.map((i) => [i.id, canDecideItem({ reviewerId: i.reviewerId, reviewerEmail: null }, principal)])),
  );
  return (
    <>
      <p>
        <Link href="/access-reviews">← Access reviews</Link>
      </p>
      <h1>My access-review inbox</h1>
      <p className="lede">
        The access you were asked to review, in access reviews in progress. Decide each item: keep, revoke or modify, with a comment. For
        your own access, also say why you are the right person to decide it. Decisions can change until a compliance lead signs the access
        review off.
      </p>
      <p className="muted" data-testid="inbox-count">
        {inbox.open} of {inbox.total} item{inbox.total === 1 ? "" : "s"} waiting for your decision
        {inbox.pageCount > 1 ? `, page ${page} of ${inbox.pageCount}` : ""}.
      </p>
      {inbox.groups.length === 0 ? (
        <div className="card empty">
          Nothing to review. When a compliance lead assigns you items in an access review, they appear here.{" "}
          <Link href="/access-reviews/revocations">Open revocations</Link>
        </div>
      ) : (
        inbox.groups.map((g) => (
          <section key={g.review.id} aria-label={`Access review ${g.review.name}`} className="card inbox-access-review">
            <h2>
              <Link href={`/access-reviews/${g.review.id}`}>{g.review.name}</Link>{" "}
              <span className="muted">{quarterBesideName(g.review.name, g.review.quarter)}</span>
            </h2>
            <ProgressBar done={g.done} total={g.total} label={`${g.done} of your ${g.total} items decided`} />
            {g.review.dueDate && <p className="muted">Decisions due by {g.review.dueDate}.</p>}
            <ul className="inbox-items">
              {g.items.map((i) => (
                <li key={i.id} data-inbox-item={i.id}>
                  <h3>
                    {i.principal} <span className="muted">({PRINCIPAL_KIND_LABELS[i.principalKind]})</span> on {i.resource}
                  </h3>
                  <p className="muted">
                    {i.accessLevel} · {RESOURCE_KIND_LABELS[i.resourceKind]} · from {i.source}
                    {i.own && (
                      <>
                        {" · "}
                        <strong>your own access</strong>
                      </>
                    )}
                  </p>
                  <CredentialFlags flags={i.flags} />
                  <CredentialDetails item={i} />
                  {i.decision ? (
                    <p data-testid="current-decision">
                      Decided: <strong>{DECISION[i.decision]}</strong>
                      {i.decidedAt ? ` at ${i.decidedAt.slice(0, 16).replace("T", " ")} UTC` : ""}
                    </p>
                  ) : (
                    <p className="badge SUBMITTED">Not decided</p>
                  )}
                  {verdicts.get(i.id)?.ok ? (
                    <DecisionForm
                      item={{
                        id: i.id,
                        reviewId: g.review.id,
                        principal: i.principal,
                        resource: i.resource,
                        own: i.own,
                        decision: i.decision,
                        comment: i.comment,
                        selfJustification: i.selfJustification,
                      }}
                    />
                  ) : (
                    <p className="muted">{(verdicts.get(i.id) as { reason: string }).reason}</p>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      <PageLinks page={page} pageCount={inbox.pageCount} hrefFor={(p) => `/access-reviews/inbox?page=${p}`} />
    </>
  );
}
