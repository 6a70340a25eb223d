import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { ChangesFilter, changesHref } from "@/components/changes/changes-filter";
import { changeFeatureOptions, listChanges } from "@/lib/changes/queries";
import { can } from "@/lib/permissions";
import { CHANGE_KIND_LABELS, changeListQuery } from "@/lib/validations/change";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Model and prompt changes" };

const blankToUndefined = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() !== "" ? v : undefined);

export default async function ChangesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePage("changes:read");
  const raw = await searchParams;
  const parsed = changeListQuery.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, blankToUndefined(v)])));
  const query = parsed.success ? parsed.data : { page: 1 };
  const [{ items, total, pageCount }, features] = await Promise.all([listChanges(query), changeFeatureOptions()]);
  const canWrite = can(user.role, "changes:write");
  return (
    <>
      <h1>Model and prompt changes</h1>
      <p className="lede">
        Every merged model upgrade, prompt change, fine-tune and configuration change (AI-PI-01), cross-referenced against accepted
        evaluation evidence that names the same commit or pull request (AI-PI-02). A change without it, or without an approver or ticket, is
        a finding.
      </p>
      {!parsed.success && <div className="alert error">Some filters were not understood and are ignored.</div>}
      {canWrite && (
        <p className="toolbar">
          <Link className="button" href="/changes/new">
            Record a change
          </Link>
          <Link className="button" href="/changes/import">
            Import changes
          </Link>
        </p>
      )}
      <ChangesFilter query={query} features={features} />
      <p className="muted">
        {total} change{total === 1 ? "" : "s"}
        {pageCount > 1 ? `, page ${query.page} of ${pageCount}` : ""}.
      </p>
      {items.length === 0 ? (
        <div className="card empty">No change matches.{canWrite ? " Record one, or import the merged pull requests of a period." : ""}</div>
      ) : (
        <table className="data" aria-label="Changes">
          <thead>
            <tr>
              <th scope="col">Merged (UTC)</th>
              <th scope="col">Change</th>
              <th scope="col">Kind</th>
              <th scope="col">Feature</th>
              <th scope="col">Approval</th>
              <th scope="col">Evaluation evidence</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id} data-change={c.id}>
                <td>{c.mergedAt.slice(0, 16).replace("T", " ")}</td>
                <td>
                  {c.title}
                  <div className="muted">
                    {[c.pullRequest && `PR ${c.pullRequest}`, c.commitSha && `commit ${c.commitSha.slice(0, 12)}`]
                      .filter(Boolean)
                      .join(" · ") || "no pull request or commit"}
                  </div>
                </td>
                <td>{CHANGE_KIND_LABELS[c.kind]}</td>
                <td>{c.feature ?? "—"}</td>
                <td>
                  {c.approvedBy && c.ticket ? (
                    `${c.approvedBy} · ${c.ticket}`
                  ) : (
                    <span className="error" data-finding="approval">
                      Finding: no {[!c.approvedBy && "approver", !c.ticket && "ticket"].filter(Boolean).join(" or ")}
                      {c.approvedBy ? ` (approved by ${c.approvedBy})` : c.ticket ? ` (ticket ${c.ticket})` : ""}
                    </span>
                  )}
                </td>
                <td data-covered={c.covered}>
                  {c.covered ? (
                    <>
                      Covered by{" "}
                      {c.evidence.map((id, i) => (
                        <span key={id}>
                          {i > 0 && ", "}
                          <Link href={`/evidence/${id}`}>evidence {id.slice(0, 8)}</Link>
                        </span>
                      ))}
                    </>
                  ) : (
                    <>
                      <span className="error">NOT covered</span>
                      {canWrite && (
                        <>
                          {" · "}
                          <Link href="/evidence/upload?control=AI-PI-02">Upload evaluation evidence</Link>
                        </>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pageCount > 1 && (
        <nav aria-label="Pages" className="toolbar">
          {query.page > 1 && (
            <Link href={changesHref(query, { page: query.page - 1 })} rel="prev">
              ← Newer
            </Link>
          )}
          <span>
            Page {query.page} of {pageCount}
          </span>
          {query.page < pageCount && (
            <Link href={changesHref(query, { page: query.page + 1 })} rel="next">
              Older →
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
