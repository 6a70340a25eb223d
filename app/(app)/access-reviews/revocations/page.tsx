import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { listRevocations } from "@/lib/access-reviews/decision-queries";
import { REVOCATION_OVERDUE_DAYS } from "@/lib/access-reviews/revocations";
import { RevocationTable } from "@/components/access-reviews/review-section";
import { PageLinks } from "@/components/ui/page-links";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Revocations" };

const query = z
  .object({
    state: z.enum(["open", "all"]).catch("open"),
    review: z.uuid().optional().catch(undefined),
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
  })
  .catch({ state: "open", review: undefined, page: 1 });

export default async function RevocationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePage("access-reviews:read");
  const { state, review, page } = query.parse(await searchParams);
  const list = await listRevocations({ state, page, reviewId: review }, await scopeOf(principal));
  const overdue = list.items.filter((r) => r.overdue).length;
  const href = (s: string, p = 1) =>
    `/access-reviews/revocations?state=${s}${review ? `&review=${review}` : ""}${p > 1 ? `&page=${p}` : ""}`;
  return (
    <>
      <p>
        <Link href="/access-reviews">← Access reviews</Link>
      </p>
      <h1>Revocations</h1>
      <p className="lede">
        Access that reviewers decided to revoke or modify stays open until someone marks it done with the date it was done. An open one is
        overdue {REVOCATION_OVERDUE_DAYS} days after its access review was signed off.
      </p>
      {review && (
        <p className="muted">
          One access review only. <Link href="/access-reviews/revocations">Show every access review</Link>
        </p>
      )}
      <nav className="toolbar" aria-label="Which revocations">
        {state === "open" ? <strong aria-current="page">Open</strong> : <Link href={href("open")}>Open</Link>}
        {state === "all" ? <strong aria-current="page">All, including done</strong> : <Link href={href("all")}>All, including done</Link>}
      </nav>
      <p className="muted">
        {list.total} {state === "open" ? "open " : ""}revocation{list.total === 1 ? "" : "s"}
        {overdue ? `, ${overdue} overdue on this page` : ""}
        {list.pageCount > 1 ? `, page ${page} of ${list.pageCount}` : ""}.
      </p>
      <RevocationTable rows={list.items} principal={principal} today={list.today} showAccessReview />
      <PageLinks page={page} pageCount={list.pageCount} hrefFor={(p) => href(state, p)} />
    </>
  );
}
